/**
 * Issue 25, finding 7: the self-assessment's invite answers a known and an unknown address the
 * same way (the known one gets no new account), and a municipality may invite only so many
 * colleagues a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { actions } from '../../src/routes/kommuner/[code]/sjalvskattning/+page.server';
import { throttles } from '../../src/lib/server/auth/rate-limit';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
let contact: SessionUser;
beforeAll(async () => {
	t = await createTestDatabase();
	contact = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
});
afterAll(async () => {
	await t?.close();
});

async function invite(email: string, name = 'Karin Kollega') {
	const body = new FormData();
	body.set('email', email);
	body.set('name', name);
	const url = new URL('http://localhost/kommuner/1883/sjalvskattning?/invite');
	const event = {
		locals: { db: t.db, user: contact, session: null, locale: 'sv' },
		params: { code: '1883' },
		url,
		request: new Request(url, { method: 'POST', body }),
		route: { id: '/kommuner/[code]/sjalvskattning' }
	};
	const result = (await actions.invite(event as never)) as {
		status?: number;
		data?: unknown;
	} & Record<string, unknown>;
	return result.status
		? { status: result.status, data: result.data }
		: { status: 200, data: result };
}

const accountsWith = (email: string) =>
	t.db.selectFrom('app_user').select('id').where('email', '=', email).execute();

describe('self-assessment invite', () => {
	it('answers a known address exactly as an unknown one, and creates no second account', async () => {
		const known = await createUser(t.db, { role: 'evaluator', email: 'known-address@test.se' });
		const fresh = await invite('new-colleague@test.se');
		const existing = await invite(known.email);
		const shape = (answer: typeof fresh, email: string) =>
			JSON.stringify(answer).replaceAll(email, '<email>');
		expect(shape(existing, known.email)).toBe(shape(fresh, 'new-colleague@test.se'));
		expect(fresh.status).toBe(200);
		expect(JSON.stringify(existing)).not.toMatch(/redan|already/i);
		expect(await accountsWith('new-colleague@test.se')).toHaveLength(1);
		expect(await accountsWith(known.email)).toHaveLength(1);
	});

	it('bounds invites per municipality and day, known addresses included', async () => {
		const answers: number[] = [];
		for (let i = 0; i < 30; i++) answers.push((await invite(`bulk-${i}@test.se`)).status);
		const allowed = throttles.selfAssessmentInvite.ceiling;
		// Two went out in the test above.
		expect(answers.filter((s) => s === 200)).toHaveLength(allowed - 2);
		expect(answers.slice(allowed - 2).every((s) => s === 429)).toBe(true);
		const created = await t.db
			.selectFrom('app_user')
			.select('id')
			.where('email', 'like', 'bulk-%')
			.execute();
		expect(created).toHaveLength(allowed - 2);
	});
});
