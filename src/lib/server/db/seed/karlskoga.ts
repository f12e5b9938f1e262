import type { Database } from '../index';
import type { SeedLog } from './index';
import { systemActor } from '../../accounts/audit';
import transcript from './reference/karlskoga-2022.json';
import { publishEvaluation } from '../../published/publishing';
import { getRubricOrThrow } from '../../register/rubrics';
import { computeTotals } from '$lib/domain/scoring';
import { publisherCredit } from '$lib/domain/report/credits';

/**
 * The id of the evaluation `seedKarlskoga` wrote (the later seed steps build on it), or undefined
 * when the database holds no such evaluation (an import of Karlskoga's results is not one).
 */
export async function findSeededKarlskoga(db: Database): Promise<number | undefined> {
	const row = await db
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', transcript.municipality.code)
		.where('year', '=', transcript.year)
		.where('origin', '=', 'workspace')
		.executeTakeFirst();
	return row?.id;
}

/**
 * The demo's complete published evaluation: SKR's Karlskoga 2022 report as the toolkit holds it.
 * The transcript is a printed report, not the exchange format: where its printed area points
 * disagree with the subarea sums (areas 4 and 6) the computed figure is kept and the
 * discrepancy reported.
 */
export async function seedKarlskoga(
	db: Database,
	log: SeedLog,
	teamUserIds: number[] = []
): Promise<number> {
	const rubric = await getRubricOrThrow(db, transcript.rubric);
	const scores = Object.fromEntries(
		transcript.areas.flatMap((a) => a.subareas.map((s) => [s.number, s.achieved]))
	);
	const totals = computeTotals(rubric, scores);
	for (const area of transcript.areas) {
		const computed = totals.areas.find((a) => a.areaId === String(area.number))?.achieved;
		if (computed !== area.reportedAreaPoints) {
			log(
				`Karlskoga 2022: area ${area.number} is printed as ${area.reportedAreaPoints} but its subareas sum to ${computed}; keeping ${computed}.`
			);
		}
	}
	if (totals.total !== transcript.total) {
		log(
			`Karlskoga 2022: the printed total ${transcript.total} differs from the computed ${totals.total}.`
		);
	}
	const evaluationId = await db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('evaluation')
			.values({
				municipality_code: transcript.municipality.code,
				year: transcript.year,
				rubric_id: rubric.id,
				status: 'faktagranskning',
				origin: 'workspace',
				evaluated_at: transcript.evaluatedMonth,
				visit_start: `${transcript.evaluatedMonth}-03`,
				visit_end: `${transcript.evaluatedMonth}-06`,
				summary: transcript.summaryComments,
				source: 'SKR, Kommunkompassen – Analys av Karlskoga kommun (2022)',
				// SKR's report names no evaluators: it is credited to SKR, not to the demo team below.
				credited_author: publisherCredit(transcript.year)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// The demo team, so that a re-evaluation shows its team pre-filled.
		if (teamUserIds.length)
			await trx
				.insertInto('evaluation_member')
				.values(
					teamUserIds.map((user_id) => ({
						evaluation_id: id,
						user_id,
						no_conflict_declared_at: new Date()
					}))
				)
				.execute();
		for (const area of transcript.areas) {
			const areaId = String(area.number);
			await trx
				.insertInto('area_finding')
				.values({ evaluation_id: id, area_id: areaId, general: area.general })
				.execute();
			for (const s of area.subareas) {
				await trx
					.insertInto('agreed_score')
					.values({
						evaluation_id: id,
						subarea_id: s.number,
						points: s.achieved,
						justification: s.text.slice(0, 400)
					})
					.execute();
				await trx
					.insertInto('subarea_narrative')
					.values({ evaluation_id: id, subarea_id: s.number, text: s.text })
					.execute();
			}
			let position = 0;
			for (const strength of area.strengths) {
				await trx
					.insertInto('strength')
					.values({
						evaluation_id: id,
						area_id: areaId,
						text: strength.text,
						gold_star: strength.goldStar,
						position: position++
					})
					.execute();
			}
			for (const text of area.improvements) {
				await trx
					.insertInto('improvement')
					.values({ evaluation_id: id, area_id: areaId, text, position: position++ })
					.execute();
			}
		}
		let position = 0;
		for (const text of transcript.recommendations) {
			await trx
				.insertInto('recommendation')
				.values({ evaluation_id: id, text, position: position++ })
				.execute();
		}
		return id;
	});
	// The printed method text says this was the municipality's first evaluation, which the demo's
	// own data (Karlskoga 2014 on the 2010 version) contradicts: the report generates that sentence
	// from the published history instead, so the printed claim is left out here.
	const method = transcript.intro.evaluation.replace(
		/ och var kommunens första utvärdering enligt Kommunkompassens kriterier/,
		''
	);
	// The transcript carries no publication date; SKR's report is of the evaluation done in
	// October 2022, so the demo records its publication at the end of that month rather than on
	// the day the demo is loaded (the report is dated by its publication).
	const [year, month] = transcript.evaluatedMonth.split('-').map(Number);
	await publishEvaluation(db, systemActor, evaluationId, {
		method,
		publishedAt: new Date(Date.UTC(year, month, 0, 12))
	});
	log(`Demo: Karlskoga 2022 published with ${totals.total} points.`);
	return evaluationId;
}
