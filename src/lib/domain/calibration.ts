/**
 * Calibration's rules that the page, the action and the tests share: which subareas the sheets
 * already agree on, and what the agreed score then carries over from the sheets.
 */

/** One evaluator's score of a subarea, as calibration shows it beside the others. */
export interface SheetEntry {
	/** Who scored it (the evaluator's name), to label a carried-over justification. */
	name: string;
	points: number | null | undefined;
	justification: string | null | undefined;
}

/**
 * The agreed score that the sheets give when they all have the same points, or null when they
 * differ (or a sheet has none). The justification carries the sheets' own: one text when only one
 * sheet wrote one or all wrote the same, otherwise each labelled with its author. It is empty when
 * no sheet wrote one: the team must then write it, since an agreed score needs a justification.
 */
export function agreedFromEqualSheets(
	sheets: SheetEntry[]
): { points: number; justification: string } | null {
	if (sheets.length < 2) return null;
	const points = sheets[0].points;
	if (typeof points !== 'number' || sheets.some((s) => s.points !== points)) return null;
	const written = sheets
		.map((s) => ({ name: s.name, text: (s.justification ?? '').trim() }))
		.filter((s) => s.text);
	const distinct = new Set(written.map((s) => s.text));
	const justification =
		distinct.size <= 1
			? (written[0]?.text ?? '')
			: written.map((s) => `${s.name}: ${s.text}`).join('\n\n');
	return { points, justification };
}

/** What "agree all where you agree" does with each subarea not yet agreed. */
export interface EqualAgreements {
	/** Subareas agreed from the sheets, with the points and the carried-over justification. */
	agree: { subareaId: string; points: number; justification: string }[];
	/** Subareas where the sheets agree but none wrote a justification: left for the team. */
	withoutText: string[];
}

/**
 * Sorts the subareas without an agreed score: where the sheets agree and carry a justification,
 * they can be agreed in one go; where they agree without any justification, the team writes one.
 */
export function equalAgreements(
	rows: { subareaId: string; sheets: SheetEntry[]; agreed: boolean }[]
): EqualAgreements {
	const result: EqualAgreements = { agree: [], withoutText: [] };
	for (const row of rows) {
		if (row.agreed) continue;
		const agreed = agreedFromEqualSheets(row.sheets);
		if (!agreed) continue;
		if (agreed.justification) result.agree.push({ subareaId: row.subareaId, ...agreed });
		else result.withoutText.push(row.subareaId);
	}
	return result;
}

/**
 * A points field's text read against the subarea's maximum: blank is no score, an integer in
 * 0–max is a score, anything else is refused (and never counted in a sum).
 */
export function readPoints(
	text: string | number | null | undefined,
	max: number
): { points: number | null; valid: boolean } {
	const raw = text === null || text === undefined ? '' : String(text).trim();
	if (raw === '') return { points: null, valid: true };
	if (!/^\d+$/.test(raw)) return { points: null, valid: false };
	const points = Number(raw);
	return points <= max ? { points, valid: true } : { points: null, valid: false };
}
