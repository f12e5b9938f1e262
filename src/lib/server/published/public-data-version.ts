/**
 * The count of changes to what anonymous visitors see, kept by a trigger in `public_data_version`
 * (migrations/20261205000100_public_data_version.ts); public-cache.ts makes its ETags from it.
 */
import type { Database } from '../db';

export async function readPublicDataVersion(db: Database): Promise<number> {
	const row = await db
		.selectFrom('public_data_version')
		.select('version')
		.executeTakeFirstOrThrow();
	return Number(row.version);
}
