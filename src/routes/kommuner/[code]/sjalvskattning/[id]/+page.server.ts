import { externalId } from '$lib/schemas/id';
import { wakeOutbox } from '$lib/server/jobs/outbox';
import { appOrigin } from '$lib/server/mail/config';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeSelfAssessment } from '$lib/server/auth/guard';
import {
	canOnEvaluation,
	canOnSelfAssessment,
	selfAssessmentActions,
	selfSheetVisibility,
	type SelfAssessmentAction
} from '$lib/server/auth/policy';
import { actorOf } from '$lib/server/accounts/audit';
import { attempt, refusingBadInput } from '$lib/server/http/evaluation-route';
import { parseForm, refuse, typedValues } from '$lib/server/http/parse-form';
import { getRubricOrThrow } from '$lib/server/register/rubrics';
import {
	findSelfAssessmentScope,
	listMembers,
	listShareableEvaluations,
	parseSelfAssessmentId,
	shareSelfAssessment
} from '$lib/server/self-assessment/self-assessments';
import {
	finishSelfAssessment,
	listSelfAgreed,
	listSelfSheets,
	loadOwnSelfSheet,
	saveSelfAgreed,
	saveSelfScore,
	submitSelfSheet
} from '$lib/server/self-assessment/sheets';
import { listSelfActions } from '$lib/server/self-assessment/actions';
import { findEvaluationScope } from '$lib/server/evaluations/scope';
import { listImprovementsWithActions } from '$lib/server/action-plans/action-plans';
import { createGapAction } from '$lib/server/self-assessment/gap-actions';
import { findLatestExternal, loadGap } from '$lib/server/results/self-assessment-gap';
import type { SessionUser } from '$lib/server/auth/types';
import type { Database } from '$lib/server/db';
import { groupAgreement } from '$lib/domain/self-assessment';
import { rubricOutline, rubricText, subareaGuidance } from '$lib/domain/rubric';
import { unscoredSubareas } from '$lib/domain/scoring';
import { gapActionSchema } from '$lib/schemas/self-assessment';
import { pointsOf, scoreFormSchema } from '$lib/schemas/score-form';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ code: string; id: string }>;

/**
 * The latest published evaluation on the rubric whose action plan this user may edit: where a
 * gap's action can answer improvement possibilities. Null when there is none.
 */
async function findEditablePlan(
	db: Database,
	user: SessionUser,
	municipalityCode: string,
	rubricId: string
) {
	const external = await findLatestExternal(db, municipalityCode, rubricId);
	const evaluation = external && (await findEvaluationScope(db, external.evaluationId));
	if (!evaluation || !canOnEvaluation(user, 'actionPlan.edit', evaluation)) return null;
	return { evaluationId: evaluation.id, year: external.year };
}

