import { sql, type Kysely } from 'kysely';

/** Saved peer groups ("jämförelsegrupper") for the compare page. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('peer_group')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('municipality_codes', sql`text[]`, (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('peer_group').execute();
}
