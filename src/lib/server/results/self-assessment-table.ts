/**
 * A finished self-assessment as one table for the council: per subarea the group's agreed points,
 * the evaluators' points in the latest published evaluation, the difference, the average and the
 * group's comment, and per area the sums with the average the gap is drawn against (the
 * kommunsnitt, or the reference average named as such). The XLSX and the PDF appendix are this
 * table, so they cannot disagree with each other or with the page (same `loadGap`).
 */
import type { Database } from '../db';
import type { Cell } from '../http/spreadsheet';
import { listSelfAgreed } from '../self-assessment/sheets';
import { loadGap } from './self-assessment-gap';
import { computeTotals } from '$lib/domain/scoring';
import { rubricText, type Rubric } from '$lib/domain/rubric';
import { translator } from '$lib/i18n/lookup';
import type { Locale } from '$lib/i18n';

export interface SelfAssessmentTable {
	title: string;
	/** What the average column is, or why it is empty. */
	notes: string[];
	header: string[];
	/** Area rows are marked so a renderer can set them in bold. */
	rows: { area: boolean; cells: Cell[] }[];
}

const round1 = (v: number | null | undefined) => (v == null ? null : Math.round(v * 10) / 10);

export async function loadSelfAssessmentTable(
	db: Database,
	scope: { id: number; name: string; municipalityCode: string; assessedOn: string },
	municipalityName: string,
	rubric: Rubric,
	locale: Locale
): Promise<SelfAssessmentTable> {
	const t = translator(locale);
	const agreedRows = await listSelfAgreed(db, scope.id);
	const agreed = Object.fromEntries(Object.values(agreedRows).map((a) => [a.subareaId, a.points]));
	const g = await loadGap(db, scope, rubric, agreed, locale);
	const selfAreas = computeTotals(rubric, agreed).areas;
	const external = g.radar.series.find((s) => s.id === 'external')?.values ?? {};
	const average = g.radar.series.find((s) => s.id === 'avg')?.values ?? {};
	const header = [
		t('sa.gap.subarea'),
		t('sa.table.title'),
		'max',
		t('sa.gap.selfShort'),
		g.external ? t('sa.table.evaluators', { year: g.external.year }) : t('sa.gap.externalShort'),
		t('sa.gap.difference'),
		g.comparison.kind === 'none' ? t('sa.gap.national') : g.comparison.label,
		t('sa.table.comment')
	];
	const rows: SelfAssessmentTable['rows'] = [];
	for (const area of rubric.areas) {
		const selfArea = selfAreas.find((a) => a.areaId === area.id)?.achieved ?? null;
		const extArea = external[area.id] ?? null;
		rows.push({
			area: true,
			cells: [
				area.id,
				rubricText(locale, area).title,
				area.maxPoints,
				selfArea,
				extArea,
				selfArea !== null && extArea !== null ? selfArea - extArea : null,
				round1(average[area.id]),
				null
			]
		});
		for (const s of area.subareas) {
			const r = g.gap.rows.find((row) => row.subareaId === s.id);
			rows.push({
				area: false,
				cells: [
					s.id,
					rubricText(locale, s).title,
					s.maxPoints,
					r?.self ?? null,
					r?.external ?? null,
					r?.difference ?? null,
					// Subarea figures exist for the kommunsnitt only (n ≥ 3), never for a reference.
					g.comparison.kind === 'national' ? round1(r?.national) : null,
					agreedRows[s.id]?.comment || null
				]
			});
		}
	}
	return {
		title: t('sa.table.heading', {
			name: scope.name,
			municipality: municipalityName,
			date: scope.assessedOn
		}),
		notes: [
			g.external ? t('sa.table.externalNote', { year: g.external.year }) : t('sa.gap.noExternal'),
			...(g.comparison.note ? [g.comparison.note] : [])
		],
		header,
		rows
	};
}
