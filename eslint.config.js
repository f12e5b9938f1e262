import prettier from 'eslint-config-prettier';
import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The folders that own a table and may query it: one per aggregate (docs/architecture.md), plus
 * server/db/ (driver, migrator, seed) and the two platform files that read the database's state.
 */
const queryHomes = [
	'src/lib/server/{db,sources,scoring,evaluations,team-file,published,self-assessment,documents,accounts,action-plans,register,mail}/**',
	'src/lib/server/report/{cache,docx-cache}.ts',
	'src/lib/server/platform/{database-health,record-counts}.ts'
];

/**
 * Kysely's query starters and its raw `sql` tag: refused outside the aggregates' folders.
 * Shared by every block that sets no-restricted-syntax, since a later block replaces the rule.
 */
const queriesInRepositories = [
	{
		selector:
			"CallExpression[callee.type='MemberExpression'][callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|with)$/]",
		message:
			'Queries live in an aggregate folder (src/lib/server/<aggregate>/): add or reuse a function there and call it.'
	},
	{
		selector: "TaggedTemplateExpression[tag.name='sql'], CallExpression[callee.object.name='sql']",
		message:
			'Raw SQL lives in an aggregate folder (src/lib/server/<aggregate>/): add or reuse a function there.'
	}
];

/**
 * Refuses a text written into a server `error()` call (a string, a template, or an object whose
 * `message` is one): the error page shows the reader's language only for a refusal's message key
 * (issue 27). Use `error(404, refusal('errors.…'))` from server/http/refusal.ts, or no text.
 */
const isText = (node) =>
	(node?.type === 'Literal' && typeof node.value === 'string') || node?.type === 'TemplateLiteral';
const refusalsByKey = {
	rules: {
		'error-message-key': {
			meta: {
				type: 'problem',
				messages: {
					literal:
						"error() takes a message key, not a text: error(status, refusal('errors.…')) from $lib/server/http/refusal, so the page speaks the reader's language."
				},
				schema: []
			},
			create: (context) => ({
				CallExpression(node) {
					if (node.callee.type !== 'Identifier' || node.callee.name !== 'error') return;
					const body = node.arguments[1];
					const message =
						body?.type === 'ObjectExpression'
							? body.properties.find(
									(p) => p.type === 'Property' && !p.computed && p.key.name === 'message'
								)?.value
							: body;
					if (isText(message)) context.report({ node: message, messageId: 'literal' });
				}
			})
		}
	}
};

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

// The set-up the `sv` CLI's eslint add-on generates for a TypeScript SvelteKit project with
// Prettier; the project's own choices follow in the last block, each with its reason.
export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			// `const { rowVersion: _v, ...rest } = row` is how the code drops a field from an object;
			// the named sibling exists only to be left out.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
			// The app is served at the root (no `kit.paths.base`), so a plain `href="/kommuner/..."` is
			// already the resolved path; wrapping every link in resolve() would change no URL. goto()
			// and the shallow-routing calls stay checked. Turn links back on if a base path is set.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }]
		}
	},
	{
		// A refusal carries a message key, never a text (issue 27): see refusalsByKey above.
		files: ['src/**/*.ts'],
		ignores: ['src/lib/paraglide/**'],
		plugins: { refusals: refusalsByKey },
		rules: { 'refusals/error-message-key': 'error' }
	},
	{
		// One concept per file: a file past 400 lines holds more than one and is split along its
		// seams (issue 13). Blank lines and comments count, so a file cannot hide its size. The
		// generated Paraglide output and the message catalogues (JSON, not linted) are exempt.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/paraglide/**'],
		rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] }
	},
	{
		// Every query in its aggregate's folder (issues 13, 26): routes and services call a named
		// function, so a query has one home, one test and one place to tune. Kysely's query starters
		// and its raw `sql` tag are refused everywhere else in src/.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: queryHomes,
		rules: { 'no-restricted-syntax': ['error', ...queriesInRepositories] }
	},
	{
		// The aggregates only query (issue 26): loops, timers and worker threads are jobs'
		// (server/jobs/), which call the aggregates, never the other way round. The seed may run a job.
		files: queryHomes,
		ignores: ['src/lib/server/db/seed/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '(^|/)(workers|jobs)/',
							message: 'Aggregates only query: put the loop or worker call in server/jobs/.'
						}
					]
				}
			]
		}
	},
	{
		// One validation path (issue 13): an action reads its form with parseForm, so a refusal
		// comes back typed, per field and in the user's language. A hand-rolled safeParse in an
		// action is how the second style crept back. ESLint replaces a rule's options per block, so
		// the query selectors are repeated here or routes would lose them.
		files: ['src/routes/**/+page.server.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				...queriesInRepositories,
				{
					selector: "CallExpression[callee.property.name='safeParse']",
					message: 'Read forms with parseForm (server/http/parse-form.ts)'
				}
			]
		}
	},
	{
		// A page reads `form` as SvelteKit types it from its actions; a cast hides a failure the
		// action forgot to type (issue 13). Query selectors repeated for the same reason as above.
		files: ['src/routes/**/*.svelte'],
		rules: {
			'no-restricted-syntax': [
				'error',
				...queriesInRepositories,
				{
					selector: "TSAsExpression[expression.name='form']",
					message: "Use form as SvelteKit types it (ActionData); type the action's failures instead"
				}
			]
		}
	},
	{
		// The domain and the shared zod schemas are pure (issue 13): they run in the browser, the
		// server and the tests alike, so they import nothing from the server, the framework's
		// runtime, Node or the database. What they need is passed in.
		files: ['src/lib/domain/**', 'src/lib/schemas/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(\\$lib/server|(\\.\\.?/)+(.*/)?server)(/|$)',
							message: 'The domain and schemas import nothing from the server: pass the data in.'
						},
						{
							regex: '^(\\$app/|node:|pg$|pg/|kysely($|/)|@electric-sql/)',
							message:
								'The domain and schemas are pure TypeScript: no SvelteKit runtime, Node or database.'
						}
					]
				}
			]
		}
	},
	{
		// Migrations take `Kysely<any>` on purpose (Kysely's docs, STYLE.md): they are frozen and must
		// not depend on the app's current table types. The migrator only hands that db through.
		files: ['migrations/**/*.ts', 'src/lib/server/db/migrator.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
