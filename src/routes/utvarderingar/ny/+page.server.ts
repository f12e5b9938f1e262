import { pathId } from '$lib/schemas/id';
import { mayBeContact, mayJoinTeam } from '$lib/domain/roles';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/accounts/audit';
import { listMunicipalities, findMunicipalityByCode } from '$lib/server/register/municipalities';
import { listRubrics } from '$lib/server/register/rubrics';
import { listUsers } from '$lib/server/accounts/users';
import {
	createEvaluation,
	findPublishedEvaluationById,
	getEvaluationOrThrow
} from '$lib/server/evaluations/evaluations';
import { DuplicateEvaluationError } from '$lib/server/evaluations/setup';
import { finishCarriedDocuments } from '$lib/server/documents/carried';
import { log } from '$lib/server/platform/log';
import { readSetupForm, setupChange, setupFormFields } from '$lib/schemas/evaluation-setup';
import { attempt } from '$lib/server/http/evaluation-route';
import { parseForm, refuse } from '$lib/server/http/parse-form';
import { formOptionalId } from '$lib/schemas/form';
import { pastPlannedDates, todayInSweden } from '$lib/domain/tasks';
import { invitePerson } from '$lib/server/actions/invite-person';
import type { Actions, PageServerLoad } from './$types';
import { reevaluationYear } from '$lib/domain/reevaluation';
import { listFollowUps } from '$lib/server/evaluations/links';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'evaluation.create', url);
	const [municipalities, rubrics, users] = await Promise.all([
		listMunicipalities(locals.db),
		listRubrics(locals.db),
		listUsers(locals.db)
	]);
	const previousId = pathId(url.searchParams.get('fran') ?? undefined) || null;
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

/** The form as sent: handed back with every refusal and after an invitation. */
const readRaw = (form: FormData) => ({
	municipalityCode: String(form.get('municipalityCode') ?? ''),
	year: form.get('year'),
	rubricId: String(form.get('rubricId') ?? ''),
	...readSetupForm(form),
	previousEvaluationId: form.get('previousEvaluationId') ? form.get('previousEvaluationId') : null
});

export const actions: Actions = {
	/** Creates the evaluation in `planering`; the team then declares no conflict of interest. */
	create: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'evaluation.create', url);
		const form = await request.formData();
		const raw = readRaw(form);
		// Every refusal hands back the values and names the evaluation a duplicate would be (none
		// but for a duplicate), so the page reads one shape.
		const context = {
			values: { ...raw, year: String(raw.year ?? '') },
			existing: null as { id: number; name: string } | null,
			pastDates: [] as string[]
		};
		const parsed = parseForm(locals, form, schema, context, ['previousEvaluationId']);
		if (!parsed.ok) return parsed.failure;
		// A date already past is asked about (the evaluation would be "försenad" at once), not refused.
		const past = pastPlannedDates(parsed.data, todayInSweden());
		if (past.length && form.get('confirmPastDates') !== 'on') {
			const message = m['ws.create.pastDate']({}, { locale: locals.locale });
			return fail(400, {
				...context,
				pastDates: past,
				errors: Object.fromEntries(past.map((key) => [key, message])) as Record<string, string>
			});
		}
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
	},
	/**
	 * Invites a new evaluator or contact without leaving the form: the account is created, its
	 * invitation queued, and the form comes back as it was with the new person chosen.
	 */
	invite: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'evaluation.create', url);
		const form = await request.formData();
		const raw = readRaw(form);
		// The page sends its unsaved form along; without JavaScript only the invitation comes, and
		// the form comes back as new (this year) with the invited person chosen.
		const year = raw.year ?? (form.has('rubricId') ? '' : todayInSweden().slice(0, 4));
		const values = { ...raw, year: String(year) };
		const municipality = /^\d{4}$/.test(raw.municipalityCode)
			? await findMunicipalityByCode(locals.db, raw.municipalityCode)
			: undefined;
		const invited = await invitePerson(locals, user, form, {
			municipalityCode: municipality?.code ?? null,
			origin: url.origin,
			context: { values, existing: null as { id: number; name: string } | null }
		});
		if (!invited.ok) return invited.failure;
		const id = String(invited.user.id);
		return {
			values:
				invited.as === 'contact'
					? { ...values, contactUserId: id }
					: { ...values, teamUserIds: [...values.teamUserIds, id] },
			existing: null,
			invited: invited.user.name || invited.user.email
		};
	}
};
