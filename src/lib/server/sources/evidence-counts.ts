/** What the sheet grid and calibration show beside each score: the evidence behind a subarea. */
import type { Database } from '../db';

/** Evidence items per subarea of an evaluation. */
export async function countEvidenceBySubarea(
	db: Database,
	evaluationId: number
): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('evidence_subarea as es')
		.innerJoin('evidence as e', 'e.id', 'es.evidence_id')
		.select(['es.subarea_id as subareaId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('e.evaluation_id', '=', evaluationId)
		.groupBy('es.subarea_id')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.subareaId, Number(r.n)]));
}
