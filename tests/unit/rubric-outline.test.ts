import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rubricOutline, type Rubric } from '../../src/lib/domain/rubric';

const rubric = JSON.parse(readFileSync('rubric/kommunkompassen-2020.json', 'utf8')) as Rubric;

it('lists areas and subareas with titles in the reader’s language and nothing else', () => {
	const sv = rubricOutline(rubric, 'sv');
	const en = rubricOutline(rubric, 'en');
	expect(sv[0].title).toBe(rubric.areas[0].title);
	expect(sv[0].subareas[0]).toEqual({
		id: '1.1',
		title: rubric.areas[0].subareas[0].title,
		maxPoints: 20
	});
	expect(en[0].title).not.toBe(sv[0].title);
	expect(en[0].subareas[0].title).not.toBe(sv[0].subareas[0].title);
	expect(en.flatMap((a) => a.subareas)).toHaveLength(36);
	expect(Object.keys(en[0].subareas[0]).sort()).toEqual(['id', 'maxPoints', 'title']);
});
