import { sql, type Kysely } from 'kysely';

/**
 * Peer groups belong to their creator: names are unique per creator (not across everyone, where
 * one user could take a name from all others), length-limited, and a group is shown to others on
 * /jamfor only when its creator makes it public. Groups saved before this were shown to everyone,
 * so they stay public.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('peer_group')
		.addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await sql`UPDATE peer_group SET public = true`.execute(db);
	await db.schema.alterTable('peer_group').dropConstraint('peer_group_name_key').execute();
	await db.schema
		.alterTable('peer_group')
		.addUniqueConstraint('peer_group_owner_name_key', ['created_by', 'name'])
		.execute();
	await sql`ALTER TABLE peer_group ADD CONSTRAINT peer_group_name_length CHECK (length(name) BETWEEN 1 AND 80)`.execute(
		db
	);
	await db.schema
		.createIndex('peer_group_created_by')
		.on('peer_group')
		.column('created_by')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('peer_group_created_by').execute();
	await db.schema.alterTable('peer_group').dropConstraint('peer_group_name_length').execute();
	await db.schema.alterTable('peer_group').dropConstraint('peer_group_owner_name_key').execute();
	await db.schema
		.alterTable('peer_group')
		.addUniqueConstraint('peer_group_name_key', ['name'])
		.execute();
	await db.schema.alterTable('peer_group').dropColumn('public').execute();
}
