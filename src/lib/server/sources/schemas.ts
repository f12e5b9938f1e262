/**
 * Form schemas of the sources pages (the interview's is in interviews.ts, beside its table and
 * queries). Messages are i18n keys (translated by `fieldErrors`). Limits come from the domain so
 * forms, repository and import agree.
 */
import { z } from 'zod';
import { parseSourceRef, sourceLimits } from '$lib/domain/sources';
import { formList } from '../../schemas/form';

/** A calendar date as the date input sends it, 'YYYY-MM-DD', that exists. */
export const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.refine((value) => {
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
	}, 'errors.date');

/** A free-text field; absent is ''. */
export const sourceText = (max: number) => z.string().max(max, 'src.errors.tooLong').default('');

export const webObservationSchema = z.object({
	url: z
		.string()
		.trim()
		.max(sourceLimits.url, 'src.errors.tooLong')
		.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'src.errors.url'),
	seenOn: isoDate,
	note: sourceText(sourceLimits.webNote)
});

export const evidenceSchema = z.object({
	/** 'interview:12' or 'web:3' (`formatSourceRef`), read as a SourceRef. */
	source: z
		.string()
		.transform(
			(value, ctx) => parseSourceRef(value) ?? (ctx.addIssue('src.errors.sourceRequired'), z.NEVER)
		),
	quote: z
		.string()
		.trim()
		.min(1, 'src.errors.quoteRequired')
		.max(sourceLimits.quote, 'src.errors.tooLong'),
	note: sourceText(sourceLimits.evidenceNote),
	subareaIds: formList(z.array(z.string()).min(1, 'src.errors.subareaRequired'))
});

export const evidenceUpdateSchema = z.object({
	note: sourceText(sourceLimits.evidenceNote),
	subareaIds: formList(z.array(z.string()).min(1, 'src.errors.subareaRequired'))
});

/** A sources form as typed: each text field by name, the repeated `subareaIds` as a list. */
export type SourceValues = { [field: string]: string | undefined } & { subareaIds?: string[] };

/** Reads a form into a plain object (echoed back on refusal), the repeated `subareaIds` as an array. */
export function formValues(form: FormData): SourceValues {
	const texts: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && key !== 'subareaIds') texts[key] = value;
	}
	return Object.assign(texts, { subareaIds: form.getAll('subareaIds').map(String) });
}
