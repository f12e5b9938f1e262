import type { Kysely } from 'kysely';

/** Reserved for a feature that has not landed yet; intentionally empty. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
