/**
 * Codemod: from the hand-written typed dictionary (src/lib/i18n/messages/*.ts, `t('key', vars)`,
 * `translate(locale, 'key', vars)`) to Paraglide JS message functions. Re-runnable: branches that
 * were started before the move keep adding keys to the TS dictionaries and `t('…')` calls; merge
 * them, then run this again and commit its output on its own.
 *
 *     npm run i18n:codemod            # or: npx tsx scripts/i18n/to-paraglide.ts
 *     npm run check                   # recompiles messages, type-checks the rewritten calls
 *
 * What it does, in order:
 *   1. Messages. Reads every src/lib/i18n/messages/*.ts (each exports `sv` and `en`) and merges
 *      them into messages/sv.json and messages/en.json (a key in a TS file wins over the JSON;
 *      keys are sorted so parallel additions merge cleanly). The keys stay as they were
 *      ('ws.save'): Paraglide exports a message whose key is no identifier under its own name,
 *      so it is called as `m['ws.save']()` and tree-shaken like any other export.
 *   2. Call sites, in src (TS and Svelte; not src/lib/paraglide or src/lib/i18n):
 *      - `const { t, locale } = useI18n()` / `setI18n(…)` → `const locale = getLocale()`
 *        (Paraglide's runtime: the request's locale on the server, the cookie's in the browser);
 *        `const { t } = useI18n()` goes.
 *      - `t('k')` → `m['k']()`, `t('k', vars)` → `m['k'](vars)`,
 *        `t(c ? 'a' : 'b', vars)` → `(c ? m['a'] : m['b'])(vars)`.
 *      - `t(`ap.status.${s}` as MessageKey)` → `apStatusMessage(s)()`: one generated lookup per
 *        family of keys (src/lib/i18n/lookups.ts), so a page ships that family only.
 *      - `translate(locale, 'k', vars)` → `m['k'](vars, { locale })`; with a key held in a
 *        variable → `translateKey(key, vars, { locale })` (whole catalogue: server code only).
 *      - any other `t(expr)` (a key held in a variable) → `translateKey(expr)`, reported at the end:
 *        it works but ships every message, so such places are best rewritten by hand.
 *      - imports: `m`, `getLocale`, the lookups and `translateKey`/`isMessageKey`/`MessageKey`
 *        (src/lib/i18n/lookup.ts) are added where used; `useI18n`, `setI18n`, `translate` go.
 *   3. Removes the TS dictionaries and src/lib/i18n/context.ts and writes src/lib/i18n/index.ts as
 *      the thin module that stays (locales, `Locale`, the number and date formats).
 *
 * Anything it cannot rewrite is listed at the end ("left for a hand edit"); `npm run check` shows
 * the rest. It never touches a file twice: rewritten calls no longer match.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dictionaryDir = join(root, 'src/lib/i18n/messages');
const jsonDir = join(root, 'src/lib/i18n/messages');
const lookupsFile = join(root, 'src/lib/i18n/lookups.ts');
const locales = ['sv', 'en'] as const;
type Catalogue = Record<string, string>;

const notes: string[] = [];
const note = (file: string, text: string) => notes.push(`${relative(root, file)}: ${text}`);

// ---------------------------------------------------------------------------------------------
// 1. Messages
// ---------------------------------------------------------------------------------------------

function readJson(locale: string): Catalogue {
	const file = join(jsonDir, `${locale}.json`);
	if (!existsSync(file)) return {};
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(file, 'utf8'));
	return messages;
}

async function readDictionaries(): Promise<Record<string, Catalogue>> {
	const out: Record<string, Catalogue> = { sv: {}, en: {} };
	if (!existsSync(dictionaryDir)) return out;
	for (const name of readdirSync(dictionaryDir)
		.filter((f) => f.endsWith('.ts'))
		.sort()) {
		const module = await import(pathToFileURL(join(dictionaryDir, name)).href);
		for (const locale of locales) Object.assign(out[locale], module[locale] ?? {});
	}
	return out;
}

function writeJson(locale: string, messages: Catalogue) {
	const sorted: Record<string, string> = {
		$schema: 'https://inlang.com/schema/inlang-message-format'
	};
	for (const key of Object.keys(messages).sort()) sorted[key] = messages[key];
	writeFileSync(join(jsonDir, `${locale}.json`), JSON.stringify(sorted, null, '\t') + '\n');
}

const fromTs = await readDictionaries();
const catalogue: Record<string, Catalogue> = {};
for (const locale of locales) {
	catalogue[locale] = { ...readJson(locale), ...fromTs[locale] };
	writeJson(locale, catalogue[locale]);
}
const keys = new Set(Object.keys(catalogue.sv));
for (const key of Object.keys(catalogue.en)) {
	if (!keys.has(key)) notes.push(`messages/en.json: '${key}' has no Swedish text`);
}

// ---------------------------------------------------------------------------------------------
// 2. Call sites
// ---------------------------------------------------------------------------------------------

/** Index just past the bracket that closes the one opened at `open` (strings and templates skipped). */
function closing(text: string, open: number): number {
	const stack: string[] = [];
	const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (c === "'" || c === '"') {
			i = skipString(text, i);
		} else if (c === '`') {
			i = skipTemplate(text, i);
		} else if (c in pairs) {
			stack.push(pairs[c]);
		} else if (c === ')' || c === ']' || c === '}') {
			if (stack.pop() !== c) return -1;
			if (stack.length === 0) return i + 1;
		}
	}
	return -1;
}

