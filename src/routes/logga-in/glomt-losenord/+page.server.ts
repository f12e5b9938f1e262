import { forgotPasswordSchema } from '$lib/schemas/auth';
import { parseForm, typedValues } from '$lib/server/http/parse-form';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { appOrigin } from '$lib/server/mail/config';
import { wakeOutbox } from '$lib/server/jobs/outbox';
import type { Actions } from './$types';

export const actions: Actions = {
	/**
	 * Always the same answer, whether or not the address has an account (nothing tells which
	 * addresses exist); only a real, active account gets a link, within the rate limits.
	 */
	default: async ({ request, locals, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(locals, form, forgotPasswordSchema, {
			values: typedValues(form, 'email')
		});
		if (!parsed.ok) return parsed.failure;
		const queued = await requestPasswordReset(locals.db, {
			email: parsed.data.email,
			address: getClientAddress(),
			origin: appOrigin(url.origin)
		});
		if (queued) wakeOutbox();
		return { sent: true as const };
	}
};
