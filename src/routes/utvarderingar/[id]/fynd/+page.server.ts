import { rubricOutline } from '$lib/domain/rubric';
import { undoAction } from '$lib/server/actions/undo';
import { fail } from '@sveltejs/kit';
import { actorOf } from '$lib/server/repositories/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	intField,
	textField,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { loadDraftFindings, saveFindingText } from '$lib/server/repositories/findings';
import {
	addFindingItem,
	deleteFindingItem,
	moveFindingItem,
	updateFindingItem,
	type ListKind
} from '$lib/server/repositories/finding-items';
import { listAgreedScores } from '$lib/server/repositories/scoring';
import { getEvaluationOrThrow } from '$lib/server/repositories/evaluations';
import { listFollowUps, saveFollowUp } from '$lib/server/repositories/follow-up';
import { listImprovementsWithActions } from '$lib/server/repositories/action-plans';
import {
	citeEvidenceAction,
	loadFindingCitations,
	removeCitationAction
} from '$lib/server/actions/evidence-citations';
import { findSubarea } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.readDraft'
	);
	const { previousEvaluationId } = await getEvaluationOrThrow(locals.db, scope.id);
	return {
		areas: rubricOutline(rubric, locals.locale),
		findings: await loadDraftFindings(locals.db, scope.id),
		agreed: await listAgreedScores(locals.db, scope.id),
		/** A re-evaluation judges the previous evaluation's improvement possibilities. */
		earlierImprovements: previousEvaluationId
			? await listImprovementsWithActions(locals.db, previousEvaluationId)
			: [],
		followUps: await listFollowUps(locals.db, scope.id),
		/** The evidence each finding cites, and the evidence items it may cite. */
		citations: await loadFindingCitations(locals.db, scope.id)
	};
};

const kinds: ListKind[] = ['strength', 'improvement', 'recommendation'];

export const actions: Actions = refusingBadInput({
	/** A finding cites an evidence item; and the reverse. */
	citeEvidence: citeEvidenceAction,
	removeCitation: removeCitationAction,
	/** Saves Allmänt, a narrative or the summary (version-checked, autosaved). */
	text: async ({ locals, params, request }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'findings.edit'
		);
		const form = await request.formData();
		const target = textField(form, 'target', 30);
		const text = textField(form, 'text', textLimits.findingText);
		const version = intField(form, 'version') || 0;
		const [kind, key] = target.split(':');
		const resolved =
			kind === 'summary'
				? ({ kind: 'summary' } as const)
				: kind === 'general' && rubric.areas.some((a) => a.id === key)
					? ({ kind: 'general', areaId: key } as const)
					: kind === 'narrative' && findSubarea(rubric, key)
						? ({ kind: 'narrative', subareaId: key } as const)
						: null;
		if (!resolved) return fail(400, { target, errors: { _form: 'Okänt fält' } });
		const result = await attempt(
			locals,
			() => saveFindingText(locals.db, actorOf(user), scope.id, resolved, text, version),
			{ target, values: { text } }
		);
		return typeof result === 'number' ? { target, saved: true, version: result } : result;
	},
	add: async ({ locals, params, request }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'findings.edit'
		);
		const form = await request.formData();
		const kind = textField(form, 'kind', 20) as ListKind;
		const areaId = textField(form, 'areaId', 5);
		if (
			!kinds.includes(kind) ||
			(kind !== 'recommendation' && !rubric.areas.some((a) => a.id === areaId))
		)
			return fail(400, { errors: { _form: 'Okänd lista' } });
		const result = await attempt(
			locals,
			() =>
				addFindingItem(locals.db, actorOf(user), scope.id, kind, {
					areaId,
					text: textField(form, 'text', textLimits.findingItem),
					goldStar: form.get('goldStar') === 'on'
				}),
			{ addTo: `${kind}:${areaId}` }
		);
		return typeof result === 'number' ? { added: result } : result;
	},
	update: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
		const form = await request.formData();
		const kind = textField(form, 'kind', 20) as ListKind;
		if (!kinds.includes(kind)) return fail(400, { errors: { _form: 'Okänd lista' } });
		const id = intField(form, 'id');
		const text = textField(form, 'text', textLimits.findingItem);
		const result = await attempt(
			locals,
			() =>
				updateFindingItem(
					locals.db,
					actorOf(user),
					scope.id,
					kind,
					id,
					{ text, goldStar: form.get('goldStar') === 'on' },
					intField(form, 'version') || 0
				),
			{ itemId: id, values: { text } }
		);
		return typeof result === 'number' ? { itemId: id, saved: true, version: result } : result;
	},
	/**
	 * Moves a strength, improvement or recommendation one place up or down in its list; `moved`
	 * and `direction` let the page put focus back on the button that was pressed.
	 */
	move: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
		const form = await request.formData();
		const kind = textField(form, 'kind', 20) as ListKind;
		const direction = textField(form, 'direction', 5);
		if (!kinds.includes(kind)) return fail(400, { errors: { _form: 'Okänd lista' } });
		if (direction !== 'up' && direction !== 'down')
			return fail(400, { errors: { _form: 'Okänd riktning' } });
		const id = intField(form, 'id');
		const result = await attempt(locals, () =>
			moveFindingItem(locals.db, actorOf(locals.user!), scope.id, kind, id, direction)
		);
		return typeof result === 'boolean' ? { moved: `${kind}:${id}`, direction } : result;
	},
	remove: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
		const form = await request.formData();
		const kind = textField(form, 'kind', 20) as ListKind;
		if (!kinds.includes(kind)) return fail(400, { errors: { _form: 'Okänd lista' } });
		const result = await attempt(locals, () =>
			deleteFindingItem(locals.db, actorOf(user), scope.id, kind, intField(form, 'id'))
		);
		return typeof result === 'number' ? { removed: true, undo: result } : result;
	},
	/** Judges an improvement possibility of the previous evaluation: åtgärdad, delvis, kvarstår. */
	followUp: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'followUp.edit');
		const form = await request.formData();
		const judgement = textField(form, 'judgement', 20);
		if (!['atgardad', 'delvis', 'kvarstar'].includes(judgement))
			return fail(400, { errors: { _form: 'Välj en bedömning' } });
		const improvementId = intField(form, 'improvementId');
		const result = await attempt(
			locals,
			() =>
				saveFollowUp(
					locals.db,
					actorOf(user),
					scope.id,
					improvementId,
					judgement as 'atgardad',
					textField(form, 'comment', textLimits.comment),
					intField(form, 'version') || 0
				),
			{ improvementId }
		);
		return typeof result === 'number' ? { improvementId, saved: true } : result;
	},
	/** Undoes a deletion of a strength, improvement or recommendation (ten minutes). */
	undo: undoAction('findings.edit', ['strength', 'improvement', 'recommendation'])
});
