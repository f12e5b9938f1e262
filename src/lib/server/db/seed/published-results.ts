import type { Database } from '../index';
import type { SeedLog } from './index';
import { systemActor } from '../../accounts/audit';
import { importResults } from '../../published/result-import';
import { createReferenceAverage, listReferenceAverages } from '../../published/reference-averages';
import publishedResults from './reference/published-results.json';
import referenceAverages from './reference/reference-averages.json';

/**
 * The published results of the reference data, through the same import as the UI and CLI.
 * Results already present (Karlskoga 2022, seeded in full before this) are skipped.
 */
export async function seedPublishedResults(db: Database, log: SeedLog): Promise<void> {
	const outcome = await importResults(
		db,
		systemActor,
		publishedResults.map((value, i) => ({
			label: `published-results.json record ${i + 1}`,
			value
		})),
		{ skipExisting: true }
	);
	if (!outcome.ok) {
		throw new Error(
			`Demo results do not import: ${outcome.problems.map((p) => `${p.record} ${p.field}: ${p.message}`).join('; ')}`
		);
	}
	log(`Demo: imported ${outcome.planned.length} published results.`);
	const existing = new Set((await listReferenceAverages(db)).map((r) => r.name));
	for (const ref of referenceAverages) {
		const name = ref.name.startsWith('Sverigesnitt') ? 'Sverigesnitt (SKR) april 2021' : ref.name;
		if (existing.has(name)) continue;
		await createReferenceAverage(db, systemActor, {
			name,
			rubricId: ref.rubric,
			asOf: ref.asOf,
			source: ref.source,
			areaScores: ref.areaScores
		});
	}
}
