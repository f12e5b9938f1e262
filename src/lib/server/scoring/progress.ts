/** What the progress view shows and what the lifecycle's gap checks read. */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db';
import { getRubricOrThrow } from '../register/rubrics';
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
	// One statement: the progress view and every forward move read these facts, and on the
	// embedded database each round trip runs on the server's own thread (ten of them were most of
	// a stage move's time).
	const facts = await db
		.selectFrom('evaluation as e')
		.where('e.id', '=', evaluationId)
		.select((eb) => [
			'e.rubric_id',
			'e.summary',
			jsonArrayFrom(
				eb
					.selectFrom('evaluation_member as m')
					.select(['m.user_id', 'm.no_conflict_declared_at'])
					.whereRef('m.evaluation_id', '=', 'e.id')
			).as('members'),
			eb
				.selectFrom('score_sheet as s')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('s.evaluation_id', '=', 'e.id')
				.where('s.submitted_at', 'is not', null)
				.as('submittedSheets'),
			jsonArrayFrom(
				eb
					.selectFrom('agreed_score as a')
					.select(['a.subarea_id', 'a.justification'])
					.whereRef('a.evaluation_id', '=', 'e.id')
			).as('agreed'),
			jsonArrayFrom(
				eb
					.selectFrom('evidence_subarea as es')
					.innerJoin('evidence as ev', 'ev.id', 'es.evidence_id')
					.select('es.subarea_id')
					.distinct()
					.whereRef('ev.evaluation_id', '=', 'e.id')
			).as('evidence'),
			eb
				.selectFrom('interview as i')
				.select((i) => i.fn.count<number>('i.group_kind').distinct().as('n'))
				.whereRef('i.evaluation_id', '=', 'e.id')
				.as('groups'),
			jsonArrayFrom(
				eb
					.selectFrom('area_finding as g')
					.select('g.area_id')
					.whereRef('g.evaluation_id', '=', 'e.id')
					.where('g.general', '!=', '')
					.union(
						eb
							.selectFrom('strength as st')
							.select('st.area_id')
							.whereRef('st.evaluation_id', '=', 'e.id')
					)
					.union(
						eb
							.selectFrom('improvement as im')
							.select('im.area_id')
							.whereRef('im.evaluation_id', '=', 'e.id')
					)
			).as('findingAreas'),
			jsonArrayFrom(
				eb
					.selectFrom('subarea_narrative as n')
					.select('n.subarea_id')
					.whereRef('n.evaluation_id', '=', 'e.id')
					.where('n.text', '!=', '')
			).as('narratives'),
			eb
				.selectFrom('fact_check_comment as c')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('c.evaluation_id', '=', 'e.id')
				.where('c.status', '=', 'oppen')
				.as('open')
		])
		.executeTakeFirstOrThrow();
	const rubric = rubricInLocale(await getRubricOrThrow(db, facts.rubric_id), locale);
	const { members, agreed, evidence, narratives } = facts;
	const agreedSet = new Set(agreed.map((a) => a.subarea_id));
	const justified = new Set(agreed.filter((a) => a.justification.trim()).map((a) => a.subarea_id));
	const evidenced = new Set(evidence.map((e) => e.subarea_id));
	const narrated = new Set(narratives.map((n) => n.subarea_id));
	const areasWithFindings = new Set(facts.findingAreas.map((f) => f.area_id));
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
		submittedSheets: Number(facts.submittedSheets ?? 0),
		subareaCount: listSubareas(rubric).length,
		agreedCount: agreedSet.size,
		agreedWithoutJustification: agreedSet.size - justified.size,
		interviewGroupsCovered: Number(facts.groups ?? 0),
		evidenceSubareas: evidenced.size,
		areasWithFindings: areasWithFindings.size,
		areaCount: rubric.areas.length,
		hasSummary: facts.summary.trim().length > 0,
		openFactCheckComments: Number(facts.open ?? 0),
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
