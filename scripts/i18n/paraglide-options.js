// The one Paraglide configuration, shared by the Vite plugin (dev, build, Vitest) and by
// scripts/i18n/compile.js (svelte-check, eslint and the tsx CLI, which run without Vite).
// The plugin for src/lib/i18n/messages/{locale}.json is loaded from node_modules (project.inlang/settings.json),
// not from a CDN, so compiling works offline and in CI.

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Swedish unless English was chosen with the language switch (src/routes/sprak), which sets
	// the cookie; a browser set to English is not taken as a choice. The server's request
	// locale comes from paraglideMiddleware (src/hooks.server.ts).
	strategy: ['cookie', 'baseLocale'],
	cookieName: 'lang',
	cookieMaxAge: 60 * 60 * 24 * 365,
	emitReadme: false
};
