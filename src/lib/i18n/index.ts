/**
 * Swedish first, English second. Each feature keeps its messages in messages/<feature>.ts with an
 * sv dictionary (the source of the keys) and an en dictionary typed to have every sv key.
 */
import * as common from './messages/common';
import * as accounts from './messages/accounts';
import * as workspace from './messages/workspace';
import * as scoring from './messages/scoring';
import * as sources from './messages/sources';
import * as results from './messages/results';
import * as documents from './messages/documents';
import * as actionPlans from './messages/action-plans';
import * as operations from './messages/operations';
import * as audit from './messages/audit';
import * as setup from './messages/setup';
import * as accessibility from './messages/accessibility';
import * as report from './messages/report';
import * as selfAssessment from './messages/self-assessment';
import * as factCheck from './messages/fact-check';

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'sv';

const sv = {
	...common.sv,
	...accounts.sv,
	...workspace.sv,
	...scoring.sv,
	...sources.sv,
	...results.sv,
	...documents.sv,
	...actionPlans.sv,
	...operations.sv,
	...audit.sv,
	...setup.sv,
	...accessibility.sv,
	...report.sv,
	...selfAssessment.sv,
	...factCheck.sv
};
export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
	...common.en,
	...accounts.en,
	...workspace.en,
	...scoring.en,
	...sources.en,
	...results.en,
	...documents.en,
	...actionPlans.en,
	...operations.en,
	...audit.en,
	...setup.en,
	...accessibility.en,
	...report.en,
	...selfAssessment.en,
	...factCheck.en
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { sv, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
	return value in sv;
}

/** Looks a key up and fills `{name}` placeholders. Unknown keys fall back to Swedish, then the key. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
	const template = dictionaries[locale][key] ?? sv[key] ?? key;
	return vars ? template.replace(/\{(\w+)\}/g, (m, name) => String(vars[name] ?? m)) : template;
}

export function translator(locale: Locale): Translate {
	return (key, vars) => translate(locale, key, vars);
}

export * from './format';
