/** What the progress view shows and what the lifecycle's gap checks read. */
import type { Database } from '../db';
import { getRubricOrThrow } from './rubrics';
import type { ProgressFacts } from '$lib/domain/lifecycle';
import { listSubareas, rubricInLocale } from '$lib/domain/rubric';
import type { Locale } from '$lib/i18n';

/**
 * Facts for the progress view and the gap checks of the lifecycle; the areas are named in
 * `locale` (the progress table shows them).
 */
export async function loadProgressFacts(
	db: Database,
	evaluationId: number,
	locale: Locale = 'sv'
): Promise<ProgressFacts & { perArea: AreaProgress[] }> {
	const evaluation = await db
		.selectFrom('evaluation')
		.select(['rubric_id', 'summary'])
		.where('id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	const rubric = rubricInLocale(await getRubricOrThrow(db, evaluation.rubric_id), locale);
	const [
		members,
		sheets,
		agreed,
		evidence,
		groups,
		generals,
		narratives,
		strengths,
		improvements,
		open
	] = await Promise.all([
		db
			.selectFrom('evaluation_member')
			.select(['user_id', 'no_conflict_declared_at'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('score_sheet')
			.select(['submitted_at'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('agreed_score')
			.select(['subarea_id', 'justification'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('evidence_subarea as es')
			.innerJoin('evidence as e', 'e.id', 'es.evidence_id')
			.select('es.subarea_id')
			.distinct()
			.where('e.evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('interview')
			.select('group_kind')
			.distinct()
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('area_finding')
			.select('area_id')
			.where('evaluation_id', '=', evaluationId)
			.where('general', '!=', '')
			.execute(),
		db
			.selectFrom('subarea_narrative')
			.select('subarea_id')
			.where('evaluation_id', '=', evaluationId)
			.where('text', '!=', '')
			.execute(),
		db.selectFrom('strength').select('area_id').where('evaluation_id', '=', evaluationId).execute(),
		db
			.selectFrom('improvement')
			.select('area_id')
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('fact_check_comment')
			.select('id')
			.where('evaluation_id', '=', evaluationId)
			.where('answer', 'is', null)
			.execute()
	]);
	const agreedSet = new Set(agreed.map((a) => a.subarea_id));
	const justified = new Set(agreed.filter((a) => a.justification.trim()).map((a) => a.subarea_id));
	const evidenced = new Set(evidence.map((e) => e.subarea_id));
	const narrated = new Set(narratives.map((n) => n.subarea_id));
	const areasWithFindings = new Set(
		[...generals, ...strengths, ...improvements].map((f) => f.area_id)
	);
	const perArea = rubric.areas.map((area) => ({
		areaId: area.id,
		title: area.title,
		subareas: area.subareas.length,
		agreed: area.subareas.filter((s) => agreedSet.has(s.id)).length,
		justified: area.subareas.filter((s) => justified.has(s.id)).length,
		evidenced: area.subareas.filter((s) => evidenced.has(s.id)).length,
		narrated: area.subareas.filter((s) => narrated.has(s.id)).length,
		hasFindings: areasWithFindings.has(area.id)
	}));
	return {
		teamSize: members.length,
		conflictFreeCount: members.filter((m) => m.no_conflict_declared_at).length,
		submittedSheets: sheets.filter((s) => s.submitted_at).length,
		subareaCount: listSubareas(rubric).length,
		agreedCount: agreedSet.size,
		agreedWithoutJustification: agreedSet.size - justified.size,
		interviewGroupsCovered: groups.length,
		evidenceSubareas: evidenced.size,
		areasWithFindings: areasWithFindings.size,
		areaCount: rubric.areas.length,
		hasSummary: evaluation.summary.trim().length > 0,
		openFactCheckComments: open.length,
		perArea
	};
}

export interface AreaProgress {
	areaId: string;
	title: string;
	subareas: number;
	agreed: number;
	justified: number;
	evidenced: number;
	narrated: number;
	hasFindings: boolean;
}
