/**
 * What the tagged report (PDF/UA) says beyond what it draws: the language of the evaluators'
 * texts, headings that are also nested bookmarks, and the charts' alternative text. Pure.
 */
import type { ReportModel } from '$lib/domain/report/model';
import { translator } from '$lib/i18n/lookup';
import { reportLang } from './pdf-frame';

/**
 * The language of an evaluator's text: its own `lang` where the model gives one, else the language
 * the team writes the evaluation's texts in (`textLang`, Swedish unless set); undefined where that
 * is the report's language, so only a part in another language is marked (Swedish texts inside
 * the English report, or English ones inside the Swedish report).
 */
export function authoredLanguage(model: Pick<ReportModel, 'locale' | 'textLang'>) {
	const docLang = reportLang(model.locale);
	const authored = (value?: unknown): string | undefined => {
		const own =
			value && typeof value === 'object' && typeof (value as { lang?: unknown }).lang === 'string'
				? (value as { lang: string }).lang
				: model.textLang;
		const lang = reportLang(own);
		return lang === docLang ? undefined : lang;
	};
	const withLang = (lang: string | undefined) => (lang ? { lang } : {});
	return { authored, withLang };
}

/** A page break that is no content (an empty paragraph would be one). */
export const pageBreak = { text: '', pageBreak: 'after', tag: 'Artifact' };

/** A heading maker: H1–H3, in the table of contents down to H2, bookmarks nested by level. */
export function headings() {
	const parents: string[] = [];
	let count = 0;
	return (text: string, level: 1 | 2 | 3, toc = level < 3) => {
		const id = `h-${++count}`;
		parents[level - 1] = id;
		return {
			text,
			style: `h${level}`,
			tag: `H${level}`,
			id,
			outline: true,
			outlineParentId: level > 1 ? parents[level - 2] : undefined,
			tocItem: toc,
			tocMargin: level === 2 ? [12, 0, 0, 0] : undefined,
			headlineLevel: level
		};
	};
}

/**
 * The bar and radar charts' alternative text: what they show (the average only where it is drawn),
 * the areas with the highest and lowest share of their maximum, and where the same points stand
 * as a table.
 */
export function chartAltText(model: ReportModel) {
	const t = translator(model.locale);
	const scored = model.areas.filter((a) => a.achieved !== null && a.max > 0);
	const byShare = [...scored].sort((a, b) => a.achieved! / a.max - b.achieved! / b.max);
	const areaPoints = (a: (typeof model.areas)[number]) =>
		`${a.id}. ${a.title} (${t('report.ofMax', { achieved: String(a.achieved), max: a.max })})`;
	const extremes = byShare.length
		? ` ${t('report.chartExtremes', { best: areaPoints(byShare[byShare.length - 1]), worst: areaPoints(byShare[0]) })}`
		: '';
	// Drawn as the charts draw it: a bar's reference where an area has one, the radar's
	// polygon only where every area has one (a withheld average is no comparison to describe).
	const averages = model.areas.map((a) => model.comparison.averageAreas[a.id]);
	const drawn = {
		'report.barsAlt': averages.some((v) => typeof v === 'number'),
		'report.radarAlt': averages.length > 0 && averages.every((v) => typeof v === 'number')
	};
	return (key: 'report.barsAlt' | 'report.radarAlt') => {
		const reference = model.comparison.averageLabel;
		const names = { name: model.municipality.name, n: model.areas.length, reference };
		const what = drawn[key]
			? t(key, names)
			: `${t(key === 'report.barsAlt' ? 'report.barsAltAlone' : 'report.radarAltAlone', names)} ${t('report.chartNoReference', { reference })}`;
		return `${what}${extremes} ${t('report.chartTable')}`;
	};
}
