/**
 * Findings citing evidence, for any page that edits findings (the /fynd page includes it):
 * a loader for `EvidenceCitations.svelte` and two form actions to spread into the page's actions.
 *
 *   +page.server.ts:
 *     import { citeEvidenceAction, loadFindingCitations, removeCitationAction } from '$lib/server/actions/evidence-citations';
 *     load:    citations: await loadFindingCitations(locals.db, scope.id)
 *     actions: { …, citeEvidence: citeEvidenceAction, removeCitation: removeCitationAction }
 */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../accounts/audit';
import { z } from 'zod';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { parseForm, refuse } from '../http/parse-form';
import { formId, formText } from '$lib/schemas/form';
import type { Database } from '../db';
import {
	citeEvidence,
	listEvidence,
	listFindingCitations,
	removeCitation
} from '../sources/evidence';
import { parseFindingKey, type FindingCitations } from '$lib/domain/sources';

export type { FindingCitations } from '$lib/domain/sources';

/** Loads the citations and the evidence items they may point at. */
export async function loadFindingCitations(
	db: Database,
	evaluationId: number
): Promise<FindingCitations> {
	const [byFinding, evidence] = await Promise.all([
		listFindingCitations(db, evaluationId),
		listEvidence(db, evaluationId)
	]);
	return { byFinding, evidence };
}

type Event = RequestEvent<{ id: string }>;

const citationForm = z.object({ finding: formText(40), evidenceId: formId });

async function parseCitation({ locals, params, request }: Event) {
	const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'findings.edit');
	const form = parseForm(locals, await request.formData(), citationForm);
	if (!form.ok) return form;
	const { finding: key, evidenceId } = form.data;
	return { ok: true as const, scope, user, key, ref: parseFindingKey(key), evidenceId };
}

/** Form action: a finding cites an evidence item (fields `finding`, `evidenceId`). */
export async function citeEvidenceAction(event: Event) {
	const { locals } = event;
	const citation = await parseCitation(event);
	if (!citation.ok) return citation.failure;
	const { scope, user, key, ref, evidenceId } = citation;
	if (!ref) {
		return refuse(locals, '_form', 'src.errors.unknownFinding', { citationFor: key });
	}
	if (Number.isNaN(evidenceId)) {
		return refuse(locals, 'evidenceId', 'src.errors.evidenceRequired', { citationFor: key });
	}
	const result = await attempt(
		locals,
		() => citeEvidence(locals.db, actorOf(user), scope.id, ref, evidenceId),
		{ citationFor: key }
	);
	return result === undefined ? { citationFor: key, citation: 'added' as const } : result;
}

/** Form action: removes a finding's citation (fields `finding`, `evidenceId`). */
export async function removeCitationAction(event: Event) {
	const { locals } = event;
	const citation = await parseCitation(event);
	if (!citation.ok) return citation.failure;
	const { scope, user, key, ref, evidenceId } = citation;
	if (!ref || Number.isNaN(evidenceId)) {
		return refuse(locals, '_form', 'src.errors.unknownFinding', { citationFor: key });
	}
	const result = await attempt(
		locals,
		() => removeCitation(locals.db, actorOf(user), scope.id, ref, evidenceId),
		{ citationFor: key }
	);
	return result === undefined ? { citationFor: key, citation: 'removed' as const } : result;
}
