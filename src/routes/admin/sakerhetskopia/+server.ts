import { error } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { getReadyDatabase } from '$lib/server/platform/app';
import { backupFileName, dumpDatabase } from '$lib/server/platform/backup';
import { actorOf, recordAudit } from '$lib/server/accounts/audit';
import type { RequestHandler } from './$types';
import { refusal } from '$lib/server/http/refusal';

/**
 * A consistent backup of the embedded database while the app runs (PGlite's own dump), for a
 * coordinator. Audited: the file holds every user, draft, interview note and document.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'backup.download', url);
	const opened = await getReadyDatabase();
	if (opened.driver !== 'pglite') error(404, refusal('errors.backupPglite'));
	const bytes = await dumpDatabase(opened);
	const name = backupFileName();
	await recordAudit(locals.db, {
		actor: actorOf(user),
		entity: 'database',
		entityId: 'backup',
		action: 'backup.download',
		after: { file: name, bytes: bytes.length }
	});
	return new Response(bytes, {
		headers: {
			'Content-Type': 'application/gzip',
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'no-store'
		}
	});
};
