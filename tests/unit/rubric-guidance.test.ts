import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	checkRubric,
	checkRubricTranslations,
	rubricText,
	type Rubric
} from '../../src/lib/domain/rubric';
import { rubricHash } from '../../src/lib/server/register/rubrics';
import { runCli } from '../../src/cli/run';
import {
	resolveAnswerTarget,
	resolveStoredAnswerTarget,
	shownAnswerTargets
} from '../../src/lib/domain/sources';

const load = (id: string) => JSON.parse(readFileSync(`rubric/${id}.json`, 'utf8'));
const parsed = (json: unknown) => {
	const result = checkRubric(json);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.rubric;
};

/** A 2020 rubric whose subarea 1.1 has guidance and questions in both languages. */
function guided() {
	const rubric = load('kommunkompassen-2020');
	const sub = rubric.areas[0].subareas[0];
	rubric.guidanceNote = 'Verktygets egen vägledning.';
	for (const area of rubric.areas) area.en = { title: `Area ${area.id}` };
	sub.guidance = 'Utvärderarna letar efter en beslutad strategi.';
	sub.en = { title: 'Strategy', guidance: 'The evaluators look for an adopted strategy.' };
	sub.questions = ['a', 'b', 'c'].map((x) => ({
		id: `1.1.${x}`,
		text: `Fråga ${x}?`,
		en: { text: `Question ${x}?` }
	}));
	return rubric;
}

async function check(json: unknown) {
	const dir = mkdtempSync(join(tmpdir(), 'kk-rubric-'));
	const file = join(dir, 'ny.json');
	writeFileSync(file, JSON.stringify({ ...(json as object), id: 'kommunkompassen-2030' }));
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(['rubric', 'check', file], {
		out: (l) => out.push(l),
		err: (l) => err.push(l),
		readStdin: async () => ''
	});
	return { code, out, err };
}

describe('rubric guidance and questions: schema and checks', () => {
	it('accepts guidance, questions and en on areas, subareas and questions', () => {
		const rubric = parsed(guided());
		expect(rubric.areas[0].subareas[0].questions).toHaveLength(3);
		expect(checkRubricTranslations(rubric)).toEqual([]);
	});

	it('refuses a question id that does not look like 1.1.a, and unknown fields under en', () => {
		const rubric = guided();
		rubric.areas[0].subareas[0].questions[0].id = '1.1 a';
		rubric.areas[0].subareas[0].en.summary = 'x';
		const result = checkRubric(rubric);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			const paths = result.problems.map((p) => p.path);
			expect(paths).toContain('areas[0].subareas[0].questions[0].id');
			expect(paths).toContain('areas[0].subareas[0].en');
		}
	});

	it('reports a duplicate question id and a question outside its subarea', () => {
		const rubric = guided();
		rubric.areas[0].subareas[0].questions[1].id = '1.1.a';
		rubric.areas[0].subareas[0].questions[2].id = '1.2.c';
		const result = checkRubric(rubric);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems.map((p) => p.message)).toEqual(
				expect.arrayContaining([
					'duplicate id "1.1.a" (also at areas[0].subareas[0].questions[0].id)',
					'question "1.2.c" must start with its subarea id "1.1."'
				])
			);
		}
	});

	it('reports missing English where a subarea has Swedish guidance or questions', () => {
		const rubric = guided();
		delete rubric.areas[0].subareas[0].en.guidance;
		delete rubric.areas[0].subareas[0].questions[2].en;
		delete rubric.areas[1].en;
		const problems = checkRubricTranslations(parsed(rubric));
		expect(problems.map((p) => p.path)).toEqual(
			expect.arrayContaining([
				'areas[0].subareas[0].en.guidance',
				'areas[0].subareas[0].questions[2].en.text',
				'areas[1].en.title'
			])
		);
		// Subareas without Swedish guidance or questions need no English.
		expect(problems.some((p) => p.path.startsWith('areas[0].subareas[1]'))).toBe(false);
	});

	it('makes `rubric check` exit 1 for missing English and duplicate question ids', async () => {
		const noEnglish = guided();
		delete noEnglish.areas[0].subareas[0].en;
		const a = await check(noEnglish);
		expect(a.code).toBe(1);
		expect(a.err.join('\n')).toMatch(/areas\[0\]\.subareas\[0\]\.en\.title: subarea "1\.1"/);
		const duplicate = guided();
		duplicate.areas[0].subareas[0].questions[2].id = '1.1.b';
		const b = await check(duplicate);
		expect(b.code).toBe(1);
		expect(b.err.join('\n')).toMatch(/duplicate id "1\.1\.b"/);
	});

	it('keeps guidance, questions, keywords and English outside the immutability hash', () => {
		const plain = load('kommunkompassen-2020');
		const before = rubricHash(plain);
		expect(rubricHash(parsed(guided()))).toBe(before);
		const retitled = guided();
		retitled.areas[0].subareas[0].title = 'Något annat';
		expect(rubricHash(parsed(retitled))).not.toBe(before);
		const remaxed = load('kommunkompassen-2020');
		remaxed.areas[0].subareas[0].maxPoints = 15;
		remaxed.areas[0].subareas[1].maxPoints = 15;
		expect(rubricHash(remaxed)).not.toBe(before);
	});

	it('hashes the shipped rubric files as the databases already store them', () => {
		// Taken from main before guidance and questions were added: a changed hash would make
		// start-up refuse every existing database ("differs from the version stored").
		const stored: Record<string, string> = {
			'kommunkompassen-2010': '5e411233326cdfdea81b9b2b0d677e4046d3c117c383687e1d7fd2b9f7a5c44c',
			'kommunkompassen-2016': '0f5588d3a361f3e1d76bebddaeb3de3f5947275c255c6eee315188211d7b3c30',
			'kommunkompassen-2020': 'b3155a5af7c9bae81b20978c75fc030fcbe5ed5d906e67386d9af66f9786209e'
		};
		for (const [id, hash] of Object.entries(stored))
			expect(rubricHash(parsed(load(id)))).toBe(hash);
	});
});

