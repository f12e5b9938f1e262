/** What several commands share: finding the evaluation they name and saying why a write failed. */
import type { Database } from '../lib/server/db';
import { DomainError } from '../lib/server/errors';
import { findEvaluationByMunicipalityYear } from '../lib/server/evaluations/lookups';
import { translateKey, isMessageKey } from '../lib/i18n/lookup';
import type { CliContext } from './context';

/** The options that name an evaluation: `--municipality CODE --year YEAR`. */
export const evaluationOptions = {
	municipality: { type: 'string' },
	year: { type: 'string' }
} as const;

type Evaluation = NonNullable<Awaited<ReturnType<typeof findEvaluationByMunicipalityYear>>>;

/**
 * Opens the database and runs `work` on the evaluation the options name; without one, says so
 * and exits 1.
 */
export function withEvaluation(
	{ io, withDatabase }: CliContext,
	values: { municipality?: string; year?: string },
	work: (db: Database, evaluation: Evaluation) => Promise<number>
): Promise<number> {
	return withDatabase(async (db) => {
		const evaluation = await findEvaluationByMunicipalityYear(db, values.municipality, values.year);
		if (!evaluation) {
			io.err(`No evaluation of ${values.municipality} in ${values.year}.`);
			return 1;
		}
		return work(db, evaluation);
	});
}

/** An error's message for the operator: a domain error's message key in Swedish. */
export const errorMessage = (e: unknown) =>
	e instanceof DomainError
		? isMessageKey(e.message)
			? translateKey(e.message, undefined, { locale: 'sv' })
			: e.message
		: (e as Error).message;
