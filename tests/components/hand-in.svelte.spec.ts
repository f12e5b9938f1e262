/**
 * Handing in a sheet asks in the page first: the confirmation lists the subareas without a
 * justification (calibration will need one), nothing is posted until "Ja, lämna in", and the
 * receipt then shows where the user is, with focus on it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import HandIn from '$lib/components/workspace/HandIn.svelte';
import { fakeAction } from './fake-action';

const rows = (ids: string[]) => ids.map((id) => ({ id, title: `Delområde ${id}` }));
const rowHref = (id: string) => `#justification-${id.replace('.', '_')}`;

afterEach(() => vi.restoreAllMocks());

describe('HandIn', () => {
	it('lists the rows without a justification and posts only when confirmed', async () => {
		// The post is held (never answered): what the page does with the answer is SvelteKit's
		// update(), which needs a booted app; here only what is posted, and when, matters.
		const posts: URLSearchParams[] = [];
		const urls: string[] = [];
		vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
			urls.push(String(input instanceof Request ? input.url : input));
			posts.push(new URLSearchParams(init?.body as URLSearchParams));
			return new Promise<Response>(() => {});
		});
		render(HandIn, { unscored: [], unjustified: rows(['1.1', '2.3', '4.2']), rowHref });
		await userEvent.click(page.getByRole('button', { name: 'Lämna in mitt poängblad' }));
		const heading = page.getByRole('heading', { name: 'Lämna in poängbladet?' });
		await expect.element(heading).toHaveFocus();
		await expect.element(page.getByText('3 delområden saknar motivering:')).toBeVisible();
		await expect
			.element(page.getByRole('link', { name: '2.3 Delområde 2.3' }))
			.toHaveAttribute('href', '#justification-2_3');
		await expect
			.element(page.getByText(/Vid kalibreringen måste varje överenskommen poäng/))
			.toBeVisible();
		expect(posts).toHaveLength(0);

		await userEvent.click(page.getByRole('button', { name: 'Ja, lämna in' }));
		await expect.poll(() => posts.length).toBe(1);
		expect(urls[0]).toMatch(/\?\/submit$/);
		expect(posts[0].get('confirmed')).toBe('1');
	});

	it('goes back without posting, and says when every row is justified', async () => {
		const posts = fakeAction(() => ({ type: 'success', data: { submitted: true } }));
		render(HandIn, { unscored: [], unjustified: [], rowHref });
		await userEvent.click(page.getByRole('button', { name: 'Lämna in mitt poängblad' }));
		await expect.element(page.getByText('Alla delområden har en motivering.')).toBeVisible();
		await userEvent.click(page.getByRole('button', { name: 'Avbryt och fortsätt' }));
		await expect
			.element(page.getByRole('button', { name: 'Lämna in mitt poängblad' }))
			.toBeVisible();
		expect(posts).toHaveLength(0);
	});

	it('names the unscored rows and offers no hand-in while they lack points', async () => {
		render(HandIn, { unscored: rows(['3.1']), unjustified: [], rowHref });
		await userEvent.click(page.getByRole('button', { name: 'Lämna in mitt poängblad' }));
		await expect.element(page.getByRole('alert')).toHaveTextContent(/1 delområde saknar poäng/);
		await expect
			.element(page.getByRole('button', { name: 'Ja, lämna in' }))
			.not.toBeInTheDocument();
	});

	it('shows the receipt in its place', async () => {
		render(HandIn, {
			unscored: [],
			unjustified: [],
			rowHref,
			receipt: 'Ditt poängblad är inlämnat 2026-12-06 21:05.'
		});
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('Ditt poängblad är inlämnat 2026-12-06 21:05.');
	});
});