describe('rubricText', () => {
	const subarea = {
		id: '1.1',
		title: 'Strategi',
		guidance: 'Svensk vägledning.',
		en: { title: 'Strategy' }
	};

	it('gives the Swedish texts in Swedish, without the en block', () => {
		expect(rubricText('sv', subarea)).toEqual({
			id: '1.1',
			title: 'Strategi',
			guidance: 'Svensk vägledning.'
		});
	});

	it('gives the English where there is one and keeps the Swedish where there is none', () => {
		expect(rubricText('en', subarea)).toEqual({
			id: '1.1',
			title: 'Strategy',
			guidance: 'Svensk vägledning.'
		});
		expect(rubricText('en', { id: '1', title: 'Område' })).toEqual({ id: '1', title: 'Område' });
	});

	it('types the result so a question reads as text', () => {
		const q: Rubric['areas'][number]['subareas'][number]['questions'] = [
			{ id: '1.1.a', text: 'Fråga?', en: { text: 'Question?' } }
		];
		expect(rubricText('en', q![0]).text).toBe('Question?');
	});
});

describe('answers once a subarea has questions', () => {
	const rubric = parsed(guided());
	const sub = rubric.areas[0].subareas[0];

	it('asks per question, and shows an earlier answer to the whole subarea first', () => {
		expect(shownAnswerTargets(sub, false).map((x) => x.questionId)).toEqual([
			'1.1.a',
			'1.1.b',
			'1.1.c'
		]);
		expect(shownAnswerTargets(sub, true).map((x) => x.questionId)).toEqual([
			null,
			'1.1.a',
			'1.1.b',
			'1.1.c'
		]);
		// A subarea without questions is answered as a whole anyway.
		expect(shownAnswerTargets({ id: '9.1' }, true)).toHaveLength(1);
	});

	it('takes new answers per question only, but imports a kept whole-subarea answer', () => {
		expect(resolveAnswerTarget(rubric, '1.1')).toBeUndefined();
		expect(resolveStoredAnswerTarget(rubric, '1.1')).toEqual({
			subareaId: '1.1',
			questionId: null
		});
		expect(resolveStoredAnswerTarget(rubric, '1.1.b')).toEqual({
			subareaId: '1.1',
			questionId: '1.1.b'
		});
		expect(resolveStoredAnswerTarget(rubric, '1.1.z')).toBeUndefined();
	});
});

describe('the shipped 2020 rubric', () => {
	const rubric = parsed(load('kommunkompassen-2020'));
	const subareas = rubric.areas.flatMap((a) => a.subareas);
	const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ"])/).length;

	it('says the guidance and questions are the toolkit’s own, in both languages', () => {
		expect(rubric.guidanceNote).toMatch(/verktygets egna/);
		expect(rubric.guidanceNote).toMatch(/inte SKR:s interna frågelista/);
		expect(rubric.en?.guidanceNote).toMatch(/not SKR's internal question list/);
	});

	it.each(subareas.map((s) => [s.id, s] as const))(
		'%s has guidance and at least three questions in Swedish and English',
		(id, s) => {
			expect(s.en?.title).toBeTruthy();
			expect(sentences(s.guidance ?? '')).toBeGreaterThanOrEqual(3);
			expect(sentences(s.guidance ?? '')).toBeLessThanOrEqual(6);
			expect(sentences(s.en?.guidance ?? '')).toBeGreaterThanOrEqual(3);
			// Low, middle and high are told apart in both languages.
			expect(s.guidance).toMatch(/Lågt:.*Mitt:.*Högt:/s);
			expect(s.en?.guidance).toMatch(/Low:.*Middle:.*High:/s);
			expect(s.questions?.length).toBeGreaterThanOrEqual(3);
			for (const q of s.questions ?? []) {
				expect(q.id.startsWith(`${id}.`)).toBe(true);
				expect(q.text.length).toBeGreaterThan(20);
				expect(q.en?.text.length).toBeGreaterThan(20);
			}
		}
	);

	it('has unique question ids, no missing English, and English area titles in every version', () => {
		const ids = subareas.flatMap((s) => (s.questions ?? []).map((q) => q.id));
		expect(new Set(ids).size).toBe(ids.length);
		expect(checkRubricTranslations(rubric)).toEqual([]);
		for (const id of ['kommunkompassen-2010', 'kommunkompassen-2016', 'kommunkompassen-2020']) {
			const r = parsed(load(id));
			expect(r.areas.map((a) => a.en?.title).filter(Boolean)).toHaveLength(8);
		}
	});
});
