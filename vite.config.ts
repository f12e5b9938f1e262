import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	ssr: {
		// Native or wasm-backed packages stay external so their own file loading works.
		external: ['@electric-sql/pglite', '@node-rs/argon2', '@resvg/resvg-js', 'pdfmake', 'pg']
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'db:pglite',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					env: { TEST_DB_DRIVER: 'pglite' },
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			...(withPostgres
				? [
						{
							extends: './vite.config.ts',
							test: {
								name: 'db:postgres',
								include: ['tests/db/**/*.test.ts'],
								environment: 'node',
								env: { TEST_DB_DRIVER: 'postgres' },
								testTimeout: 60_000,
								hookTimeout: 120_000
							}
						}
					]
				: [])
		]
	}
});
