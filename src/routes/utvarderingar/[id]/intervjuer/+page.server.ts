import { undoAction } from '$lib/server/actions/undo';
import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	intField,
	refusingBadInput
} from '$lib/server/evaluation-route';
import {
	countInterviewsByGroup,
	createInterview,
	deleteInterview,
	listInterviewsWithNotes,
	updateInterview
} from '$lib/server/repositories/interviews';
import { fieldErrors } from '$lib/schemas/errors';
import { formValues, interviewSchema } from '$lib/schemas/sources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// Notes and names: the team only. Coordinators and the municipality get 403/404 here.
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'interview.readNotes');
	const [interviews, counts] = await Promise.all([
		listInterviewsWithNotes(locals.db, scope.id),
		countInterviewsByGroup(locals.db, scope.id)
	]);
	const editId = Number(url.searchParams.get('redigera'));
	return {
		/** Every interview with its notes and interviewee names. */
		interviews,
		/** Interviews and people per group (what the report will show). */
		counts,
		/** The interview whose edit form is open (?redigera=ID), if any. */
		editingId: interviews.some((i) => i.id === editId) ? editId : null,
		/** The interview just saved (?sparad=ID) or whether one was just deleted, for the notice. */
		savedId: Number(url.searchParams.get('sparad')) || null,
		/** The deletion just made (?borttagen=ID), to offer undoing it. */
		deletedUndoId: Number(url.searchParams.get('borttagen')) || null,
		restored: url.searchParams.has('aterstalld')
	};
};

const page = (id: number) => `/utvarderingar/${id}/intervjuer`;

export const actions: Actions = refusingBadInput({
	/** Records a new interview. */
	create: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const values = formValues(await request.formData());
		const parsed = interviewSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				action: 'create',
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		}
		const id = await createInterview(locals.db, actorOf(locals.user!), scope.id, parsed.data);
		redirect(303, `${page(scope.id)}?sparad=${id}#intervju-${id}`);
	},
	/** Saves an edited interview; a stale version is refused (409) with the saved notes beside yours. */
	update: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const form = await request.formData();
		const values = formValues(form);
		const id = intField(form, 'id');
		const parsed = interviewSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				action: 'update',
				id,
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		}
		const result = await attempt(
			locals,
			() =>
				updateInterview(
					locals.db,
					actorOf(locals.user!),
					scope.id,
					id,
					parsed.data,
					intField(form, 'version')
				),
			{ action: 'update', id, values }
		);
		if (typeof result !== 'number') return result;
		redirect(303, `${page(scope.id)}?sparad=${id}#intervju-${id}`);
	},
	/** Deletes an interview; refused (409) while an evidence item quotes it. */
	delete: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const id = intField(await request.formData(), 'id');
		const result = await attempt(
			locals,
			() => deleteInterview(locals.db, actorOf(locals.user!), scope.id, id),
			{ action: 'delete', id }
		);
		if (typeof result !== 'number') return result;
		redirect(303, `${page(scope.id)}?borttagen=${result}`);
	},
	/** Undoes a deletion made on this page within the last ten minutes. */
	undo: undoAction('sources.edit', ['interview'])
});
