import { auditFilterSchema } from '$lib/schemas/audit-filter';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { listAuditEntries } from '$lib/server/accounts/audit-log';
import { listUsers } from '$lib/server/accounts/users';
import { listMunicipalities } from '$lib/server/register/municipalities';
import type { PageServerLoad } from './$types';

const pageSize = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'audit.read', url);
	const params = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
	const filter = auditFilterSchema.parse(params);
	const entries = await listAuditEntries(locals.db, {
		// Blind sheets' entries stay their authors' until calibration (the coordinator has none).
		viewerId: user.id,
		evaluationId: filter.evaluation,
		municipalityCode: filter.municipality,
		year: filter.year,
		actorId: filter.user,
		from: filter.from,
		to: filter.to,
		beforeId: filter.before,
		limit: pageSize
	});
	return {
		/** The filter as given, for the form. */
		filter,
		entries,
		/** Municipalities to filter by (with the year: an evaluation, without an internal id). */
		municipalities: (await listMunicipalities(locals.db)).map((m) => ({
			code: m.code,
			name: m.name
		})),
		/** Users to filter by. */
		users: (await listUsers(locals.db)).map((u) => ({ id: u.id, label: u.name || u.email })),
		/** The id to continue from for older entries, when there may be more. */
		nextBefore: entries.length === pageSize ? entries[entries.length - 1].id : null
	};
};
