/**
 * The action plan as a table for the council: headers in the reader's language, statuses as
 * written ("Pågår", "Genomförd"), the description and every progress note, dates as dates (the
 * XLSX gets date cells, the CSV the calendar day). The CSV and the XLSX are the same rows.
 */
import type { ActionItemView } from './action-plans';
import type { Cell } from '../http/spreadsheet';
import { translator } from '$lib/i18n/lookup';
import type { Locale } from '$lib/i18n';

/** A 'YYYY-MM-DD' as a date cell (UTC midnight, so the spreadsheet shows the same day). */
const day = (value: string | null): Date | null => (value ? new Date(`${value}T00:00:00Z`) : null);

export function actionPlanTable(
	items: ActionItemView[],
	improvements: { id: number; areaId: string; text: string }[],
	recommendations: { id: number; text: string }[],
	locale: Locale
): { header: string[]; rows: Cell[][] } {
	const t = translator(locale);
	const header = [
		t('ap.field.title'),
		t('ap.field.description'),
		t('ap.export.owner'),
		t('ap.field.status'),
		t('ap.field.start'),
		t('ap.field.target'),
		t('common.area'),
		t('ap.overview.improvements'),
		t('ap.export.recommendations'),
		t('ap.export.origin'),
		t('ap.export.notes'),
		t('ap.export.latestNote')
	];
	const rows = items.map((item): Cell[] => {
		const linked = improvements.filter((imp) => item.improvementIds.includes(imp.id));
		const recs = recommendations.filter((r) => item.recommendationIds.includes(r.id));
		const status = t(`ap.status.${item.status}`);
		return [
			item.title,
			item.description || null,
			item.ownerRole,
			status.charAt(0).toLocaleUpperCase(locale) + status.slice(1),
			day(item.startDate),
			day(item.targetDate),
			[...new Set(linked.map((l) => l.areaId))].join(', ') || null,
			linked.map((l) => `${l.areaId}. ${l.text}`).join('\n') || null,
			recs.map((r) => r.text).join('\n') || null,
			item.from.assessedOn
				? t('ap.from', { date: item.from.assessedOn, subarea: item.from.subareaId ?? '' })
				: null,
			item.notes.map((n) => `${n.notedOn}: ${n.text}`).join('\n') || null,
			day(item.notes.at(-1)?.notedOn ?? null)
		];
	});
	return { header, rows };
}
