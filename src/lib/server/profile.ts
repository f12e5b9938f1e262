/**
 * What a profile is drawn against: the national average computed from published evaluations
 * (default) or a registered reference average. Shared by the municipality, compare and report views.
 */
import type { Database } from './db';
import { computeNationalAverage } from './repositories/comparisons';
import { listReferenceAverages } from './repositories/reference-averages';
import type { NationalAverage } from '$lib/domain/comparison';
import type { Rubric } from '$lib/domain/rubric';

export interface ChosenAverage {
	key: string;
	label: string;
	/** Area id → value (null where no evaluation has the area). */
	areas: Record<string, number | null>;
	national: NationalAverage;
	options: { key: string; label: string }[];
	/** n and date, for the report's caption. */
	description: string;
}

export async function chooseAverage(
	db: Database,
	rubric: Rubric,
	key: string | null,
	locale: 'sv' | 'en'
): Promise<ChosenAverage> {
	const national = await computeNationalAverage(db, rubric);
	const references = await listReferenceAverages(db, rubric.id);
	const nationalLabel =
		locale === 'sv'
			? `Nationellt medelvärde (n = ${national.count})`
			: `National average (n = ${national.count})`;
	const options = [
		{ key: 'nationellt', label: nationalLabel },
		...references.map((r) => ({ key: `ref-${r.id}`, label: `${r.name}` }))
	];
	const reference = references.find((r) => `ref-${r.id}` === key);
	if (reference) {
		return {
			key: `ref-${reference.id}`,
			label: reference.name,
			areas: Object.fromEntries(
				rubric.areas.map((a) => [a.id, reference.areaScores[a.id] ?? null])
			),
			national,
			options,
			description: `${reference.name}, ${reference.asOf}${reference.source ? ` (${reference.source})` : ''}`
		};
	}
	return {
		key: 'nationellt',
		label: nationalLabel,
		areas: Object.fromEntries(rubric.areas.map((a) => [a.id, national.areas[a.id]?.mean ?? null])),
		national,
		options,
		description:
			locale === 'sv'
				? `Medelvärde av ${national.count} publicerade utvärderingar enligt ${rubric.title}, ${new Date().toISOString().slice(0, 10)}`
				: `Mean of ${national.count} published evaluations on ${rubric.title}, ${new Date().toISOString().slice(0, 10)}`
	};
}
