/**
 * The report's tables as text, once for every renderer (PDF, Word): which rows a table has and how
 * each figure is written. The renderers only lay them out.
 */
import type { ReportModel } from './model';
import { translator } from '../../i18n/lookup';

/** A change in points, with the typographic minus: +12, −3, ±0. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0');

/** Points, or the report's word for a subarea not scored. */
export function pointsText(model: Pick<ReportModel, 'locale'>) {
	const t = translator(model.locale);
	return (v: number | null) => (v === null ? t('report.notScored') : String(v));
}

/** The development table since the previous evaluation: header and rows (total first). */
export function developmentTable(
	model: Pick<ReportModel, 'locale' | 'year'>,
	d: NonNullable<ReportModel['development']>
): { header: string[]; rows: string[][] } {
	const t = translator(model.locale);
	const points = pointsText(model);
	const change = (c: number | null) => (c === null ? '–' : signed(c));
	return {
		header: ['', String(d.previousYear), String(model.year), t('report.change')],
		rows: [
			[t('report.total'), points(d.total.from), points(d.total.to), change(d.total.change)],
			...d.areas.map((a) => [`${a.id}. ${a.title}`, points(a.from), points(a.to), change(a.change)])
		]
	};
}
