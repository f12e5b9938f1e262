import { rubricOutline } from '$lib/domain/rubric';
import { undoAction } from '$lib/server/actions/undo';
import { actorOf } from '$lib/server/accounts/audit';
import { z } from 'zod';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { parseForm, refuse } from '$lib/server/http/parse-form';
import { formCheckbox, formId, formText, formVersion } from '$lib/schemas/form';
import { loadDraftFindings, saveFindingText } from '$lib/server/scoring/findings';
import {
	addFindingItem,
	deleteFindingItem,
	moveFindingItem,
	updateFindingItem,
	type ListKind
} from '$lib/server/scoring/finding-items';
import { listAgreedScores } from '$lib/server/scoring/scores';
import { getEvaluationOrThrow } from '$lib/server/evaluations/evaluations';
import { listFollowUps, saveFollowUp } from '$lib/server/action-plans/follow-up';
import { listImprovementsWithActions } from '$lib/server/action-plans/action-plans';
import {
	citeEvidenceAction,
	loadFindingCitations,
	removeCitationAction
} from '$lib/server/actions/evidence-citations';
import { findSubarea } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';
import { textLanguages } from '$lib/domain/text-language';

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

const kind = z.enum(['strength', 'improvement', 'recommendation'] satisfies ListKind[], {
	error: 'ws.errors.unknownList'
});
const textForm = z.object({
	target: formText(30),
	text: formText(textLimits.findingText),
	version: formVersion
});
/**
 * A strength's or improvement's own language (its select): '' is the evaluation's (null); absent
 * (a recommendation's form has no select) leaves it as it is.
 */
const itemLang = z
	.enum(['', ...textLanguages], { error: 'setup.errors.textLanguage' })
	.optional()
	.transform((lang) => (lang === '' ? null : lang));
const itemForm = z.object({
	kind,
	areaId: formText(5),
	id: formId,
	text: formText(textLimits.findingItem),
	goldStar: formCheckbox,
	lang: itemLang,
	version: formVersion
});
const moveForm = z.object({
	kind,
	id: formId,
	direction: z.enum(['up', 'down'], { error: 'ws.errors.unknownDirection' })
});
const followUpForm = z.object({
	judgement: z.enum(['atgardad', 'delvis', 'kvarstar'], { error: 'ws.errors.judgement' }),
	improvementId: formId,
	comment: formText(textLimits.comment),
	version: formVersion
});
/** Hidden inputs: which list, which direction, which judgement. */
const hidden = ['kind', 'direction', 'judgement'];

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
		const form = parseForm(locals, await request.formData(), textForm);
		if (!form.ok) return form.failure;
		const { target, text, version } = form.data;
		const [kind, key] = target.split(':');
		const resolved =
			kind === 'summary'
				? ({ kind: 'summary' } as const)
				: kind === 'general' && rubric.areas.some((a) => a.id === key)
					? ({ kind: 'general', areaId: key } as const)
					: kind === 'narrative' && findSubarea(rubric, key)
						? ({ kind: 'narrative', subareaId: key } as const)
						: null;
		if (!resolved) return refuse(locals, '_form', 'ws.errors.unknownTarget', { target });
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
		const raw = await request.formData();
		const addTo = `${raw.get('kind')}:${raw.get('areaId')}`;
		const form = parseForm(locals, raw, itemForm, { addTo }, hidden);
		if (!form.ok) return form.failure;
		const { kind, areaId, text, goldStar, lang } = form.data;
		if (kind !== 'recommendation' && !rubric.areas.some((a) => a.id === areaId))
			return refuse(locals, '_form', 'ws.errors.unknownList', { addTo });
		const result = await attempt(
			locals,
			() =>
				addFindingItem(locals.db, actorOf(user), scope.id, kind, {
					areaId,
					text,
					goldStar,
					lang
				}),
			{ addTo: `${kind}:${areaId}` }
		);
		return typeof result === 'number' ? { added: result } : result;
	},
	update: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
		const form = parseForm(locals, await request.formData(), itemForm, {}, hidden);
		if (!form.ok) return form.failure;
		const { kind, id, text, goldStar, lang, version } = form.data;
		const result = await attempt(
			locals,
			() =>
				updateFindingItem(
					locals.db,
					actorOf(user),
					scope.id,
					kind,
					id,
					{ text, goldStar, lang },
					version
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
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
		const form = parseForm(locals, await request.formData(), moveForm, {}, hidden);
		if (!form.ok) return form.failure;
		const { kind, id, direction } = form.data;
		const result = await attempt(locals, () =>
			moveFindingItem(locals.db, actorOf(user), scope.id, kind, id, direction)
		);
		return typeof result === 'boolean' ? { moved: `${kind}:${id}`, direction } : result;
	},
	remove: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
		const form = parseForm(
			locals,
			await request.formData(),
			itemForm.pick({ kind: true, id: true }),
			{},
			hidden
		);
		if (!form.ok) return form.failure;
		const { kind, id } = form.data;
		const result = await attempt(locals, () =>
			deleteFindingItem(locals.db, actorOf(user), scope.id, kind, id)
		);
		return typeof result === 'number' ? { removed: true, undo: result } : result;
	},
	/** Judges an improvement possibility of the previous evaluation: åtgärdad, delvis, kvarstår. */
	followUp: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'followUp.edit');
		const form = parseForm(locals, await request.formData(), followUpForm, {}, hidden);
		if (!form.ok) return form.failure;
		const { judgement, improvementId, comment, version } = form.data;
		const result = await attempt(
			locals,
			() =>
				saveFollowUp(
					locals.db,
					actorOf(user),
					scope.id,
					improvementId,
					judgement,
					comment,
					version
				),
			{ improvementId }
		);
		return typeof result === 'number' ? { improvementId, saved: true } : result;
	},
	/** Undoes a deletion of a strength, improvement or recommendation (ten minutes). */
	undo: undoAction('findings.edit', ['strength', 'improvement', 'recommendation'])
});
