import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { authorizeSelfAssessment } from '$lib/server/auth/guard';
import {
	canOnEvaluation,
	canOnSelfAssessment,
	selfAssessmentActions,
	selfSheetVisibility,
	type SelfAssessmentAction
} from '$lib/server/auth/policy';
import { actorOf } from '$lib/server/repositories/audit';
import { attempt, intField, refusingBadInput, textField } from '$lib/server/http/evaluation-route';
import { getRubricOrThrow } from '$lib/server/repositories/rubrics';
import {
	findSelfAssessmentScope,
	listMembers,
	listShareableEvaluations,
	parseSelfAssessmentId,
	shareSelfAssessment
} from '$lib/server/repositories/self-assessments';
import {
	finishSelfAssessment,
	listSelfAgreed,
	listSelfSheets,
	loadOwnSelfSheet,
	saveSelfAgreed,
	saveSelfScore,
	submitSelfSheet
} from '$lib/server/repositories/self-assessment-sheets';
import {
	createSelfAction,
	listSelfActions
} from '$lib/server/repositories/self-assessment-actions';
import { findEvaluationScope } from '$lib/server/repositories/evaluation-scope';
import { listImprovementsWithActions, saveActionItem } from '$lib/server/repositories/action-plans';
import { findLatestExternal, loadGap } from '$lib/server/self-assessment-gap';
import { groupAgreement } from '$lib/domain/self-assessment';
import { rubricOutline, rubricText, areaOfSubarea } from '$lib/domain/rubric';
import { unscoredSubareas } from '$lib/domain/scoring';
import { textLimits } from '$lib/domain/limits';
import { gapActionSchema } from '$lib/schemas/self-assessment';
import { fieldErrors } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

type Event = RequestEvent<{ code: string; id: string }>;

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
		guidance: Object.fromEntries(
			rubric.areas.flatMap((a) =>
				a.subareas.map((s) => [
					s.id,
					{
						guidance: rubricText(locals.locale, s).guidance ?? null,
						questions: (s.questions ?? []).map((q) => rubricText(locals.locale, q).text)
					}
				])
			)
		),
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
		shareable: can['selfAssessment.share']
			? await listShareableEvaluations(locals.db, scope.municipalityCode)
			: []
	};
};

/** Reads a score form: subarea, points (empty is "not scored"), comment and version. */
function scoreForm(form: FormData) {
	const subareaId = textField(form, 'subareaId', 10);
	const rawPoints = String(form.get('points') ?? '').trim();
	const points = rawPoints === '' ? null : intField(form, 'points');
	const comment = textField(form, 'justification', textLimits.justification);
	return {
		subareaId,
		points,
		comment,
		expectedVersion: intField(form, 'version') || 0,
		values: { subareaId, points: rawPoints, justification: comment }
	};
}

export const actions: Actions = refusingBadInput({
	/** Saves one score of the member's own blind sheet. */
	save: async ({ locals, params, request }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.score');
		const { values, subareaId, ...input } = scoreForm(await request.formData());
		const result = await attempt(
			locals,
			() => saveSelfScore(locals.db, actorOf(user), rubric, scope.id, { subareaId, ...input }),
			{ subareaId, values }
		);
		return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
	},

	/** Hands in the member's sheet; the unscored subareas are named. */
	submit: async ({ locals, params }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.score');
		const sheet = await loadOwnSelfSheet(locals.db, scope.id, user.id);
		const missing = unscoredSubareas(rubric, sheet.scores);
		if (missing.length)
			return fail(400, {
				missing,
				errors: { _form: m['ws.errors.sheetIncomplete']({}, { locale: locals.locale }) }
			});
		const result = await attempt(locals, () =>
			submitSelfSheet(locals.db, actorOf(user), rubric, scope.id)
		);
		if (result !== undefined) return result;
		redirect(303, `/kommuner/${params.code}/sjalvskattning/${scope.id}`);
	},

	/** Saves the group's agreed score. */
	agree: async ({ locals, params, request }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.agree');
		const { values, subareaId, ...input } = scoreForm(await request.formData());
		const result = await attempt(
			locals,
			() => saveSelfAgreed(locals.db, actorOf(user), rubric, scope.id, { subareaId, ...input }),
			{ subareaId, values }
		);
		return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
	},

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
	share: async ({ locals, params, request }) => {
		const { scope, user } = await authorize(locals, params, 'selfAssessment.share');
		const form = await request.formData();
		const none = String(form.get('evaluationId') ?? '') === '';
		const evaluationId = none ? null : intField(form, 'evaluationId');
		if (evaluationId !== null && !(evaluationId > 0))
			return fail(400, {
				share: true,
				errors: {
					evaluationId: m['sa.errors.shareOtherMunicipality']({}, { locale: locals.locale })
				} as Record<string, string>
			});
		const result = await attempt(
			locals,
			() => shareSelfAssessment(locals.db, actorOf(user), scope.id, evaluationId),
			{ share: true }
		);
		return result === undefined ? { share: true, shared: true } : result;
	},

	/**
	 * An improvement action from a gap. Where the latest published evaluation has improvement
	 * possibilities in the subarea's area and the user may edit its action plan, the action goes
	 * into that plan (linked to them); otherwise onto the self-assessment's own list.
	 */
	act: async ({ locals, params, request }) => {
		const { scope, user, rubric } = await authorize(locals, params, 'selfAssessment.act');
		const form = await request.formData();
		const values = {
			subareaId: String(form.get('subareaId') ?? ''),
			title: String(form.get('title') ?? ''),
			description: String(form.get('description') ?? ''),
			ownerRole: String(form.get('ownerRole') ?? '')
		};
		const parsed = gapActionSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				act: true,
				actValues: values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		const area = areaOfSubarea(rubric, parsed.data.subareaId);
		if (!area) error(404, 'Delområdet finns inte');
		const external = await findLatestExternal(locals.db, scope.municipalityCode, rubric.id);
		const evaluation = external && (await findEvaluationScope(locals.db, external.evaluationId));
		if (evaluation && canOnEvaluation(user, 'actionPlan.edit', evaluation)) {
			const improvementIds = (await listImprovementsWithActions(locals.db, evaluation.id))
				.filter((i) => i.areaId === area.id)
				.map((i) => i.id);
			if (improvementIds.length) {
				const result = await attempt(
					locals,
					() =>
						saveActionItem(locals.db, actorOf(user), evaluation.id, null, {
							title: parsed.data.title,
							description: parsed.data.description,
							ownerRole: parsed.data.ownerRole,
							startDate: null,
							targetDate: null,
							status: 'planerad',
							improvementIds,
							recommendationIds: []
						}),
					{ act: true, actValues: values }
				);
				if (typeof result !== 'number') return result;
				return { act: true, inPlan: external.year, evaluationId: evaluation.id };
			}
		}
		const result = await attempt(
			locals,
			() => createSelfAction(locals.db, actorOf(user), rubric, scope.id, parsed.data),
			{ act: true, actValues: values }
		);
		if (typeof result !== 'number') return result;
		return { act: true, saved: true };
	}
});
