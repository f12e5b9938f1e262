import { undoAction } from '$lib/server/actions/undo';
import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	intField,
	permissions,
	refusingBadInput
} from '$lib/server/evaluation-route';
import { listInterviewsWithNotes } from '$lib/server/repositories/interviews';
import { listWebObservations } from '$lib/server/repositories/web-observations';
import {
	createEvidence,
	deleteEvidence,
	listEvidence,
	updateEvidence
} from '$lib/server/repositories/evidence';
import { fieldErrors } from '$lib/schemas/errors';
import { evidenceSchema, evidenceUpdateSchema, formValues } from '$lib/schemas/sources';
import { findSubarea, listSubareas } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.readDraft'
	);
	const can = permissions(locals, scope, ['sources.edit', 'interview.readNotes']);
	const filterParam = url.searchParams.get('delomrade') ?? '';
	const filter = findSubarea(rubric, filterParam) ? filterParam : '';
	// Quoting happens from sources the user may read in full: interview notes for the team only.
	const [evidence, interviews, web] = await Promise.all([
		listEvidence(locals.db, scope.id, filter || undefined),
		can['sources.edit'] && can['interview.readNotes']
			? listInterviewsWithNotes(locals.db, scope.id)
			: Promise.resolve([]),
		can['sources.edit'] ? listWebObservations(locals.db, scope.id) : Promise.resolve([])
	]);
	const [kind, rawId] = (url.searchParams.get('kalla') ?? '').split(':');
	const interview =
		kind === 'interview' ? interviews.find((i) => i.id === Number(rawId)) : undefined;
	const observation = kind === 'web' ? web.find((w) => w.id === Number(rawId)) : undefined;
	const editId = Number(url.searchParams.get('redigera'));
	return {
		subareas: listSubareas(rubric).map((s) => ({ id: s.id, title: s.title })),
		/** The subarea the list is filtered to ('' for all). */
		filter,
		evidence,
		/** Sources the user may quote from (labels only; the chosen one's text below). */
		sources: [
			...interviews.map((i) => ({
				value: `interview:${i.id}`,
				kind: 'interview' as const,
				heldOn: i.heldOn,
				group: i.group,
				url: null
			})),
			...web.map((w) => ({
				value: `web:${w.id}`,
				kind: 'web' as const,
				heldOn: w.seenOn,
				group: null,
				url: w.url
			}))
		],
		/** The source chosen to quote from (?kalla=interview:ID or web:ID), with its full text. */
		chosen: interview
			? { value: `interview:${interview.id}`, kind: 'interview' as const, text: interview.notes }
			: observation
				? { value: `web:${observation.id}`, kind: 'web' as const, text: observation.note }
				: null,
		/** The evidence item whose edit form is open (?redigera=ID), if any. */
		editingId: evidence.some((e) => e.id === editId) ? editId : null,
		savedId: Number(url.searchParams.get('sparad')) || null,
		/** The deletion just made (?borttagen=ID), to offer undoing it. */
		deletedUndoId: Number(url.searchParams.get('borttagen')) || null,
		restored: url.searchParams.has('aterstalld')
	};
};

const page = (id: number) => `/utvarderingar/${id}/underlag`;

export const actions: Actions = refusingBadInput({
	/** Creates an evidence item: a quote from an interview's notes or a web observation. */
	create: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const values = formValues(await request.formData());
		const parsed = evidenceSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				action: 'create',
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		}
		const [kind, rawId] = parsed.data.source.split(':') as ['interview' | 'web', string];
		const result = await attempt(
			locals,
			() =>
				locals.db.transaction().execute((trx) =>
					createEvidence(trx, actorOf(locals.user!), scope.id, {
						sourceKind: kind,
						interviewId: kind === 'interview' ? Number(rawId) : null,
						webObservationId: kind === 'web' ? Number(rawId) : null,
						quote: parsed.data.quote,
						note: parsed.data.note,
						subareaIds: parsed.data.subareaIds
					})
				),
			{ action: 'create', values }
		);
		if (typeof result !== 'number') return result;
		redirect(303, `${page(scope.id)}?sparad=${result}#underlag-${result}`);
	},
	/** Changes an evidence item's comment and subareas (version-checked). */
	update: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const form = await request.formData();
		const values = formValues(form);
		const id = intField(form, 'id');
		const parsed = evidenceUpdateSchema.safeParse(values);
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
				updateEvidence(
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
		redirect(303, `${page(scope.id)}?sparad=${id}#underlag-${id}`);
	},
	/** Deletes an evidence item and the findings' citations of it. */
	delete: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const id = intField(await request.formData(), 'id');
		const result = await attempt(
			locals,
			() => deleteEvidence(locals.db, actorOf(locals.user!), scope.id, id),
			{ action: 'delete', id }
		);
		if (typeof result !== 'number') return result;
		redirect(303, `${page(scope.id)}?borttagen=${result}`);
	},
	/** Undoes a deletion made on this page within the last ten minutes. */
	undo: undoAction('sources.edit', ['evidence'])
});
