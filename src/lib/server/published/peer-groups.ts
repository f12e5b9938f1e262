import { sql } from 'kysely';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { svCollator } from '$lib/i18n';
import { DomainError } from '../errors';

/** Longest group name (the migration's check constraint says the same). */
export const maxPeerGroupName = 80;
/** Groups one user may keep (the messages name the same number). */
export const maxPeerGroupsPerUser = 20;

/**
 * The groups a viewer may compare against: the public ones and the viewer's own. `mine` tells
 * the page which it may offer to delete.
 */
export async function listPeerGroups(db: Database, viewerId: number | null = null) {
	const rows = await db
		.selectFrom('peer_group')
		.select([
			'id',
			'name',
			'municipality_codes as municipalityCodes',
			'public',
			'created_by as createdBy'
		])
		.where((eb) =>
			viewerId === null
				? eb('public', '=', true)
				: eb.or([eb('public', '=', true), eb('created_by', '=', viewerId)])
		)
		.execute();
	return rows
		.map(({ createdBy, ...g }) => ({ ...g, mine: viewerId !== null && createdBy === viewerId }))
		.sort((a, b) => svCollator.compare(a.name, b.name));
}

/** Saves a named group of municipalities, owned by its creator; public only when asked. */
export async function createPeerGroup(
	db: Database,
	actor: Actor & { id: number | null },
	name: string,
	codes: string[],
	options: { public?: boolean } = {}
) {
	const trimmed = name.trim();
	if (!trimmed) throw new DomainError('errors.required', 'name');
	if (trimmed.length > maxPeerGroupName) {
		throw new DomainError('results.compare.groupNameTooLong', 'name');
	}
	if (codes.length < 2) throw new DomainError('results.compare.groupTooSmall', 'kommuner');
	return db.transaction().execute(async (trx) => {
		if (actor.id !== null) {
			// Locks the owner's row so two parallel saves cannot both pass the count below.
			await sql`SELECT id FROM app_user WHERE id = ${actor.id} FOR UPDATE`.execute(trx);
			const { n } = await trx
				.selectFrom('peer_group')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('created_by', '=', actor.id)
				.executeTakeFirstOrThrow();
			if (Number(n) >= maxPeerGroupsPerUser) {
				throw new DomainError('results.compare.groupLimit', 'name');
			}
		}
		const exists = await trx
			.selectFrom('peer_group')
			.select('id')
			.where('name', '=', trimmed)
			.where((eb) =>
				actor.id === null ? eb('created_by', 'is', null) : eb('created_by', '=', actor.id)
			)
			.executeTakeFirst();
		if (exists) throw new DomainError('admin.ref.duplicate', 'name');
		const { id } = await trx
			.insertInto('peer_group')
			.values({
				name: trimmed,
				municipality_codes: codes,
				created_by: actor.id,
				public: options.public ?? false
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'peer_group',
			entityId: id,
			action: 'create',
			after: { name: trimmed, codes, public: options.public ?? false }
		});
		return id;
	});
}

/** Deletes one of the actor's own groups; anyone else's is "not found". */
export async function deletePeerGroup(db: Database, actor: Actor & { id: number }, id: number) {
	return db.transaction().execute(async (trx) => {
		const deleted = await trx
			.deleteFrom('peer_group')
			.where('id', '=', id)
			.where('created_by', '=', actor.id)
			.returning(['name', 'municipality_codes as codes', 'public'])
			.executeTakeFirst();
		if (!deleted) throw new DomainError('results.compare.groupNotFound', '_form', 404);
		await recordAudit(trx, {
			actor,
			entity: 'peer_group',
			entityId: id,
			action: 'delete',
			before: deleted
		});
	});
}
