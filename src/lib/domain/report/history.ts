/**
 * The sentence about the municipality's earlier evaluations in a report's method section,
 * generated from its published history so it cannot contradict the results the site shows (a
 * printed "kommunens första utvärdering" next to an earlier published result). Pure.
 */
import { type Locale } from '$lib/i18n';
import { resultsOrdinalMessage } from '$lib/i18n/families/resultsOrdinalMessage';
import { m } from '$lib/paraglide/messages.js';

export interface PublishedEvaluation {
	year: number;
	rubricId: string;
	/** The year the rubric version is named for ("2010 års version"). */
	rubricYear: number;
}

export interface EvaluationPlace {
	/** 1 for the first evaluation. */
	ordinal: number;
	previous: PublishedEvaluation | null;
}

/**
 * Where an evaluation stands among the municipality's published ones: how many were published
 * before it (by year; one per year and version) and which came last.
 */
export function evaluationPlace(
	history: PublishedEvaluation[],
	current: { year: number; rubricId: string }
): EvaluationPlace {
	const earlier = history
		.filter(
			(h) => h.year < current.year || (h.year === current.year && h.rubricId < current.rubricId)
		)
		.sort((a, b) => a.year - b.year || a.rubricYear - b.rubricYear);
	return { ordinal: earlier.length + 1, previous: earlier.at(-1) ?? null };
}

function ordinalWord(locale: Locale, n: number): string {
	return n >= 2 && n <= 9
		? resultsOrdinalMessage(String(n))({}, { locale })
		: m['results.ordinal.n']({ n }, { locale });
}

/**
 * "Det här är kommunens första utvärdering …" or "… tredje utvärdering …; den förra gjordes 2014
 * enligt 2010 års version."
 */
export function historySentence(
	locale: Locale,
	history: PublishedEvaluation[],
	current: { year: number; rubricId: string }
): string {
	const place = evaluationPlace(history, current);
	if (!place.previous) return m['results.history.first']({}, { locale });
	const ordinal = ordinalWord(locale, place.ordinal);
	return place.previous.rubricId === current.rubricId
		? m['results.history.laterSame']({ ordinal, year: place.previous.year }, { locale })
		: m['results.history.later'](
				{
					ordinal,
					year: place.previous.year,
					version: place.previous.rubricYear
				},
				{ locale }
			);
}
