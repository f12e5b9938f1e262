/**
 * Starting a re-evaluation and saving an evaluation's set-up, in-process on the demo data (the
 * Karlskoga 2022 report carried over: 36 pages, 97 000 characters). Reports the median of the
 * work inside the request and, apart, the carried pages copied after the answer.
 */
import { benchDatabase, fmt, medianMs } from './support';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { loadEvaluationSetup, updateEvaluationSetup } from '../../src/lib/server/evaluations/setup';
import { finishCarriedDocuments } from '../../src/lib/server/documents/carried';
import { systemActor } from '../../src/lib/server/accounts/audit';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const k = db.opened.db;
	const karlskoga = await k
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', '1883')
		.where('year', '=', 2022)
		.executeTakeFirstOrThrow();
	let year = 2040;
	const created: number[] = [];
	const start = await medianMs(7, async () => {
		created.push(
			await createEvaluation(k, systemActor, {
				municipalityCode: '1883',
				year: year++,
				rubricId: 'kommunkompassen-2020',
				teamUserIds: [],
				contactUserId: null,
				visitStart: null,
				visitEnd: null,
				previousEvaluationId: karlskoga.id
			})
		);
	});
	let next = 0;
	const pages = await medianMs(7, () => finishCarriedDocuments(k, created[next++]));
	const id = created[0];
	let day = 1;
	const save = await medianMs(7, async () => {
		const { rowVersion } = (await loadEvaluationSetup(k, id))!;
		await updateEvaluationSetup(k, systemActor, id, {
			teamUserIds: [],
			contactUserId: null,
			answersDue: null,
			visitStart: `2041-03-${String(day++).padStart(2, '0')}`,
			visitEnd: '2041-03-28',
			factCheckDue: null,
			publicationPlanned: null,
			expectedVersion: rowVersion
		});
	});
	await db.drop();
	return [
		`${db.label}`,
		`re-evaluation start (in the request, files carried over): median ${fmt(start)}`,
		`carried pages copied after the answer: median ${fmt(pages)}`,
		`set-up save: median ${fmt(save)}`
	];
}