/** The self-assessment of the URL, for `action`: 404 unless it is this municipality's and visible. */
async function authorize(
	locals: App.Locals,
	params: Event['params'],
	action: SelfAssessmentAction
) {
	const found = await findSelfAssessmentScope(locals.db, parseSelfAssessmentId(params.id));
	const scope = found?.municipalityCode === params.code ? found : undefined;
	const { user } = authorizeSelfAssessment(locals, action, scope);
	return { scope: scope!, user, rubric: await getRubricOrThrow(locals.db, scope!.rubricId) };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.read');
	const can = Object.fromEntries(
		selfAssessmentActions.map((a) => [a, canOnSelfAssessment(user, a, scope)])
	) as Record<SelfAssessmentAction, boolean>;
	// The municipality's own users see the group; outsiders (a shared one) see only the result.
	const own = can['selfAssessment.export'];
	const members = own ? await listMembers(locals.db, scope.id) : [];
	const member = scope.memberUserIds.includes(user.id) && own;
	const sheets = can['selfAssessment.compare']
		? await listSelfSheets(locals.db, scope.id, selfSheetVisibility(user, scope))
		: [];
	const agreedRows = await listSelfAgreed(locals.db, scope.id);
	const agreed = Object.fromEntries(Object.values(agreedRows).map((a) => [a.subareaId, a.points]));
	const complete = unscoredSubareas(rubric, agreedRows).length === 0;
	const loadImprovementChoice = async () => {
		if (!can['selfAssessment.act']) return null;
		const plan = await findEditablePlan(locals.db, user, scope.municipalityCode, rubric.id);
		if (!plan) return null;
		const improvements = await listImprovementsWithActions(locals.db, plan.evaluationId);
		return {
			...plan,
			areas: rubric.areas
				.map((a) => ({
					id: a.id,
					title: rubricText(locals.locale, a).title,
					improvements: improvements
						.filter((i) => i.areaId === a.id)
						.map((i) => ({ id: i.id, text: i.text, actions: i.actions.length }))
				}))
				.filter((a) => a.improvements.length)
		};
	};
	return {
		municipalityCode: params.code,
		assessment: {
			id: scope.id,
			name: scope.name,
			assessedOn: scope.assessedOn,
			status: scope.status,
			origin: scope.origin,
			rubricTitle: rubric.title,
			sharedWith: scope.sharedWith && {
				evaluationId: scope.sharedWith.evaluationId,
				year: (await listShareableEvaluations(locals.db, scope.municipalityCode)).find(
					(e) => e.id === scope.sharedWith!.evaluationId
				)?.year
			}
		},
		can,
		own,
		member,
		members: members.map((m) => ({
			userId: m.userId,
			name: m.name || m.email,
			submitted: Boolean(m.submittedAt)
		})),
		areas: rubricOutline(rubric, locals.locale),
		/** The rubric's guidance and questions per subarea, as evaluators see them. */
		guidance: subareaGuidance(rubric, locals.locale),
		/** Only the reader's own sheet while scoring: it is blind until everyone has handed in. */
		ownSheet: member ? await loadOwnSelfSheet(locals.db, scope.id, user.id) : null,
		/** Every member's sheet, once all are handed in. */
		sheets: sheets.map((s) => ({ name: s.name || s.email, scores: s.scores })),
		agreement: sheets.length >= 2 ? groupAgreement(rubric, sheets) : null,
		agreed: agreedRows,
		/** The gap against the latest external evaluation and the national average, once agreed. */
		gap: complete
			? await loadGap(
					locals.db,
					{ municipalityCode: scope.municipalityCode, assessedOn: scope.assessedOn },
					rubric,
					agreed,
					locals.locale
				)
			: null,
		actions: own ? await listSelfActions(locals.db, scope.id) : [],
		/**
		 * What a gap's action may answer: the improvement possibilities of the latest published
		 * evaluation whose plan the user may edit, by area, with the actions already on each.
		 */
		improvementChoice: await loadImprovementChoice(),
		shareable: can['selfAssessment.share']
			? await listShareableEvaluations(locals.db, scope.municipalityCode)
			: []
	};
};

/**
 * A score-saving action — the member's own blind sheet or the group's agreed score: reads the
 * score form (points empty is "not scored"), saves it with `save` (version-checked), and answers
 * the subarea with its new version or the refusal with the values as typed.
 */
function scoreAction(
	permission: 'selfAssessment.score' | 'selfAssessment.agree',
	save: typeof saveSelfScore
) {
	return async ({ locals, params, request }: Event) => {
		const { scope, user, rubric } = await authorize(locals, params, permission);
		const form = await request.formData();
		const values = typedValues(form, 'subareaId', 'points', 'justification');
		const context = { subareaId: values.subareaId, values };
		const parsed = parseForm(locals, form, scoreFormSchema, context);
		if (!parsed.ok) return parsed.failure;
		const { subareaId, points, justification, version } = parsed.data;
		const score = {
			subareaId,
			points: points === '' ? null : pointsOf(points),
			comment: justification,
			expectedVersion: version
		};
		const result = await attempt(
			locals,
			() => save(locals.db, actorOf(user), rubric, scope.id, score),
			context
		);
		return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
	};
}

