import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './scripts/i18n/paraglide-options.js';
import { kitClientApp } from './tests/components/kit-client-app.js';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
	// Vitest compiles the messages once before the tests (globalSetup) instead: the plugin's SDK
	// keeps handles open that would hold the test run for ten seconds after it ends.
	plugins: [sveltekit(), ...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)])],
	server: { port: 5173 },
	ssr: {
		// Native or wasm-backed packages stay external so their own file loading works.
		external: ['@electric-sql/pglite', '@node-rs/argon2', '@resvg/resvg-js', 'pdfmake', 'pg']
	},
	test: {
		globalSetup: ['./tests/compile-messages.ts'],
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
					globalSetup: ['./tests/compile-messages.ts', './tests/db-templates.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				// Component tests in a real browser, as the `sv` CLI's vitest add-on sets them up, but in
				// Debian's chromium (never a downloaded browser), launched like playwright.config.ts does.
				extends: './vite.config.ts',
				plugins: [kitClientApp()],
				test: {
					name: 'component',
					include: ['tests/components/**/*.svelte.spec.ts'],
					setupFiles: ['./tests/components/page-setup.ts'],
					browser: {
						enabled: true,
						headless: true,
						screenshotFailures: false,
						provider: playwright({
							launchOptions: {
								executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
								args: [
									'--no-sandbox',
									'--disable-gpu',
									'--no-first-run',
									'--disable-background-networking',
									'--disable-component-update',
									'--disable-sync'
								]
							}
						}),
						instances: [{ browser: 'chromium' }]
					}
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
								globalSetup: ['./tests/compile-messages.ts', './tests/db-templates.ts'],
								testTimeout: 60_000,
								hookTimeout: 120_000
							}
						}
					]
				: [])
		]
	}
});
