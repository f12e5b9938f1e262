import { undoAction } from '$lib/server/actions/undo';
import { rubricText } from '$lib/domain/rubric';
import { z } from 'zod';
import { actorOf } from '$lib/server/accounts/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { parseForm, readForm } from '$lib/server/http/parse-form';
import { formId } from '$lib/schemas/form';
import { actionForm, noteForm } from '$lib/schemas/action-plan';
import { todayInSweden } from '$lib/domain/tasks';
import {
	addProgressNote,
	deleteActionItem,
	listActionItems,
	listImprovementsWithActions,
	saveActionItem,
	setActionPlanPublic
} from '$lib/server/action-plans/action-plans';
import { listRecommendations } from '$lib/server/scoring/finding-items';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.read');
	const [items, improvements, recommendations] = await Promise.all([
		listActionItems(locals.db, scope.id),
		listImprovementsWithActions(locals.db, scope.id),
		listRecommendations(locals.db, scope.id)
	]);
	return {
		areas: rubric.areas.map((a) => ({ id: a.id, title: rubricText(locals.locale, a).title })),
		items,
		improvements,
		recommendations,
		isPublic: Boolean(scope.actionPlanPublic),
		/** A progress note's date unless the user picks another. */
		today: todayInSweden()
	};
};

const rowForm = z.object({ id: formId });
const visibilityForm = z.object({
	public: z
		.string()
		.optional()
		.transform((v) => v === 'true')
});

export const actions: Actions = refusingBadInput({
	/** Creates or updates an action linked to improvement possibilities or recommendations. */
	save: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const form = await request.formData();
		const values = Object.fromEntries(form) as Record<string, string>;
		const parsed = parseForm(locals, form, actionForm, { id: values.id ?? 'new', values });
		if (!parsed.ok) return parsed.failure;
		const { id, version, links, ...fields } = parsed.data;
		const input = {
			...fields,
			improvementIds: links.filter((l) => l.startsWith('i:')).map((l) => Number(l.slice(2))),
			recommendationIds: links.filter((l) => l.startsWith('r:')).map((l) => Number(l.slice(2)))
		};
		const result = await attempt(
			locals,
			() =>
				saveActionItem(
					locals.db,
					actorOf(user),
					scope.id,
					Number.isNaN(id) ? null : id,
					input,
					version
				),
			{ id: values.id ?? 'new', values }
		);
		return typeof result === 'number' ? { savedId: result } : result;
	},
	note: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const form = await request.formData();
		const noteFor = readForm(form, rowForm).id;
		const parsed = parseForm(locals, form, noteForm(todayInSweden()), { noteFor });
		if (!parsed.ok) return parsed.failure;
		const { notedOn, text } = parsed.data;
		const result = await attempt(
			locals,
			() => addProgressNote(locals.db, actorOf(user), scope.id, noteFor, notedOn, text),
			{ noteFor }
		);
		return result === undefined ? { noted: true } : result;
	},
	delete: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const { id } = readForm(await request.formData(), rowForm);
		const result = await attempt(
			locals,
			() => deleteActionItem(locals.db, actorOf(user), scope.id, id),
			{ deleteFor: id }
		);
		return typeof result === 'number' ? { deleted: id, undo: result } : result;
	},
	visibility: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const { public: visible } = readForm(await request.formData(), visibilityForm);
		await setActionPlanPublic(locals.db, actorOf(user), scope.id, visible);
		return { visibility: true };
	},
	/** Undoes the deletion of an action (ten minutes). */
	undo: undoAction('actionPlan.edit', ['action_item'])
});
