/**
 * Sources at the size of a large evaluation (40 interviews, 20 web observations, 600 evidence
 * items over 36 subareas, every written answer): median time of what the pages do — the scoring
 * view's sources of one subarea, the whole evidence list, the findings' citations — and of the
 * version-checked writes (an answer, an evidence item checked against the interview notes).
 */
import { benchDatabase, fmt, medianMs } from './support';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { interviewGroups } from '../../src/lib/domain/evaluation-content';
import { loadFindingCitations } from '../../src/lib/server/actions/evidence-citations';
import { createInterview } from '../../src/lib/server/sources/interviews';
import { createWebObservation } from '../../src/lib/server/sources/web-observations';
import {
	listWrittenAnswers,
	loadSubareaSources,
	saveWrittenAnswer
} from '../../src/lib/server/sources/written-answers';
import { createEvidence, listEvidence } from '../../src/lib/server/sources/evidence';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const k = db.opened.db;
	try {
		const rubric = await getRubricOrThrow(k, 'kommunkompassen-2020');
		const subareas = rubric.areas.flatMap((a) => a.subareas.map((s) => s.id));
		const id = await createEvaluation(k, systemActor, {
			municipalityCode: '0180',
			year: 2029,
			rubricId: rubric.id,
			teamUserIds: [],
			contactUserId: null,
			visitStart: null,
			visitEnd: null
		});
		const sentence = (i: number) =>
			`Påstående ${i} om styrning, uppföljning och dialog i kommunen.`;
		const notes = Array.from({ length: 50 }, (_, i) => sentence(i)).join(' ');
		const interviews: number[] = [];
		for (let i = 0; i < 40; i++) {
			interviews.push(
				await createInterview(k, systemActor, id, {
					heldOn: '2029-03-01',
					group: interviewGroups[i % interviewGroups.length],
					peopleCount: 1 + (i % 3),
					interviewer: 'Bänk',
					intervieweeNames: '',
					notes
				})
			);
		}
		const web: number[] = [];
		for (let i = 0; i < 20; i++) {
			web.push(
				await createWebObservation(k, systemActor, id, {
					url: `https://kommun.se/${i}`,
					seenOn: '2029-02-01',
					note: sentence(i)
				})
			);
		}
		for (let i = 0; i < 600; i++) {
			const links = [subareas[i % 36], subareas[(i * 7) % 36], subareas[(i * 13) % 36]].slice(
				0,
				1 + (i % 3)
			);
			await k.transaction().execute((trx) =>
				createEvidence(
					trx,
					systemActor,
					id,
					i % 5 === 0
						? {
								sourceKind: 'web',
								webObservationId: web[i % 20],
								quote: sentence(i % 20),
								subareaIds: links
							}
						: {
								sourceKind: 'interview',
								interviewId: interviews[i % 40],
								quote: sentence(i % 50),
								subareaIds: links
							}
				)
			);
		}
		for (const s of subareas)
			await saveWrittenAnswer(
				k,
				systemActor,
				id,
				{ subareaId: s, questionId: null },
				`Svar om ${s}. ${notes.slice(0, 800)}`,
				0
			);

		const subareaView = await medianMs(50, () => loadSubareaSources(k, id, '3.3'));
		const perSubarea = (await loadSubareaSources(k, id, '3.3')).evidence.length;
		const allEvidence = await medianMs(20, () => listEvidence(k, id));
		const citations = await medianMs(20, () => loadFindingCitations(k, id));
		let n = 0;
		const answer = await medianMs(50, async () => {
			const current = (await listWrittenAnswers(k, id)).find(
				(x) => x.subareaId === '1.1' && x.questionId === null
			);
			await saveWrittenAnswer(
				k,
				systemActor,
				id,
				{ subareaId: '1.1', questionId: null },
				`Svar ${n++}`,
				current!.rowVersion
			);
		});
		const evidence = await medianMs(50, () =>
			k.transaction().execute((trx) =>
				createEvidence(trx, systemActor, id, {
					sourceKind: 'interview',
					interviewId: interviews[0],
					quote: sentence(7),
					subareaIds: ['1.1', '1.3']
				})
			)
		);
		return [
			`database: ${db.label}; 40 interviews, 20 web observations, 600 evidence items, 36 answers`,
			`scoring view sources of one subarea (${perSubarea} items + answer): median ${fmt(subareaView)}`,
			`all evidence of the evaluation (underlag page): median ${fmt(allEvidence)}`,
			`findings' citations and citable evidence (fynd page): median ${fmt(citations)}`,
			`save a written answer (read version, version-checked write, audit): median ${fmt(answer)}`,
			`create an evidence item (quote checked against the notes, 2 subareas, audit): median ${fmt(evidence)}`
		];
	} finally {
		await db.drop();
		if (!db.url) await db.opened.close();
	}
}
