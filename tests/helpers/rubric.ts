/** The 2020 rubric as the tests read it: from its file, so no test keeps its own copy of the maxima. */
import { readFileSync } from 'node:fs';
import type { Rubric } from '../../src/lib/domain/rubric';

export const rubric2020 = JSON.parse(
	readFileSync('rubric/kommunkompassen-2020.json', 'utf8')
) as Rubric;

/** Each subarea's maximum, by id ('1.1' → 20, …). */
export const subareaMaxima2020: Record<string, number> = Object.fromEntries(
	rubric2020.areas.flatMap((a) => a.subareas.map((s) => [s.id, s.maxPoints]))
);

/** Every subarea scored at `share` of its maximum (rounded), as an import or sheet would hold it. */
export const scoresAtShare2020 = (share: number): Record<string, number> =>
	Object.fromEntries(
		Object.entries(subareaMaxima2020).map(([id, max]) => [id, Math.round(max * share)])
	);
