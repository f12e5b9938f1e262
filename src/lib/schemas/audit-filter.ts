import { z } from 'zod';

/** A calendar date as YYYY-MM-DD that exists (2025-02-30 and 2025-13-45 do not). */
const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	})
	.optional()
	.catch(undefined);

/** A row id: the database's integer ids stop at 2^31 - 1, beyond which the query would fail. */
const id = z.coerce.number().int().positive().max(2147483647).optional().catch(undefined);

/**
 * The audit log's filter from the query string. A value that is not a real date or id is
 * ignored (the filter shows it unset) rather than passed on to the query.
 */
export const auditFilterSchema = z.object({
	evaluation: id,
	/** A municipality code (four digits) and an evaluation year, instead of an internal id. */
	municipality: z
		.string()
		.regex(/^\d{4}$/)
		.optional()
		.catch(undefined),
	year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
	user: id,
	from: date,
	to: date,
	before: id
});
