import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import {
	createPeerGroup,
	deletePeerGroup,
	listPeerGroups,
	maxPeerGroupName,
	maxPeerGroupsPerUser
} from '../../src/lib/server/published/peer-groups';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const codes = ['1883', '2083'];

describe('peer groups belong to their creator', () => {
	it('shows a group to others only when its creator made it public', async () => {
		const owner = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
		const other = await createUser(t.db, { role: 'evaluator' });
		await createPeerGroup(t.db, owner, 'Privat', codes);
		await createPeerGroup(t.db, owner, 'Delad', codes, { public: true });
		expect((await listPeerGroups(t.db, owner.id)).map((g) => [g.name, g.mine])).toEqual([
			['Delad', true],
			['Privat', true]
		]);
		expect((await listPeerGroups(t.db, other.id)).map((g) => [g.name, g.mine])).toEqual([
			['Delad', false]
		]);
		expect((await listPeerGroups(t.db)).map((g) => g.name)).toEqual(['Delad']);
		// Names are the owner's: another user may use the same one.
		await createPeerGroup(t.db, other, 'Privat', codes);
	});

	it('lets only the creator delete a group', async () => {
		const owner = await createUser(t.db, { role: 'evaluator' });
		const other = await createUser(t.db, { role: 'coordinator' });
		const id = await createPeerGroup(t.db, owner, 'Tas bort', codes, { public: true });
		await expect(deletePeerGroup(t.db, other, id)).rejects.toThrow('results.compare.groupNotFound');
		expect((await listPeerGroups(t.db)).some((g) => g.id === id)).toBe(true);
		await deletePeerGroup(t.db, owner, id);
		expect((await listPeerGroups(t.db, owner.id)).some((g) => g.id === id)).toBe(false);
	});

	it('bounds the number of groups per user, also when saved in parallel, and the name length', async () => {
		const user = await createUser(t.db, { role: 'municipality', municipalityCode: '2083' });
		const results = await Promise.allSettled(
			Array.from({ length: maxPeerGroupsPerUser + 5 }, (_, i) =>
				createPeerGroup(t.db, user, `Grupp ${i}`, codes)
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(maxPeerGroupsPerUser);
		expect(
			results
				.filter((r) => r.status === 'rejected')
				.map((r) => (r as PromiseRejectedResult).reason.message)
		).toEqual(Array(5).fill('results.compare.groupLimit'));
		const fresh = await createUser(t.db, { role: 'evaluator' });
		await expect(
			createPeerGroup(t.db, fresh, 'x'.repeat(maxPeerGroupName + 1), codes)
		).rejects.toThrow('results.compare.groupNameTooLong');
		await createPeerGroup(t.db, fresh, 'x'.repeat(maxPeerGroupName), codes);
	});
});
