import { sourcePageActions, sourcePageState } from '$lib/server/actions/source-page';
import { authorizeEvaluationRoute, permissions } from '$lib/server/http/evaluation-route';
import { listInterviewsWithNotes } from '$lib/server/sources/interviews';
import { listWebObservations } from '$lib/server/sources/web-observations';
import {
	createEvidence,
	deleteEvidence,
	listEvidence,
	updateEvidence
} from '$lib/server/sources/evidence';
import { evidenceSchema, evidenceUpdateSchema } from '$lib/server/sources/schemas';
import { findSubarea, listSubareas } from '$lib/domain/rubric';
import { formatSourceRef, parseSourceRef } from '$lib/domain/sources';
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
	const source = parseSourceRef(url.searchParams.get('kalla') ?? '');
	const interview =
		source?.kind === 'interview' ? interviews.find((i) => i.id === source.id) : undefined;
	const observation = source?.kind === 'web' ? web.find((w) => w.id === source.id) : undefined;
	return {
		subareas: listSubareas(rubric).map((s) => ({ id: s.id, title: s.title })),
		/** The subarea the list is filtered to ('' for all). */
		filter,
		evidence,
		/** Sources the user may quote from (labels only; the chosen one's text below). */
		sources: [
			...interviews.map((i) => ({
				value: formatSourceRef({ kind: 'interview', id: i.id }),
				kind: 'interview' as const,
				heldOn: i.heldOn,
				group: i.group,
				url: null
			})),
			...web.map((w) => ({
				value: formatSourceRef({ kind: 'web', id: w.id }),
				kind: 'web' as const,
				heldOn: w.seenOn,
				group: null,
				url: w.url
			}))
		],
		/** The source chosen to quote from (?kalla=interview:ID or web:ID), with its full text. */
		chosen: interview
			? {
					value: formatSourceRef({ kind: 'interview', id: interview.id }),
					kind: 'interview' as const,
					text: interview.notes
				}
			: observation
				? {
						value: formatSourceRef({ kind: 'web', id: observation.id }),
						kind: 'web' as const,
						text: observation.note
					}
				: null,
		...sourcePageState(url, evidence)
	};
};

/** Create (a quote from an interview's notes or a web observation), update, delete (with the findings' citations), undo. */
export const actions: Actions = sourcePageActions({
	page: 'underlag',
	anchor: 'underlag',
	entity: 'evidence',
	createSchema: evidenceSchema,
	create: (db, actor, evaluationId, data) => {
		const { kind, id } = data.source;
		return db.transaction().execute((trx) =>
			createEvidence(trx, actor, evaluationId, {
				sourceKind: kind,
				interviewId: kind === 'interview' ? id : null,
				webObservationId: kind === 'web' ? id : null,
				quote: data.quote,
				note: data.note,
				subareaIds: data.subareaIds
			})
		);
	},
	updateSchema: evidenceUpdateSchema,
	update: updateEvidence,
	remove: deleteEvidence
});
