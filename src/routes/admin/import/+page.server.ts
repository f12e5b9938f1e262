import { fail } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/accounts/audit';
import { importResults } from '$lib/server/published/result-import';
import { decodeResultsFile, parseResultsFile } from '$lib/domain/results-file';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'results.import', url);
	return {};
};

const maxBytes = 20 * 1024 * 1024;

export const actions: Actions = {
	/** Imports a JSON or CSV results file, all or nothing; a dry run only reports. */
	default: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'results.import', url);
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, {
				problems: [
					{
						record: 'file',
						field: 'file',
						message: m['admin.import.noFile']({}, { locale: locals.locale })
					}
				]
			});
		}
		if (file.size > maxBytes) {
			return fail(400, {
				problems: [{ record: 'file', field: 'file', message: `over ${maxBytes / 1024 / 1024} MB` }]
			});
		}
		const parsed = parseResultsFile(
			decodeResultsFile(new Uint8Array(await file.arrayBuffer())).text,
			file.name
		);
		if (!parsed.ok) return fail(400, { problems: parsed.problems });
		const outcome = await importResults(locals.db, actorOf(user), parsed.records, {
			replace: form.get('replace') === 'on',
			dryRun: form.get('dryRun') === 'on'
		});
		if (!outcome.ok) return fail(400, { problems: outcome.problems });
		return { planned: outcome.planned, written: outcome.written };
	}
};
