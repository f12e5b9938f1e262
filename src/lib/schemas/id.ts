/**
 * The one rule for a row id or a row version that comes from outside (a path segment, a form
 * field, a query parameter): an integer PostgreSQL's `integer` column can hold. Anything longer
 * would reach the database and fail there ("out of range for type integer") as a 500 with a stack
 * trace, so it is refused here instead: `pathId` makes it "no such row" (404), the form fields
 * (`formId`, `formVersion` in ./form) refuse it at the field (400).
 */
import { z } from 'zod';

/** PostgreSQL's largest `integer` (2³¹−1): every id and version column is one. */
export const MAX_DB_INTEGER = 2_147_483_647;

/** Digits only, no sign, no spaces, no exponent: what a link or a hidden field of ours sends. */
const digits = z.string().regex(/^\d{1,10}$/, 'errors.invalid');

/** A row version from outside: 0 (never saved) up to 2³¹−1. */
export const externalVersion = digits
	.transform(Number)
	.pipe(z.number().int().min(0, 'errors.invalid').max(MAX_DB_INTEGER, 'errors.invalid'));

/** A row id from outside: a positive integer up to 2³¹−1. */
export const externalId = externalVersion.pipe(z.number().min(1, 'errors.invalid'));

/**
 * A route's id segment (`[id]`, `[docId]`): the id, or 0 for anything that cannot be one, which
 * no row has, so the route answers 404 as for any id it does not know.
 */
export function pathId(param: string | undefined): number {
	const parsed = externalId.safeParse(param ?? '');
	return parsed.success ? parsed.data : 0;
}
