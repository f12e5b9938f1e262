import { undoAction } from '$lib/server/actions/undo';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '$lib/server/repositories/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	intField,
	textField,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import {
	actionStatuses,
	addProgressNote,
	deleteActionItem,
	listActionItems,
	listImprovementsWithActions,
	saveActionItem,
	setActionPlanPublic
} from '$lib/server/repositories/action-plans';
import { listRecommendations } from '$lib/server/repositories/finding-items';
import { fieldErrors } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.read');
	const [items, improvements, recommendations] = await Promise.all([
		listActionItems(locals.db, scope.id),
		listImprovementsWithActions(locals.db, scope.id),
		listRecommendations(locals.db, scope.id)
	]);
	return {
		areas: rubric.areas.map((a) => ({ id: a.id, title: a.title })),
		items,
		improvements,
		recommendations,
		isPublic: Boolean(scope.actionPlanPublic)
	};
};

const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.or(z.literal('').transform(() => null));
const schema = z.object({
	title: z.string().trim().min(1, 'errors.required').max(300, 'errors.invalid'),
	description: z.string().max(5000, 'errors.invalid').default(''),
	ownerRole: z.string().trim().min(1, 'errors.required').max(200, 'errors.invalid'),
	startDate: date,
	targetDate: date,
	status: z.enum(actionStatuses as ['planerad', 'pagar', 'genomford', 'avbruten'])
});

export const actions: Actions = refusingBadInput({
	/** Creates or updates an action linked to improvement possibilities or recommendations. */
	save: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const form = await request.formData();
		const values = Object.fromEntries(form) as Record<string, string>;
		const id = intField(form, 'id');
		const parsed = schema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				id: values.id ?? 'new',
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		const links = form.getAll('links').map(String);
		const input = {
			...parsed.data,
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
					intField(form, 'version') || 0
				),
			{ id: values.id ?? 'new', values }
		);
		return typeof result === 'number' ? { savedId: result } : result;
	},
	note: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const form = await request.formData();
		const notedOn = textField(form, 'notedOn', 10);
		if (!/^\d{4}-\d{2}-\d{2}$/.test(notedOn))
			return fail(400, { noteFor: intField(form, 'id'), errors: { notedOn: 'Ange ett datum' } });
		const result = await attempt(
			locals,
			() =>
				addProgressNote(
					locals.db,
					actorOf(user),
					scope.id,
					intField(form, 'id'),
					notedOn,
					textField(form, 'text', textLimits.comment)
				),
			{ noteFor: intField(form, 'id') }
		);
		return result === undefined ? { noted: true } : result;
	},
	delete: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		const id = intField(await request.formData(), 'id');
		const result = await attempt(
			locals,
			() => deleteActionItem(locals.db, actorOf(user), scope.id, id),
			{ deleteFor: id }
		);
		return typeof result === 'number' ? { deleted: id, undo: result } : result;
	},
	visibility: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.edit');
		await setActionPlanPublic(
			locals.db,
			actorOf(user),
			scope.id,
			(await request.formData()).get('public') === 'true'
		);
		return { visibility: true };
	},
	/** Undoes the deletion of an action (ten minutes). */
	undo: undoAction('actionPlan.edit', ['action_item'])
});
