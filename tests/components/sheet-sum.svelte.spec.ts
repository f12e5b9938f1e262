/**
 * The blind sheet's sums in a real browser (the /poang page as it renders): a refused value (25
 * where the maximum is 20) counts neither in "Totalt" nor in its area, and its message names the
 * range; arrow keys leave a score alone. Only the action's answer is stood in by `fakeAction`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import SheetPage from '../../src/routes/utvarderingar/[id]/poang/+page.svelte';
import { m } from '$lib/paraglide/messages.js';
import { fakeAction, type Post } from './fake-action';

const areas = [
	{
		id: '1',
		title: 'Område ett',
		maxPoints: 30,
		subareas: [
			{ id: '1.1', title: 'Första', maxPoints: 20 },
			{ id: '1.2', title: 'Andra', maxPoints: 10 }
		]
	},
	{
		id: '2',
		title: 'Område två',
		maxPoints: 10,
		subareas: [{ id: '2.1', title: 'Tredje', maxPoints: 10 }]
	}
];
const score = (points: number, justification = '') => ({
	subareaId: '',
	points,
	justification,
	rowVersion: 1
});

function data() {
	return {
		evaluation: { id: 7, municipalityName: 'Solna', year: 2026 },
		can: { 'sheet.edit': true },
		areas,
		guidance: {
			'1.1': { guidance: 'Skala: 0 saknas, 20 fullt ut.', questions: ['Finns en strategi?'] },
			'1.2': { guidance: null, questions: [] },
			'2.1': { guidance: null, questions: [] }
		},
		sheet: {
			id: 1,
			submittedAt: null,
			scores: { '1.2': score(6, 'Motiverat'), '2.1': score(4) }
		},
		evidenceCounts: {},
		previous: null
	};
}

/** The save action: a score outside 0–max is refused at its field, as the server does. */
function answer({ form }: Post) {
	const raw = form.get('points') ?? '';
	const max = form.get('subareaId') === '1.1' ? 20 : 10;
	if (raw !== '' && !(/^\d+$/.test(raw) && Number(raw) <= max))
		return {
			type: 'failure' as const,
			status: 400,
			data: {
				subareaId: form.get('subareaId'),
				values: { points: raw, justification: form.get('justification') ?? '' },
				errors: { points: m['ws.errors.pointsRange']({ max }) }
			}
		};
	return {
		type: 'success' as const,
		data: { subareaId: form.get('subareaId'), saved: true, version: 2 }
	};
}

afterEach(() => vi.restoreAllMocks());

describe('the sheet’s sums', () => {
	it('leave out a refused value and name the range in its message', async () => {
		fakeAction(answer);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's data, as loaded
		render(SheetPage, { data: data() as any, form: null, params: { id: '7' } } as any);
		await expect.element(page.getByText('Totalt 10 av 40 poäng')).toBeVisible();
		const points = page.getByRole('textbox', { name: 'Poäng (0–20), 1.1 Första' });
		await userEvent.click(points);
		await userEvent.keyboard('25');
		// Typed but refused: 25 is in no sum, neither the total nor area 1's.
		await expect.element(page.getByText('Totalt 10 av 40 poäng')).toBeVisible();
		await expect.element(page.getByText('6 av 30')).toBeVisible();
		await expect.element(page.getByText('Ange ett heltal 0–20.'), { timeout: 4000 }).toBeVisible();
		// Corrected: now it counts.
		await userEvent.keyboard('{Backspace}{Backspace}15');
		await expect.element(page.getByText('Totalt 25 av 40 poäng')).toBeVisible();
		await expect.element(page.getByText('21 av 30')).toBeVisible();
	});

	it('is not changed by an arrow key in a points field', async () => {
		const posts = fakeAction(answer);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's data, as loaded
		render(SheetPage, { data: data() as any, form: null, params: { id: '7' } } as any);
		const points = page.getByRole('textbox', { name: 'Poäng (0–10), 1.2 Andra' });
		await userEvent.click(points);
		await userEvent.keyboard('{ArrowUp}{ArrowUp}{ArrowDown}{ArrowUp}');
		await expect.element(points).toHaveValue('6');
		await new Promise((r) => setTimeout(r, 1500));
		expect(posts).toHaveLength(0);
		await expect.element(page.getByText('Totalt 10 av 40 poäng')).toBeVisible();
	});

	it('shows column headers and the guidance on demand', async () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's data, as loaded
		render(SheetPage, { data: data() as any, form: null, params: { id: '7' } } as any);
		await expect.element(page.getByText('Motivering', { exact: true }).first()).toBeVisible();
		await expect.element(page.getByText('Skala: 0 saknas, 20 fullt ut.')).not.toBeVisible();
		await userEvent.click(page.getByText('Vägledning och skala'));
		await expect.element(page.getByText('Skala: 0 saknas, 20 fullt ut.')).toBeVisible();
	});
});
