import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { loadDraftFindings, saveFindingText } from '../../src/lib/server/scoring/findings';
import { addFindingItem, moveFindingItem } from '../../src/lib/server/scoring/finding-items';
import { loadReportModel } from '../../src/lib/server/report/load';
import { reportDocDefinition } from '../../src/lib/server/report/pdf';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
let a: SessionUser;
beforeAll(async () => {
	t = await createTestDatabase();
	a = await createUser(t.db, { role: 'evaluator' });
});
afterAll(async () => {
	await t?.close();
});

let year = 2040;
async function newEvaluation() {
	const id = await createTestEvaluation(t.db, {
		municipalityCode: '0180',
		year: year++,
		teamUserIds: [a.id]
	});
	await declareNoConflict(t.db, a, id);
	return id;
}

const texts = (items: { text: string; areaId?: string }[], areaId?: string) =>
	items.filter((i) => !areaId || i.areaId === areaId).map((i) => i.text);

describe('reordering strengths, improvements and recommendations', () => {
	it('moves an item one place within its own list, and not past either end', async () => {
		const id = await newEvaluation();
		const ids: number[] = [];
		for (const text of ['Ett', 'Två', 'Tre'])
			ids.push(await addFindingItem(t.db, a, id, 'strength', { areaId: '1', text }));
		const other = await addFindingItem(t.db, a, id, 'strength', { areaId: '2', text: 'Annat' });

		expect(await moveFindingItem(t.db, a, id, 'strength', ids[2], 'up')).toBe(true);
		expect(texts((await loadDraftFindings(t.db, id)).strengths, '1')).toEqual([
			'Ett',
			'Tre',
			'Två'
		]);
		expect(await moveFindingItem(t.db, a, id, 'strength', ids[2], 'up')).toBe(true);
		expect(await moveFindingItem(t.db, a, id, 'strength', ids[2], 'up')).toBe(false);
		expect(await moveFindingItem(t.db, a, id, 'strength', other, 'down')).toBe(false);
		expect(await moveFindingItem(t.db, a, id, 'strength', ids[0], 'down')).toBe(true);
		const after = await loadDraftFindings(t.db, id);
		expect(texts(after.strengths, '1')).toEqual(['Tre', 'Två', 'Ett']);
		expect(texts(after.strengths, '2')).toEqual(['Annat']);
		// A move changes the place, not the text: an autosave of the item is not made stale.
		expect(new Set(after.strengths.map((s) => s.rowVersion))).toEqual(new Set([1]));
		// A new item goes last, after the moved ones.
		await addFindingItem(t.db, a, id, 'strength', { areaId: '1', text: 'Fyra' });
		expect(texts((await loadDraftFindings(t.db, id)).strengths, '1')).toEqual([
			'Tre',
			'Två',
			'Ett',
			'Fyra'
		]);
	});

	it('records each move in the history, with the place before and after', async () => {
		const id = await newEvaluation();
		await addFindingItem(t.db, a, id, 'recommendation', { text: 'Först' });
		const second = await addFindingItem(t.db, a, id, 'recommendation', { text: 'Sedan' });
		await moveFindingItem(t.db, a, id, 'recommendation', second, 'up');
		const entry = await t.db
			.selectFrom('audit_log')
			.select(['entity', 'entity_id', 'action', 'before', 'after', 'actor_id'])
			.where('evaluation_id', '=', id)
			.where('action', '=', 'move')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({
			entity: 'recommendation',
			entity_id: String(second),
			actor_id: a.id,
			before: { place: 2 },
			after: { place: 1 }
		});
	});

	it('refuses an item of another evaluation as not found, and changes nothing', async () => {
		const id = await newEvaluation();
		const foreignEvaluation = await newEvaluation();
		const foreign = await addFindingItem(t.db, a, foreignEvaluation, 'improvement', {
			areaId: '3',
			text: 'Annans'
		});
		await expect(moveFindingItem(t.db, a, id, 'improvement', foreign, 'up')).rejects.toMatchObject({
			message: 'errors.notFound',
			status: 404
		});
	});

	it('orders imported items that share one position, and keeps two moves at once consistent', async () => {
		const id = await newEvaluation();
		const rows = await t.db
			.insertInto('improvement')
			.values(
				['A', 'B', 'C', 'D'].map((text) => ({ evaluation_id: id, area_id: '4', text, position: 0 }))
			)
			.returning('id')
			.execute();
		const [, b, c, d] = rows.map((r) => r.id);
		await moveFindingItem(t.db, a, id, 'improvement', c, 'up');
		expect(texts((await loadDraftFindings(t.db, id)).improvements)).toEqual(['A', 'C', 'B', 'D']);
		await Promise.all([
			moveFindingItem(t.db, a, id, 'improvement', d, 'up'),
			moveFindingItem(t.db, a, id, 'improvement', b, 'up')
		]);
		const positions = await t.db
			.selectFrom('improvement')
			.select('position')
			.where('evaluation_id', '=', id)
			.orderBy('position')
			.execute();
		expect(positions.map((p) => p.position)).toEqual([0, 1, 2, 3]);
		expect(new Set(texts((await loadDraftFindings(t.db, id)).improvements))).toEqual(
			new Set(['A', 'B', 'C', 'D'])
		);
	});

	it('the report shows the lists in the order the evaluators gave them', async () => {
		const id = await newEvaluation();
		await addFindingItem(t.db, a, id, 'strength', { areaId: '1', text: 'Första styrkan' });
		const later = await addFindingItem(t.db, a, id, 'strength', {
			areaId: '1',
			text: 'Andra styrkan',
			goldStar: true
		});
		await addFindingItem(t.db, a, id, 'recommendation', { text: 'Rek 1' });
		const rek2 = await addFindingItem(t.db, a, id, 'recommendation', { text: 'Rek 2' });
		await moveFindingItem(t.db, a, id, 'strength', later, 'up');
		await moveFindingItem(t.db, a, id, 'recommendation', rek2, 'up');
		const { model } = await loadReportModel(t.db, id);
		expect(model.areas[0].strengths).toEqual([
			{ text: 'Andra styrkan', goldStar: true, lang: 'sv' },
			{ text: 'Första styrkan', goldStar: false, lang: 'sv' }
		]);
		expect(model.recommendations).toEqual(['Rek 2', 'Rek 1']);
	});
});

