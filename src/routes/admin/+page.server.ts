import { authorizeGlobal } from '$lib/server/auth/guard';
import { canGlobal } from '$lib/server/auth/policy';
import { getReadyDatabase } from '$lib/server/platform/app';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'user.manage', url);
	return {
		/**
		 * How this installation is backed up: a download from the running app (embedded database),
		 * pg_dump (PostgreSQL), or not shown to this user.
		 */
		backup: !canGlobal(user, 'backup.download')
			? null
			: (await getReadyDatabase()).driver === 'pglite'
				? ('download' as const)
				: ('pg_dump' as const)
	};
};
