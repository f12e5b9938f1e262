/**
 * A re-evaluation (uppföljande utvärdering) of a published one. Pure.
 */

/**
 * The year a re-evaluation of a `baselineYear` evaluation starts with: the year after the
 * baseline, but never a past year (a 2022 baseline followed up in December 2026 is 2026).
 */
export function reevaluationYear(baselineYear: number, currentYear: number): number {
	return Math.max(baselineYear + 1, currentYear);
}
