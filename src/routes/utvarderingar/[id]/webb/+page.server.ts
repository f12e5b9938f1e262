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
	createWebObservation,
	deleteWebObservation,
	listWebObservations,
	updateWebObservation
} from '$lib/server/repositories/web-observations';
import { fieldErrors } from '$lib/schemas/errors';
import { formValues, webObservationSchema } from '$lib/schemas/sources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.readDraft');
	const observations = await listWebObservations(locals.db, scope.id);
	const editId = Number(url.searchParams.get('redigera'));
	return {
		/** Observations of the municipality's website and social media. */
		observations,
		/** The observation whose edit form is open (?redigera=ID), if any. */
		editingId: observations.some((o) => o.id === editId) ? editId : null,
		/** For the notice after a redirect: the observation just saved, or that one was deleted. */
		savedId: Number(url.searchParams.get('sparad')) || null,
		/** The deletion just made (?borttagen=ID), to offer undoing it. */
		deletedUndoId: Number(url.searchParams.get('borttagen')) || null,
		restored: url.searchParams.has('aterstalld')
	};
};

const page = (id: number) => `/utvarderingar/${id}/webb`;

export const actions: Actions = refusingBadInput({
	/** Records an observation of the website or social media. */
	create: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const values = formValues(await request.formData());
		const parsed = webObservationSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				action: 'create',
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		}
		const id = await createWebObservation(locals.db, actorOf(locals.user!), scope.id, parsed.data);
		redirect(303, `${page(scope.id)}?sparad=${id}#webb-${id}`);
	},
	/** Saves an edited observation (version-checked). */
	update: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const form = await request.formData();
		const values = formValues(form);
		const id = intField(form, 'id');
		const parsed = webObservationSchema.safeParse(values);
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
				updateWebObservation(
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
		redirect(303, `${page(scope.id)}?sparad=${id}#webb-${id}`);
	},
	/** Deletes an observation; refused (409) while an evidence item quotes it. */
	delete: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const id = intField(await request.formData(), 'id');
		const result = await attempt(
			locals,
			() => deleteWebObservation(locals.db, actorOf(locals.user!), scope.id, id),
			{ action: 'delete', id }
		);
		if (typeof result !== 'number') return result;
		redirect(303, `${page(scope.id)}?borttagen=${result}`);
	},
	/** Undoes a deletion made on this page within the last ten minutes. */
	undo: undoAction('sources.edit', ['web_observation'])
});
