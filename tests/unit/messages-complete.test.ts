import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import settings from '../../project.inlang/settings.json';

/** src/lib/i18n/messages/<locale>.json without its $schema. */
function catalogue(locale: string): Record<string, string> {
	const url = new URL(`../../src/lib/i18n/messages/${locale}.json`, import.meta.url);
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(url, 'utf8'));
	return messages;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const base = settings.baseLocale;
const messages = Object.fromEntries(settings.locales.map((l) => [l, catalogue(l)]));

describe('messages', () => {
	it('has Swedish as the base locale and English as the other', () => {
		expect(base).toBe('sv');
		expect(settings.locales).toEqual(['sv', 'en']);
	});

	it.each(settings.locales.filter((l) => l !== base))(
		'%s has exactly the Swedish keys, none missing and none extra',
		(locale) => {
			const missing = Object.keys(messages[base]).filter((k) => !(k in messages[locale]));
			const extra = Object.keys(messages[locale]).filter((k) => !(k in messages[base]));
			expect({ missing, extra }).toEqual({ missing: [], extra: [] });
		}
	);

	it.each(settings.locales.filter((l) => l !== base))(
		'%s has the same placeholders as Swedish in every message',
		(locale) => {
			const differing = Object.keys(messages[base])
				.filter((k) => k in messages[locale])
				.filter(
					(k) => placeholders(messages[base][k]).join() !== placeholders(messages[locale][k]).join()
				);
			expect(differing).toEqual([]);
		}
	);

	it.each(settings.locales)('%s has no empty message', (locale) => {
		const empty = Object.entries(messages[locale])
			.filter(([, text]) => typeof text !== 'string' || text.trim() === '')
			.map(([k]) => k);
		expect(empty).toEqual([]);
	});
});
