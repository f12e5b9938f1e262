/**
 * A strength's or improvement's own language (issue 27, item 4): an item the author marks as
 * English in a Swedish evaluation keeps that language from the editor's save through the draft,
 * the content a publication freezes, the report model, the HTML report, the tagged PDF, the Word
 * file and the team file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import JSZip from 'jszip';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { checkPdfUa } from '../helpers/pdfua-check';
import { createEvaluation, declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { loadDraftFindings } from '../../src/lib/server/scoring/findings';
import { addFindingItem, updateFindingItem } from '../../src/lib/server/scoring/finding-items';
import { loadEvaluationContent } from '../../src/lib/server/published/publishing';
import { loadReportModel } from '../../src/lib/server/report/load';
import { reportDocDefinition } from '../../src/lib/server/report/pdf';
import { renderPdf } from '../../src/lib/server/report/pdfmake';
import { renderReportDocx } from '../../src/lib/server/report/docx';
import { exportEvaluation } from '../../src/lib/server/team-file/export';
import { importEvaluationFile } from '../../src/lib/server/team-file/import';
import { withLocale } from '../../src/lib/server/platform/with-locale';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { listSubareas } from '../../src/lib/domain/rubric';
import ReportView from '../../src/lib/components/ReportView.svelte';
import type { SessionUser } from '../../src/lib/server/auth/types';
import type { ReportModel } from '../../src/lib/domain/report/model';

let t: TestDatabase;
let a: SessionUser;
let id: number;
let english: number;
let swedish: number;
let englishImprovement: number;
beforeAll(async () => {
	t = await createTestDatabase();
	a = await createUser(t.db, { role: 'evaluator' });
	id = await createEvaluation(t.db, systemActor, {
		municipalityCode: '0180',
		year: 2041,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [a.id],
		contactUserId: null,
		visitStart: null,
		visitEnd: null
	});
	await declareNoConflict(t.db, a, id);
	swedish = await addFindingItem(t.db, a, id, 'strength', {
		areaId: '1',
		text: 'Tydlig medborgardialog'
	});
	english = await addFindingItem(t.db, a, id, 'strength', {
		areaId: '1',
		text: 'Citizens are heard early in every budget round',
		lang: 'en'
	});
	await addFindingItem(t.db, a, id, 'improvement', { areaId: '1', text: 'Bättre uppföljning' });
	englishImprovement = await addFindingItem(t.db, a, id, 'improvement', {
		areaId: '1',
		text: 'Follow up the dialogue in writing'
	});
});
afterAll(async () => {
	await t?.close();
});

const langOf = async (table: 'strength' | 'improvement', rowId: number) =>
	(await t.db.selectFrom(table).select('lang').where('id', '=', rowId).executeTakeFirstOrThrow())
		.lang;

describe("a finding item's own language", () => {
	it('is saved with the item, kept when an update does not say, and cleared back to the evaluation’s', async () => {
		// The editor's save: the select sends the language with the text.
		await updateFindingItem(
			t.db,
			a,
			id,
			'improvement',
			englishImprovement,
			{ text: 'Follow up the dialogue in writing', lang: 'en' },
			1
		);
		expect(await langOf('improvement', englishImprovement)).toBe('en');
		// A form without the select (a recommendation's, an older page) leaves it as it is.
		await updateFindingItem(
			t.db,
			a,
			id,
			'improvement',
			englishImprovement,
			{ text: 'Follow up the dialogue in writing.' },
			2
		);
		expect(await langOf('improvement', englishImprovement)).toBe('en');
		// "The evaluation's language" is null again.
		await updateFindingItem(
			t.db,
			a,
			id,
			'strength',
			swedish,
			{ text: 'Tydlig medborgardialog', lang: null },
			1
		);
		expect(await langOf('strength', swedish)).toBeNull();
		const draft = await loadDraftFindings(t.db, id);
		expect(draft.strengths.map((s) => s.lang)).toEqual([null, 'en']);
		expect(draft.improvements.map((s) => s.lang)).toEqual([null, 'en']);
	});

	it('is refused by the database when it is not a language tag', async () => {
		await expect(
			t.db.updateTable('strength').set({ lang: 'English!' }).where('id', '=', english).execute()
		).rejects.toThrow();
		expect(await langOf('strength', english)).toBe('en');
	});

	it('is in the content a publication freezes, only where the item has its own', async () => {
		const content = await loadEvaluationContent(t.db, id);
		expect(content.areas['1'].strengths).toEqual([
			{ text: 'Tydlig medborgardialog', goldStar: false },
			{ text: 'Citizens are heard early in every budget round', goldStar: false, lang: 'en' }
		]);
		expect(content.areas['1'].improvements.map((i) => i.lang)).toEqual([undefined, 'en']);
	});

	describe('in the report of the Swedish evaluation', () => {
		let model: ReportModel;
		beforeAll(async () => {
			model = (await loadReportModel(t.db, id, 'sv')).model;
		});

		it('the model gives the English strength and improvement lang en, the others the evaluation’s', () => {
			expect(model.textLang).toBe('sv');
			const area = model.areas.find((x) => x.id === '1')!;
			expect(area.strengths.map((s) => s.lang)).toEqual(['sv', 'en']);
			expect(area.improvements).toEqual([
				{ text: 'Bättre uppföljning', lang: 'sv' },
				{ text: 'Follow up the dialogue in writing.', lang: 'en' }
			]);
		});

		it('the HTML report marks them lang="en"', () => {
			const html = withLocale(
				'sv',
				() => render(ReportView, { props: { report: model, pdfHref: '#' } }).body
			);
			expect(html).toMatch(
				/<span data-authored="" lang="en">Citizens are heard early in every budget round<\/span>/
			);
			expect(html).toMatch(/<span data-authored="" lang="sv">Tydlig medborgardialog<\/span>/);
			expect(html).toMatch(
				/<li data-authored="" lang="en">Follow up the dialogue in writing\.<\/li>/
			);
			expect(html).toMatch(/<li data-authored="" lang="sv">Bättre uppföljning<\/li>/);
		});

		it(
			'the tagged PDF marks them en-GB and the Swedish ones not at all',
			{ timeout: 300_000 },
			async () => {
				const pdf = await renderPdf(reportDocDefinition(model));
				const report = await checkPdfUa(new Uint8Array(pdf), { lang: 'sv-SE', partLang: 'en-GB' });
				expect(report.failures).toEqual([]);
				const tree = report.outline.join('\n');
				expect(tree).toMatch(/\[en-GB\] "Citizens are heard early/);
				expect(tree).toMatch(/\[en-GB\] "Follow up the dialogue/);
				expect(tree).not.toMatch(/\[en-GB\] "Tydlig medborgardialog/);
				expect(tree).not.toMatch(/\[en-GB\] "Bättre uppföljning/);
			}
		);

		it('the Word file gives their runs w:lang en-GB', async () => {
			const zip = await JSZip.loadAsync(Buffer.from(await renderReportDocx(model)));
			const xml = (await zip.file('word/document.xml')!.async('string')).replace(/\s+/g, ' ');
			const run = (text: string) =>
				new RegExp(`<w:r>(?:(?!</w:r>).)*<w:lang w:val="en-GB"/>(?:(?!</w:r>).)*${text}`);
			expect(xml).toMatch(run('Citizens are heard early'));
			expect(xml).toMatch(run('Follow up the dialogue'));
			expect(xml).not.toMatch(run('Tydlig medborgardialog'));
			expect(xml).not.toMatch(run('Bättre uppföljning'));
		});

		it('texts without their own language take the evaluation’s, not Swedish (PDF and Word)', async () => {
			const written = {
				...model,
				textLang: 'en',
				summary: 'The team wrote this summary in English.'
			};
			const pdf = await renderPdf(reportDocDefinition(written));
			const tree = (
				await checkPdfUa(new Uint8Array(pdf), { lang: 'sv-SE', partLang: 'en-GB' })
			).outline.join('\n');
			expect(tree).toMatch(/\[en-GB\] "The team wrote this summary/);
			const zip = await JSZip.loadAsync(Buffer.from(await renderReportDocx(written)));
			const xml = (await zip.file('word/document.xml')!.async('string')).replace(/\s+/g, ' ');
			expect(xml).toMatch(
				/<w:r>(?:(?!<\/w:r>).)*<w:lang w:val="en-GB"\/>(?:(?!<\/w:r>).)*The team wrote this summary/
			);
		}, 300_000);
	});

	it('travels in the team file and is restored by its import', async () => {
		// A team file is importable once every subarea has its agreed score.
		const rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
		await t.db
			.insertInto('agreed_score')
			.values(
				listSubareas(rubric).map((s) => ({
					evaluation_id: id,
					subarea_id: s.id,
					points: 0,
					justification: 'Inget underlag'
				}))
			)
			.execute();
		const file = await exportEvaluation(t.db, id, {
			includeInterviewNotes: false,
			sheets: { all: false, ownerId: null }
		});
		expect(file.content.areas['1'].strengths[1]).toMatchObject({ lang: 'en' });
		const copy = JSON.parse(JSON.stringify(file));
		copy.content.year = 2042;
		copy.published.year = 2042;
		const outcome = await importEvaluationFile(t.db, systemActor, copy);
		expect(outcome.ok ? [] : outcome.problems).toEqual([]);
		const imported = (outcome as { evaluationId: number }).evaluationId;
		const draft = await loadDraftFindings(t.db, imported);
		expect(draft.strengths.map((s) => [s.text, s.lang])).toEqual([
			['Tydlig medborgardialog', null],
			['Citizens are heard early in every budget round', 'en']
		]);
		expect(draft.improvements.map((s) => s.lang)).toEqual([null, 'en']);
	});

	it('a team file with a language the toolkit does not know is refused, nothing written', async () => {
		const file = await exportEvaluation(t.db, id, {
			includeInterviewNotes: false,
			sheets: { all: false, ownerId: null }
		});
		const copy = JSON.parse(JSON.stringify(file));
		copy.content.year = 2043;
		copy.published.year = 2043;
		copy.content.areas['1'].strengths[1].lang = 'klingon';
		const outcome = await importEvaluationFile(t.db, systemActor, copy);
		expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual([
			'content.areas.1.strengths.1.lang'
		]);
		expect(
			await t.db
				.selectFrom('evaluation')
				.select('id')
				.where('municipality_code', '=', '0180')
				.where('year', '=', 2043)
				.execute()
		).toEqual([]);
	});
});
