import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkRubric, listSubareas, type Rubric } from '../../src/lib/domain/rubric';

const load = (id: string) => JSON.parse(readFileSync(`rubric/${id}.json`, 'utf8'));

describe('rubric files', () => {
	it('2020 has 8 areas, 36 subareas and the maxima of the reference table', () => {
		const result = checkRubric(load('kommunkompassen-2020'));
		expect(result.ok).toBe(true);
		const rubric = (result as { rubric: Rubric }).rubric;
		expect(rubric.areas).toHaveLength(8);
		expect(listSubareas(rubric)).toHaveLength(36);
		const max = Object.fromEntries(listSubareas(rubric).map((s) => [s.id, s.maxPoints]));
		expect(max['1.3']).toBe(30);
		expect(max['7.2']).toBe(40);
		expect(max['3.1']).toBe(10);
		expect(rubric.areas.map((a) => a.title)).toContain('Chefs- och ledarskap samt medarbetarskap');
	});

	it.each(['kommunkompassen-2010', 'kommunkompassen-2016'])('%s is area-level only', (id) => {
		const result = checkRubric(load(id));
		expect(result.ok).toBe(true);
		const rubric = (result as { rubric: Rubric }).rubric;
		expect(rubric.areas).toHaveLength(8);
		expect(listSubareas(rubric)).toHaveLength(0);
	});
});

describe('checkRubric', () => {
	const valid = () => load('kommunkompassen-2020');

	it('reports subarea maxima that do not sum to the area max, naming the area', () => {
		const rubric = valid();
		rubric.areas[0].subareas[0].maxPoints = 21;
		const result = checkRubric(rubric);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toContainEqual({
				path: 'areas[0].maxPoints',
				message: 'area "1" has maxPoints 100 but its subareas sum to 101'
			});
		}
	});

	it('reports a duplicate id with both places', () => {
		const rubric = valid();
		rubric.areas[1].subareas[0].id = '1.1';
		const result = checkRubric(rubric);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems.map((p) => p.message)).toContain(
				'duplicate id "1.1" (also at areas[0].subareas[0].id)'
			);
		}
	});

	it('reports areas that do not sum to the total', () => {
		const rubric = valid();
		rubric.maxPoints = 900;
		const result = checkRubric(rubric);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0].path).toBe('maxPoints');
	});

	it('refuses unknown fields and wrong types with a path', () => {
		const rubric = valid();
		rubric.areas[2].subareas[1].maxPoint = 3;
		rubric.areas[0].maxPoints = 'hundred';
		const result = checkRubric(rubric);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			const paths = result.problems.map((p) => p.path);
			expect(paths).toContain('areas[0].maxPoints');
			expect(paths).toContain('areas[2].subareas[1]');
		}
	});
});
