import { mayBeContact, mayJoinTeam } from '$lib/domain/roles';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/repositories/audit';
import {
	listMunicipalities,
	findMunicipalityByCode
} from '$lib/server/repositories/municipalities';
import { listRubrics } from '$lib/server/repositories/rubrics';
import { listUsers } from '$lib/server/repositories/users';
import {
	createEvaluation,
	findPublishedEvaluationById,
	getEvaluationOrThrow
} from '$lib/server/repositories/evaluations';
import { DuplicateEvaluationError } from '$lib/server/repositories/evaluation-setup';
import { finishCarriedDocuments } from '$lib/server/repositories/carried-documents';
import { log } from '$lib/server/platform/log';
import { readSetupForm, setupChange, setupFormFields } from '$lib/schemas/evaluation-setup';
import { attempt } from '$lib/server/http/evaluation-route';
import { parseForm, refuse } from '$lib/server/http/parse-form';
import { formOptionalId } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';
import { reevaluationYear } from '$lib/domain/reevaluation';
import { todayInSweden } from '$lib/domain/tasks';
import { listFollowUps } from '$lib/server/repositories/evaluation-links';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'evaluation.create', url);
	const [municipalities, rubrics, users] = await Promise.all([
		listMunicipalities(locals.db),
		listRubrics(locals.db),
		listUsers(locals.db)
	]);
	const previousId = Number(url.searchParams.get('fran')) || null;
	const previous = previousId
		? await findPublishedEvaluationById(locals.db, previousId)
		: undefined;
	// A re-evaluation starts ready: the year after the baseline but never a past one, its team and
	// contact (editable).
	const currentYear = Number(todayInSweden().slice(0, 4));
	const active = new Set(users.filter((u) => u.active).map((u) => u.id));
	const prefill = previous
		? {
				year: reevaluationYear(previous.year, currentYear),
				teamUserIds: previous.teamUserIds.filter((id) => active.has(id)),
				contactUserId:
					previous.contactUserId && active.has(previous.contactUserId)
						? previous.contactUserId
						: null
			}
		: { year: currentYear, teamUserIds: [], contactUserId: null };
	return {
		prefill,
		municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
		rubrics: rubrics.map((r) => ({ id: r.id, title: r.title })),
		evaluators: users.filter(mayJoinTeam).map((u) => ({ id: u.id, label: u.name || u.email })),
		contacts: users
			.filter((u) => u.municipalityCode !== null && mayBeContact(u, u.municipalityCode))
			.map((u) => ({
				id: u.id,
				label: `${u.name || u.email}`,
				municipalityCode: u.municipalityCode
			})),
		/** A re-evaluation starts from a published evaluation of the same municipality. */
		previous: previous
			? { id: previous.id, municipalityCode: previous.municipalityCode, year: previous.year }
			: null,
		/** Re-evaluations that already follow up the baseline: named before the form is filled in. */
		followUps: previous ? await listFollowUps(locals.db, previous.id) : []
	};
};

const schema = z.object({
	municipalityCode: z
		.string()
		.regex(/^\d{4}$/, 'errors.municipalityCode')
		.prefault(''),
	year: z.coerce
		.number({ error: 'errors.integer' })
		.int('errors.integer')
		.min(2000, 'errors.invalid')
		.max(2100, 'errors.invalid')
		.prefault(''),
	rubricId: z.string().min(1, 'errors.required').prefault(''),
	...setupFormFields,
	previousEvaluationId: formOptionalId
});

export const actions: Actions = {
	/** Creates the evaluation in `planering`; the team then declares no conflict of interest. */
	default: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'evaluation.create', url);
		const form = await request.formData();
		const raw = {
			municipalityCode: String(form.get('municipalityCode') ?? ''),
			year: form.get('year'),
			rubricId: String(form.get('rubricId') ?? ''),
			...readSetupForm(form),
			previousEvaluationId: form.get('previousEvaluationId')
				? form.get('previousEvaluationId')
				: null
		};
		// Every refusal hands back the values and names the evaluation a duplicate would be (none
		// but for a duplicate), so the page reads one shape.
		const context = {
			values: { ...raw, year: String(raw.year ?? '') },
			existing: null as { id: number; name: string } | null
		};
		const parsed = parseForm(locals, form, schema, context, ['previousEvaluationId']);
		if (!parsed.ok) return parsed.failure;
		if (!(await findMunicipalityByCode(locals.db, parsed.data.municipalityCode))) {
			return refuse(locals, 'municipalityCode', 'errors.municipalityCode', context);
		}
		const result = await attempt(
			locals,
			() =>
				createEvaluation(locals.db, actorOf(user), setupChange(parsed.data)).catch((e) => {
					if (e instanceof DuplicateEvaluationError) return { existingId: e.existingId };
					throw e;
				}),
			context
		);
		if (typeof result === 'object' && 'existingId' in result) {
			// Refused as a duplicate: link to the evaluation that exists.
			const existing = await getEvaluationOrThrow(locals.db, result.existingId);
			const errors: Record<string, string> = {
				year: m['ws.errors.duplicate']({}, { locale: locals.locale })
			};
			return fail(409, {
				...context,
				errors,
				existing: { id: existing.id, name: `${existing.municipalityName} ${existing.year}` }
			});
		}
		if (typeof result !== 'number') return result;
		// A re-evaluation's carried-over documents get their pages after the answer, once the page
		// the browser goes to next has loaded: on PGlite the copy (text search vectors, index)
		// shares the server's thread with requests. The documents page shows them as "bearbetas"
		// until then.
		if (parsed.data.previousEvaluationId) {
			const db = locals.db;
			setTimeout(() => {
				finishCarriedDocuments(db, result).catch((e) =>
					log.error({ err: e, evaluationId: result }, 'carrying documents over failed')
				);
			}, 1000);
		}
		redirect(303, `/utvarderingar/${result}`);
	}
};