function skipString(text: string, start: number): number {
	const quote = text[start];
	for (let i = start + 1; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === quote) return i;
	}
	return text.length;
}

function skipTemplate(text: string, start: number): number {
	for (let i = start + 1; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '`') return i;
		else if (text[i] === '$' && text[i + 1] === '{') i = closing(text, i + 1) - 1;
	}
	return text.length;
}

/**
 * Splits an argument list at its top-level commas (and inside a type's angle brackets, which the
 * callers join again: `t(key, vars as Record<string, number>)` has one argument after the key).
 */
function splitArgs(inner: string): string[] {
	const args: string[] = [];
	let start = 0;
	for (let i = 0; i < inner.length; i++) {
		const c = inner[i];
		if (c === "'" || c === '"') i = skipString(inner, i);
		else if (c === '`') i = skipTemplate(inner, i);
		else if (c === '(' || c === '[' || c === '{') i = closing(inner, i) - 1;
		else if (c === ',') {
			args.push(inner.slice(start, i));
			start = i + 1;
		}
	}
	args.push(inner.slice(start));
	return args.map((a) => a.trim()).filter((a, i, all) => a !== '' || i < all.length - 1);
}

const literal = /^(['"])([^'"\\]+)\1$/;
const ternary = /^([\s\S]+?)\s*\?\s*(['"])([^'"\\]+)\2\s*:\s*(['"])([^'"\\]+)\4$/;
// `prefix.${expr}suffix`, optionally cast (`as MessageKey`, `as 'src.group.annan'`).
const template = /^`([^`$]*)\$\{([^}]+)\}([^`$]*)`(?:\s+as\s+[\w'".]+)?$/;

const access = (key: string) => `m['${key}']`;

/** Lookups the call sites asked for, by name: the families of keys of dynamic calls. */
const families = new Map<string, { prefix: string; suffix: string }>();

function familyName(prefix: string, suffix: string): string {
	const words = `${prefix}.${suffix}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
	const camel = words
		.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
		.join('')
		.replace(/^[0-9]/, '_$&');
	return `${camel}Message`;
}

// Families generated earlier stay, so a re-run keeps what earlier rewritten files import.
if (existsSync(lookupsFile)) {
	for (const [, prefix, suffix] of readFileSync(lookupsFile, 'utf8').matchAll(
		/^\/\*\* family: `(.*)\$\{key\}(.*)` \*\/$/gm
	)) {
		families.set(familyName(prefix, suffix), { prefix, suffix });
	}
}

function family(file: string, prefix: string, suffix: string): string | null {
	const members = [...keys].filter(
		(k) => k.startsWith(prefix) && k.endsWith(suffix) && k.length > prefix.length + suffix.length
	);
	if (members.length === 0) {
		note(file, `no message matches \`${prefix}\${…}${suffix}\``);
		return null;
	}
	const name = familyName(prefix, suffix);
	families.set(name, { prefix, suffix });
	return name;
}

interface Rewrite {
	text: string;
	changed: boolean;
}

/**
 * Rewrites calls of `name(` found in `text` with `rewrite(args)`; a call it returns null for is
 * left as it is.
 */
function rewriteCalls(
	text: string,
	name: string,
	rewrite: (args: string[], raw: string) => string | null
): Rewrite {
	const pattern = new RegExp(`(?<![\\w$.])${name}\\(`, 'g');
	let out = '';
	let last = 0;
	let changed = false;
	for (let match; (match = pattern.exec(text));) {
		const open = match.index + name.length;
		const end = closing(text, open);
		if (end < 0) continue;
		// Calls inside the arguments first (`t('a', { group: t(`src.group.${g}`) })`).
		const inner = rewriteCalls(text.slice(open + 1, end - 1), name, rewrite).text;
		const raw = `${name}(${inner})`;
		const replacement = rewrite(splitArgs(inner), raw);
		if (replacement === null) continue;
		out += text.slice(last, match.index) + replacement;
		last = end;
		pattern.lastIndex = end;
		changed = true;
	}
	return { text: out + text.slice(last), changed };
}

function messageCall(file: string, keyArg: string, rest: string[], locale?: string): string | null {
	const options = locale ? (locale === 'locale' ? '{ locale }' : `{ locale: ${locale} }`) : '';
	const inputs = rest[0] ?? (locale ? '{}' : '');
	const args = [inputs, options].filter(Boolean).join(', ');
	let match;
	if ((match = literal.exec(keyArg))) {
		if (!keys.has(match[2])) {
			note(file, `unknown key '${match[2]}'`);
			return null;
		}
		return `${access(match[2])}(${args})`;
	}
	if ((match = ternary.exec(keyArg))) {
		const [, condition, , a, , b] = match;
		if (!keys.has(a) || !keys.has(b)) {
			note(file, `unknown key in \`${keyArg}\``);
			return null;
		}
		return `(${condition} ? ${access(a)} : ${access(b)})(${args})`;
	}
	if ((match = template.exec(keyArg))) {
		const [, prefix, expression, suffix] = match;
		const name = family(file, prefix, suffix);
		if (!name) return null;
		return `${name}(${expression.trim()})(${args})`;
	}
	return null;
}

const used = (text: string, name: string) =>
	new RegExp(`(?<![\\w$.'"])${name.replace('$', '\\$')}(?![\\w$])`).test(text);

/** Adds `import { names } from 'source'` after the last import of the (instance) script. */
function addImport(text: string, svelte: boolean, names: string[], source: string): string {
	if (names.length === 0) return text;
	const line = `import { ${names.join(', ')} } from '${source}';`;
	let start = 0;
	let end = text.length;
	let indent = '';
	if (svelte) {
		const script = /<script(?![^>]*context=["']module["'])(?![^>]*\bmodule\b)[^>]*>/.exec(text);
		if (!script) {
			return `<script lang="ts">\n\t${line}\n</script>\n\n${text}`;
		}
		start = script.index + script[0].length;
		end = text.indexOf('</script>', start);
		indent = '\t';
	}
	const body = text.slice(start, end);
	// The end of the last top-level import statement.
	const imports = [...body.matchAll(/^\s*import\b[\s\S]*?(?:from\s*)?['"][^'"]+['"];?[ \t]*$/gm)];
	const at = imports.length
		? start + imports[imports.length - 1].index! + imports[imports.length - 1][0].length
		: start;
	return `${text.slice(0, at)}\n${indent}${line}${text.slice(at)}`;
}

/** Removes `names` from the import of `source` (pattern), the whole import when none is left. */
function dropImports(text: string, source: RegExp, names: string[]): string {
	return text.replace(
		new RegExp(
			`^([ \\t]*)import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*(['"])(${source.source})\\4;?[ \\t]*\\n`,
			'gm'
		),
		(
			whole,
			indent: string,
			type: string | undefined,
			list: string,
			quote: string,
			from: string
		) => {
			const kept = list
				.split(',')
				.map((n) => n.trim())
				.filter(Boolean)
				.filter((n) => !names.includes(n.replace(/^type\s+/, '')));
			if (kept.length === list.split(',').filter((n) => n.trim()).length) return whole;
			return kept.length
				? `${indent}import ${type ?? ''}{ ${kept.join(', ')} } from ${quote}${from}${quote};\n`
				: '';
		}
	);
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return walk(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

const skipped = [join(root, 'src/lib/paraglide'), join(root, 'src/lib/i18n')];
const files = walk(join(root, 'src')).filter((f) => !skipped.some((s) => f.startsWith(s)));
const i18nModule = /\$lib\/i18n|(?:\.\.\/)+lib\/i18n|\.\.?\/i18n/;
const written: string[] = [];

for (const file of files) {
	const svelte = file.endsWith('.svelte');
	const original = readFileSync(file, 'utf8');
	let text = original;

	// `const { t, locale } = useI18n();` and the root layout's `setI18n(data.locale)`.
	const declaration =
		/^([ \t]*)const\s*\{\s*([\w\s,]+?)\s*\}\s*=\s*(?:useI18n\(\)|setI18n\([^)]*\));[ \t]*\n/m;
	let hasT = false;
	let match;
	while ((match = declaration.exec(text))) {
		const names = match[2].split(',').map((n) => n.trim());
		hasT ||= names.includes('t');
		const keep = names.includes('locale') ? `${match[1]}const locale = getLocale();\n` : '';
		text = text.slice(0, match.index) + keep + text.slice(match.index + match[0].length);
	}

	if (hasT) {
		text = rewriteCalls(text, 't', ([key, ...rest], raw) => {
			rest = rest.length ? [rest.join(', ')] : [];
			const call = messageCall(file, key ?? '', rest);
			if (call) return call;
			note(file, `\`${raw.replace(/\s+/g, ' ')}\` → translateKey (ships every message)`);
			return `translateKey(${[key, ...rest].join(', ')})`;
		}).text;
	}

	// translate(locale, key, vars) where translate is the dictionary's (not d3's or the SVG's).
	const importsTranslate = new RegExp(
		`import\\s*\\{[^}]*\\btranslate\\b[^}]*\\}\\s*from\\s*['"](?:${i18nModule.source})['"]`
	).test(text);
	if (importsTranslate) {
		text = rewriteCalls(text, 'translate', ([locale, key, ...rest]) => {
			rest = rest.length ? [rest.join(', ')] : [];
			const call = messageCall(file, key ?? '', rest, locale);
			if (call) return call;
			const inputs = rest[0] ?? 'undefined';
			const options = locale === 'locale' ? '{ locale }' : `{ locale: ${locale} }`;
			return `translateKey(${key}, ${inputs}, ${options})`;
		}).text;
	}

	if (text === original) continue;

	// Imports: drop the dictionary's names, add Paraglide's and the lookups' where now used.
	text = dropImports(text, /\$lib\/i18n\/context|(?:\.\.\/)+lib\/i18n\/context/, [
		'useI18n',
		'setI18n'
	]);
	const lookupNames = ['translateKey', 'isMessageKey', 'MessageKey'];
	const stillUsed = lookupNames.filter((n) => used(dropImports(text, i18nModule, lookupNames), n));
	text = dropImports(text, i18nModule, [
		'translate',
		...(used(text.replace(/^.*import.*$/gm, ''), 'translator') ? [] : ['translator']),
		...lookupNames
	]);
	const fromLookup = stillUsed.map((n) => (n === 'MessageKey' ? `type ${n}` : n));
	const generated = [...families.keys()].filter((n) => used(text, n));
	// The CLI (run by tsx) imports the library by relative paths; the app through $lib.
	const lib = (path: string) =>
		file.startsWith(join(root, 'src/cli'))
			? relative(dirname(file), join(root, 'src/lib', path))
			: `$lib/${path}`;
	text = addImport(text, svelte, fromLookup, lib('i18n/lookup'));
	// Straight from each family's module: importing the barrel (lookups.ts) would load them all.
	for (const name of generated)
		text = addImport(text, svelte, [name], lib(`i18n/families/${name}`));
	if (used(text, 'getLocale'))
		text = addImport(text, svelte, ['getLocale'], lib('paraglide/runtime.js'));
	if (/(?<![\w$.])m\['/.test(text))
		text = addImport(text, svelte, ['m'], lib('paraglide/messages.js'));
	if (/\(\s*m\s*\)\s*=>|\bm\s*=>|(?:const|let|var)\s+m\b/.test(text)) {
		note(file, 'a local `m` may shadow the messages inside its scope');
	}

	writeFileSync(file, text);
	written.push(file);
}

// ---------------------------------------------------------------------------------------------
// 3. Generated lookups, the thin index, the old dictionary removed
// ---------------------------------------------------------------------------------------------

// lookups.ts re-exports one module per family (src/lib/i18n/families/<name>.ts): a module's
// top-level lookup() call is kept whenever the module is imported, so one module per family is
// what lets a page ship only the families it uses.
const familiesDir = join(root, 'src/lib/i18n/families');
rmSync(familiesDir, { recursive: true, force: true });
const lookupLines = [
	'// Generated by scripts/i18n/to-paraglide.ts from the dynamic keys of the call sites: edit the',
	'// script or the call sites, not this file (nor families/). Import a family from its own module',
	'// (families/<name>): importing this index loads every family. It lists them for the codemod.',
	''
];
for (const [name, { prefix, suffix }] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
	const members = [...keys]
		.filter(
			(k) => k.startsWith(prefix) && k.endsWith(suffix) && k.length > prefix.length + suffix.length
		)
		.sort();
	lookupLines.push(`/** family: \`${prefix}\${key}${suffix}\` */`);
	lookupLines.push(`export { ${name} } from './families/${name}';`);
	const module = [
		'// Generated by scripts/i18n/to-paraglide.ts: do not edit.',
		"import { m } from '../../paraglide/messages.js';",
		"import { lookup } from '../lookup';",
		'',
		`/** \`${prefix}\${key}${suffix}\` */`,
		`export const ${name} = lookup('${prefix}', '${suffix}', {`
	];
	for (const key of members) {
		const variable = key.slice(prefix.length, key.length - suffix.length);
		const property = /^[A-Za-z_$][\w$]*$/.test(variable) ? variable : `'${variable}'`;
		module.push(`\t${property}: ${access(key)},`);
	}
	module[module.length - 1] = module[module.length - 1].replace(/,$/, '');
	module.push('});', '');
	mkdirSync(familiesDir, { recursive: true });
	writeFileSync(join(familiesDir, `${name}.ts`), module.join('\n'));
	written.push(join(familiesDir, `${name}.ts`));
}
if (families.size) {
	writeFileSync(lookupsFile, lookupLines.join('\n'));
	written.push(lookupsFile);
}

writeFileSync(
	join(root, 'src/lib/i18n/index.ts'),
	`/**
 * The interface's languages: Swedish first, English second. The messages are Paraglide JS's
 * (messages/{sv,en}.json, compiled to src/lib/paraglide; \`m['key'](inputs)\` in code and
 * \`getLocale()\` for the current language); this module keeps the locale list and the formats.
 */
import { baseLocale, isLocale, locales, type Locale } from '../paraglide/runtime.js';

export { isLocale, locales, type Locale };
export const defaultLocale: Locale = baseLocale;
export * from './format';
`
);
// Only the TS dictionaries go: the JSON catalogues live in the same folder.
if (existsSync(dictionaryDir))
	for (const name of readdirSync(dictionaryDir).filter((n) => n.endsWith('.ts')))
		rmSync(join(dictionaryDir, name));
rmSync(join(root, 'src/lib/i18n/context.ts'), { force: true });
written.push(
	join(root, 'src/lib/i18n/index.ts'),
	join(jsonDir, 'sv.json'),
	join(jsonDir, 'en.json')
);
// The house style, so the output can be committed as it is.
execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', ...written], { cwd: root });

console.log(
	`messages: ${keys.size} keys (${Object.keys(fromTs.sv).length} from the TS dictionaries); ` +
		`${written.length} files rewritten; ${families.size} lookup families`
);
if (notes.length) console.log(`left for a hand edit:\n  ${notes.join('\n  ')}`);
