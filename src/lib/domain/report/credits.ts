/**
 * Who a report names as its author (issue 27). SKR's published reports name no evaluators: a
 * result imported or seeded from a publication is credited to its publisher and year; only an
 * evaluation done in this toolkit names its team.
 */

/** The publisher of an evaluation of `year`: SKL until its renaming to SKR in late 2019. */
export function publisherCredit(year: number): string {
	return `${year <= 2019 ? 'Sveriges Kommuner och Landsting' : 'Sveriges Kommuner och Regioner'}, ${year}`;
}

export type ReportCredit =
	{ kind: 'evaluators'; names: string[] } | { kind: 'publisher'; name: string };

/** The team when it did the evaluation here (no credited author), else the credited publisher. */
export function reportCredit(creditedAuthor: string | null, team: string[]): ReportCredit {
	return creditedAuthor
		? { kind: 'publisher', name: creditedAuthor }
		: { kind: 'evaluators', names: team };
}