/** Which evaluation to share with; empty withdraws the share. */
const shareForm = z.object({
	evaluationId: z
		.string()
		.default('')
		.pipe(z.union([z.literal('').transform(() => null), externalId]))
});

export const actions: Actions = refusingBadInput({
	/** Saves one score of the member's own blind sheet. */
	save: scoreAction('selfAssessment.score', saveSelfScore),

	/** Hands in the member's sheet; the unscored subareas are named. */
	submit: async ({ locals, params }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.score');
		const sheet = await loadOwnSelfSheet(locals.db, scope.id, user.id);
		const missing = unscoredSubareas(rubric, sheet.scores);
		if (missing.length) return refuse(locals, '_form', 'ws.errors.sheetIncomplete', { missing });
		// Every answer of this action names what is missing (nothing, when refused for another
		// reason): a refusal without the field would take the place of the one with it in the type.
		const result = await attempt(
			locals,
			() => submitSelfSheet(locals.db, actorOf(user), rubric, scope.id),
			{ missing: [] as string[] }
		);
		if (result !== undefined) return result;
		redirect(303, `/kommuner/${params.code}/sjalvskattning/${scope.id}`);
	},

	/** Saves the group's agreed score. */
	agree: scoreAction('selfAssessment.agree', saveSelfAgreed),

	/** Marks it done: every subarea agreed. */
	finish: async ({ locals, params }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.finish');
		const result = await attempt(
			locals,
			() => finishSelfAssessment(locals.db, actorOf(user), rubric, scope.id),
			{ finish: true }
		);
		if (result !== undefined) return result;
		redirect(303, `/kommuner/${params.code}/sjalvskattning/${scope.id}#resultat`);
	},

	/** Shares it with one of the municipality's evaluations, or withdraws the share. */
	share: async ({ locals, params, request, url }) => {
		const { scope, user } = await authorize(locals, params, 'selfAssessment.share');
		const parsed = parseForm(locals, await request.formData(), shareForm, { share: true });
		if (!parsed.ok) return parsed.failure;
		const { evaluationId } = parsed.data;
		const result = await attempt(
			locals,
			() =>
				shareSelfAssessment(
					locals.db,
					actorOf(user),
					scope.id,
					evaluationId,
					appOrigin(url.origin)
				),
			{ share: true }
		);
		if (result !== undefined) return result;
		wakeOutbox();
		return { share: true, shared: true };
	},

	/**
	 * An improvement action from a gap: into the latest published evaluation's action plan,
	 * linked to exactly the improvement possibilities ticked (the subarea's area only), or onto the
	 * self-assessment's own list when none is ticked.
	 */
	act: async ({ locals, params, request }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.act');
		const form = await request.formData();
		const values = typedValues(form, 'subareaId', 'title', 'description', 'ownerRole');
		const context = { act: true, actValues: values };
		const parsed = parseForm(locals, form, gapActionSchema, context);
		if (!parsed.ok) return parsed.failure;
		const plan = parsed.data.improvementIds.length
			? await findEditablePlan(locals.db, user, scope.municipalityCode, rubric.id)
			: null;
		if (parsed.data.improvementIds.length && !plan)
			return refuse(locals, 'improvementIds', 'ap.errors.foreignLink', context);
		const result = await attempt(
			locals,
			() =>
				createGapAction(locals.db, actorOf(user), rubric, {
					...parsed.data,
					selfAssessmentId: scope.id,
					evaluationId: plan?.evaluationId ?? null
				}),
			context
		);
		if (!('inPlan' in result)) return result;
		return result.inPlan
			? { act: true, inPlan: plan!.year, evaluationId: plan!.evaluationId }
			: { act: true, saved: true };
	}
});
