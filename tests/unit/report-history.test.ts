import { describe, expect, it } from 'vitest';
import { evaluationPlace, historySentence } from '../../src/lib/domain/report/history';

const karlskoga2014 = { year: 2014, rubricId: 'kommunkompassen-2010', rubricYear: 2010 };
const karlskoga2022 = { year: 2022, rubricId: 'kommunkompassen-2020', rubricYear: 2020 };

describe('the history sentence of a report', () => {
	it('calls an evaluation the first only when nothing was published before it', () => {
		expect(historySentence('sv', [karlskoga2022], karlskoga2022)).toBe(
			'Det här är kommunens första utvärdering enligt Kommunkompassen.'
		);
	});

	it('names the previous evaluation and its version', () => {
		expect(historySentence('sv', [karlskoga2014, karlskoga2022], karlskoga2022)).toBe(
			'Det här är kommunens andra utvärdering enligt Kommunkompassen; den förra gjordes 2014 enligt 2010 års version.'
		);
	});

	it('counts every earlier evaluation and ignores later ones', () => {
		const history = [
			{ year: 2011, rubricId: 'kommunkompassen-2010', rubricYear: 2010 },
			karlskoga2014,
			karlskoga2022,
			{ year: 2026, rubricId: 'kommunkompassen-2020', rubricYear: 2020 }
		];
		expect(evaluationPlace(history, karlskoga2022)).toEqual({
			ordinal: 3,
			previous: karlskoga2014
		});
		expect(historySentence('sv', history, karlskoga2022)).toBe(
			'Det här är kommunens tredje utvärdering enligt Kommunkompassen; den förra gjordes 2014 enligt 2010 års version.'
		);
		expect(
			historySentence('sv', history, { year: 2026, rubricId: 'kommunkompassen-2020' })
		).toContain(
			'fjärde utvärdering enligt Kommunkompassen; den förra gjordes 2022 enligt samma version'
		);
	});

	it('is written in English too', () => {
		expect(historySentence('en', [karlskoga2014, karlskoga2022], karlskoga2022)).toBe(
			'This is the municipality’s second evaluation with Kommunkompassen; the previous one was made in 2014 on the 2010 version.'
		);
	});
});
