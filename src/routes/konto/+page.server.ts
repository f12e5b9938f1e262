import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guard';
import { findMunicipalityByCode } from '$lib/server/register/municipalities';
import { getNotificationChoices, saveNotificationChoices } from '$lib/server/mail/notifications';
import { parseForm } from '$lib/server/http/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		/** The signed-in user's own account details. */
		account: {
			email: user.email,
			name: user.name,
			role: user.role,
			municipality: user.municipalityCode
				? ((await findMunicipalityByCode(locals.db, user.municipalityCode))?.name ?? null)
				: null
		},
		/** Which mail the user wants (every mail links here). */
		notify: await getNotificationChoices(locals.db, user.id)
	};
};

/** A checkbox: present means on. */
const box = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
const notifySchema = z.object({
	factCheck: box,
	stage: box,
	overdue: box,
	selfAssessment: box
});

export const actions: Actions = {
	/** Saves the user's own choice of notification mail. */
	notify: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(locals, await request.formData(), notifySchema, { notify: true });
		if (!parsed.ok) return parsed.failure;
		await saveNotificationChoices(locals.db, user.id, parsed.data);
		return { notify: true, saved: true };
	}
};
