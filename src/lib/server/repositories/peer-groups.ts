import type { Database } from '../db';
import { recordAudit, type Actor } from '../audit';
import { svCollator } from '$lib/i18n';
import { DomainError } from './versioned';

export async function listPeerGroups(db: Database) {
	const rows = await db
		.selectFrom('peer_group')
		.select(['id', 'name', 'municipality_codes as municipalityCodes'])
		.execute();
	return rows.sort((a, b) => svCollator.compare(a.name, b.name));
}

/** Saves a named group of municipalities (shared: anyone can compare against it). */
export async function createPeerGroup(
	db: Database,
	actor: Actor & { id: number | null },
	name: string,
	codes: string[]
) {
	if (!name.trim()) throw new DomainError('errors.required', 'name');
	if (codes.length < 2) throw new DomainError('results.compare.groupTooSmall', 'kommuner');
	return db.transaction().execute(async (trx) => {
		const exists = await trx
			.selectFrom('peer_group')
			.select('id')
			.where('name', '=', name.trim())
			.executeTakeFirst();
		if (exists) throw new DomainError('admin.ref.duplicate', 'name');
		const { id } = await trx
			.insertInto('peer_group')
			.values({ name: name.trim(), municipality_codes: codes, created_by: actor.id })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'peer_group',
			entityId: id,
			action: 'create',
			after: { name, codes }
		});
		return id;
	});
}