describe('narratives with paragraphs and bullet lists in the PDF', () => {
	it('turns a bullet list in a narrative into a pdfmake ul, and **bold** into a bold run', async () => {
		const id = await newEvaluation();
		await saveFindingText(
			t.db,
			a,
			id,
			{ kind: 'narrative', subareaId: '1.1' },
			'Kommunen har **tre** principer:\n\n- delaktighet\n- förståelse\n- <b>inflytande</b>\n\nSlut.',
			0
		);
		const { summary } = await loadDraftFindings(t.db, id);
		await saveFindingText(
			t.db,
			a,
			id,
			{ kind: 'summary' },
			'* Sammanfattad punkt',
			summary.rowVersion
		);
		const { model } = await loadReportModel(t.db, id);
		const content = reportDocDefinition(model).content as Record<string, unknown>[];
		const heading = content.findIndex(
			(n) => typeof n.text === 'string' && n.text.startsWith('1.1 ')
		);
		expect(content.slice(heading + 1, heading + 4)).toEqual([
			{
				text: ['Kommunen har ', { text: 'tre', bold: true }, ' principer:'],
				style: 'body',
				tag: 'P'
			},
			{
				ul: [{ text: ['delaktighet'] }, { text: ['förståelse'] }, { text: ['<b>inflytande</b>'] }],
				style: 'body',
				tag: 'L'
			},
			{ text: ['Slut.'], style: 'body', tag: 'P' }
		]);
		expect(content).toContainEqual(
			expect.objectContaining({ ul: [{ text: ['Sammanfattad punkt'] }], style: 'body' })
		);
	});
});
