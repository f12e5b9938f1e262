import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../src/lib/server/db';
import { ConfigurationError } from '../../src/lib/server/errors';

describe('database options from the environment', () => {
	it('uses PGlite under ./data when DATABASE_URL is unset, with the default pool', () => {
		expect(optionsFromEnv({})).toEqual({
			databaseUrl: undefined,
			dataDir: './data',
			poolSize: undefined
		});
	});

	it('takes DATABASE_POOL_SIZE as the pool size per app server', () => {
		const options = optionsFromEnv({ DATABASE_URL: 'postgres://db/kk', DATABASE_POOL_SIZE: '25' });
		expect(options).toMatchObject({ databaseUrl: 'postgres://db/kk', poolSize: 25 });
	});

	it.each(['0', '101', '2.5', 'many', '-3'])(
		'refuses DATABASE_POOL_SIZE=%s with a message naming the setting',
		(raw) => {
			expect(() => optionsFromEnv({ DATABASE_POOL_SIZE: raw })).toThrow(ConfigurationError);
			expect(() => optionsFromEnv({ DATABASE_POOL_SIZE: raw })).toThrow(/DATABASE_POOL_SIZE/);
		}
	);
});
