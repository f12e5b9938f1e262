import { fail } from '@sveltejs/kit';
import { actorOf } from '$lib/server/audit';
import { attempt, authorizeEvaluationRoute, intField, textField } from '$lib/server/evaluation-route';
import { createEvidence, deleteEvidence, listEvidence, listInterviewsWithNotes, listWebObservations } from '$lib/server/repositories/sources';
import { listSubareas } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.readDraft');
	const subarea = url.searchParams.get('delomrade') ?? '';
	const onTeam = scope.teamUserIds.includes(locals.user!.id);
	return {
		subareas: listSubareas(rubric).map((s) => ({ id: s.id, title: s.title })),
		filter: subarea,
		evidence: await listEvidence(locals.db, scope.id, subarea || undefined),
		/** Sources to quote from: interview notes only for the team. */
		interviews: onTeam ? (await listInterviewsWithNotes(locals.db, scope.id)).map((i) => ({ id: i.id, label: `${i.heldOn} ${i.group}`, notes: i.notes })) : [],
		web: (await listWebObservations(locals.db, scope.id)).map((w) => ({ id: w.id, label: `${w.seenOn} ${w.url}` }))
	};
};

export const actions: Actions = {
	/** Creates an evidence item: a quote from an interview or a web observation, linked to subareas. */
	create: async ({ locals, params, request }) => {
		const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const form = await request.formData();
		const source = textField(form, 'source', 40);
		const [kind, rawId] = source.split(':');
		const subareaIds = form.getAll('subareaIds').map(String).filter((id) => listSubareas(rubric).some((s) => s.id === id));
		const values = { source, quote: textField(form, 'quote'), note: textField(form, 'note'), subareaIds };
		if (kind !== 'interview' && kind !== 'web') return fail(400, { values, errors: { source: 'Välj en källa' } });
		const result = await attempt(
			locals,
			() => locals.db.transaction().execute((trx) =>
				createEvidence(trx, actorOf(locals.user!), scope.id, {
					sourceKind: kind,
					interviewId: kind === 'interview' ? Number(rawId) : null,
					webObservationId: kind === 'web' ? Number(rawId) : null,
					quote: values.quote,
					note: values.note,
					subareaIds
				})
			),
			{ values }
		);
		return typeof result === 'number' ? { created: result } : result;
	},
	delete: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const id = intField(await request.formData(), 'id');
		const result = await attempt(locals, () => deleteEvidence(locals.db, actorOf(locals.user!), scope.id, id));
		return result === undefined ? { deleted: id } : result;
	}
};
