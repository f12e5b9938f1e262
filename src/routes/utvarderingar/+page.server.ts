import { authorizeGlobal } from '$lib/server/auth/guard';
import { canGlobal } from '$lib/server/auth/policy';
import { listEvaluationsFor } from '$lib/server/evaluations/list';
import { lateMilestones, todayInSweden } from '$lib/domain/tasks';
import { listRubrics } from '$lib/server/register/rubrics';
import { rubricText } from '$lib/domain/rubric';
import type { PageServerLoad } from './$types';
import {
	canOnEvaluation,
	canOnMunicipalitySelfAssessments,
	selfAssessmentVisibility
} from '$lib/server/auth/policy';
import {
	listActionPlanSummaries,
	listSelfAssessmentsDue
} from '$lib/server/action-plans/follow-up-overview';
import { findEvaluationScope } from '$lib/server/evaluations/scope';
import type { Database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';

/** The municipality's follow-up between evaluations, for its own users; null for others. */
async function loadFollowUp(db: Database, user: SessionUser, today: string) {
	const code = user.municipalityCode;
	if (!code || selfAssessmentVisibility(user, code)?.kind !== 'all') return null;
	const plans = [];
	// The newest evaluation's plan always; an older one only when it holds actions.
	const summaries = (await listActionPlanSummaries(db, code, today)).filter(
		(p, i) => i === 0 || Number(p.actions) > 0
	);
	for (const plan of summaries) {
		const scope = await findEvaluationScope(db, plan.id);
		if (scope && canOnEvaluation(user, 'actionPlan.read', scope)) plans.push(plan);
	}
	return {
		municipalityCode: code,
		selfAssessments: await listSelfAssessmentsDue(db, code, user.id),
		canStart: canOnMunicipalitySelfAssessments(user, 'selfAssessment.create', code),
		plans: plans.map((p) => ({
			...p,
			actions: Number(p.actions),
			open: Number(p.open),
			overdue: Number(p.overdue)
		}))
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'evaluation.list', url);
	const today = todayInSweden();
	const [evaluations, rubrics] = await Promise.all([
		listEvaluationsFor(locals.db, user),
		listRubrics(locals.db)
	]);
	const rubricNames = new Map(rubrics.map((r) => [r.id, rubricText(locals.locale, r).title]));
	return {
		/**
		 * The workspace evaluations this user may see, each with its planned dates now passed and
		 * its rubric's name (the id is internal).
		 */
		evaluations: evaluations.map(({ dates, ...e }) => ({
			...e,
			rubricName: rubricNames.get(e.rubricId) ?? e.rubricId,
			late: lateMilestones(e.status, dates, today)
		})),
		/** Whether to offer "new evaluation". */
		canCreate: canGlobal(user, 'evaluation.create'),
		/** A municipality's own user: its self-assessments and action plans, with what is due. */
		followUp: await loadFollowUp(locals.db, user, today)
	};
};
