/**
 * The score form in a real browser: typed with the keyboard, saved by autosave through SvelteKit's
 * `use:enhance`, with only the form action's answer (the network) stood in by `fakeAction`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import ScoreForm from '$lib/components/ScoreForm.svelte';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { fakeAction, type ActionAnswer, type Post } from './fake-action';

const props = {
	action: '?/save',
	subareaId: '2.3',
	max: 4,
	points: null,
	justification: '',
	version: 3,
	label: 'Min poäng'
};

/** What the posted form holds, as the action reads it. */
const fields = (post: Post) => Object.fromEntries(post.form);

/**
 * The save action's answers (src/lib/server/actions/scoring.ts): a new version, or points out of
 * range refused at the field in the language of the user's cookie, the values echoed as typed.
 */
function scoringAction(max: number) {
	let version = props.version;
	return ({ form }: Post): ActionAnswer => {
		const raw = form.get('points') ?? '';
		const points = Number(raw);
		const values = { points: raw, justification: form.get('justification') ?? '' };
		if (raw !== '' && (!Number.isInteger(points) || points < 0 || points > max)) {
			const message = m['ws.errors.pointsRange']({ max }, { locale: getLocale() });
			return {
				type: 'failure',
				status: 400,
				data: { subareaId: form.get('subareaId'), values, errors: { points: message } }
			};
		}
		version += 1;
		return { type: 'success', data: { subareaId: form.get('subareaId'), saved: true, version } };
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
	vi.restoreAllMocks();
	document.cookie = 'lang=; path=/; max-age=0';
});

describe('ScoreForm', () => {
	it('saves what was typed once the typing pauses, on the version the last save returned', async () => {
		const answer = scoringAction(4);
		const postedAt: number[] = [];
		const posts = fakeAction((post) => {
			postedAt.push(performance.now());
			return answer(post);
		});
		let lastInput = 0;
		const onInput = () => (lastInput = performance.now());
		document.addEventListener('input', onInput);
		render(ScoreForm, props);
		const points = page.getByRole('textbox', { name: 'Poäng (0–4)' });
		const justification = page.getByRole('textbox', { name: 'Motivering' });
		const status = page.getByRole('status');

		await userEvent.click(points);
		await userEvent.keyboard('3');
		await expect.element(status).toHaveTextContent('Inte sparat ännu');
		// Typing on within the pause (1 s) moves the save on; it then goes once, with everything.
		await sleep(600);
		await userEvent.keyboard('{Tab}Underlag finns');
		await expect.element(justification).toHaveFocus();
		await expect.poll(() => posts.length, { timeout: 3000 }).toBe(1);
		expect(postedAt[0] - lastInput).toBeGreaterThanOrEqual(950);
		expect(fields(posts[0])).toEqual({
			subareaId: '2.3',
			version: '3',
			points: '3',
			justification: 'Underlag finns'
		});
		expect(posts[0].url.search).toBe('?/save');
		await expect.element(status).toHaveTextContent('Sparat');

		// The next save is based on the version the first one returned.
		await userEvent.keyboard('.');
		await expect.poll(() => posts.length, { timeout: 3000 }).toBe(2);
		expect(fields(posts[1])).toMatchObject({ version: '4', justification: 'Underlag finns.' });
		await expect.element(points).toHaveValue('3');
		document.removeEventListener('input', onInput);
	});

	it('shows points out of range at the field, in Swedish, and keeps them until corrected', async () => {
		const posts = fakeAction(scoringAction(4));
		render(ScoreForm, props);
		const points = page.getByRole('textbox', { name: 'Poäng (0–4)' });

		await userEvent.type(points, '7');
		const message = 'Ange ett heltal 0–4.';
		await expect.element(points, { timeout: 3000 }).toHaveAttribute('aria-invalid', 'true');
		await expect.element(points).toHaveAccessibleDescription(message);
		await expect.element(page.getByText(message)).toBeVisible();
		await expect.element(points).toHaveValue('7');
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('Inte sparat: rätta det markerade fältet. Din text finns kvar.');
		expect(fields(posts[0])).toMatchObject({ points: '7' });

		// Corrected, saved: the field is valid again and the message gone.
		await userEvent.keyboard('{Backspace}4');
		await expect.element(page.getByRole('status'), { timeout: 3000 }).toHaveTextContent('Sparat');
		await expect.element(points).not.toHaveAttribute('aria-invalid');
		await expect.element(points).not.toHaveAttribute('aria-describedby');
		await expect.element(page.getByText(message)).not.toBeInTheDocument();
		expect(fields(posts[1])).toMatchObject({ points: '4', version: '3' });
	});

	it('speaks English with the language chosen', async () => {
		document.cookie = 'lang=en; path=/';
		fakeAction(scoringAction(4));
		render(ScoreForm, props);
		const points = page.getByRole('textbox', { name: 'Points (0–4)' });
		await expect.element(page.getByRole('textbox', { name: 'Justification' })).toBeVisible();

		await userEvent.type(points, '9');
		await expect
			.element(points, { timeout: 3000 })
			.toHaveAccessibleDescription('Enter a whole number 0–4.');
		await expect.element(points).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(page.getByRole('status'))
			.toHaveTextContent('Not saved: correct the marked field. Your text is still here.');
		await expect.element(page.getByRole('button', { name: 'Save' })).toBeVisible();
	});

	it('puts a refusal at its field and keeps what was typed, focus included', async () => {
		const posts = fakeAction(() => ({
			type: 'failure',
			status: 400,
			data: {
				subareaId: '2.3',
				// The action echoes the values; the form must not take them over the user's own.
				values: { points: '', justification: '' },
				errors: { justification: m['errors.tooLong']({ max: 10 }) }
			}
		}));
		render(ScoreForm, { ...props, points: 1, justification: 'Tidigare' });
		const points = page.getByRole('textbox', { name: 'Poäng (0–4)' });
		const justification = page.getByRole('textbox', { name: 'Motivering' });

		await userEvent.click(points);
		await userEvent.keyboard('{Backspace}2{Tab}');
		await userEvent.keyboard('{End} och mer');
		await expect.poll(() => posts.length, { timeout: 3000 }).toBe(1);
		await expect
			.element(justification)
			.toHaveAccessibleDescription('Texten är för lång (högst 10 tecken)');
		await expect.element(justification).toHaveAttribute('aria-invalid', 'true');
		await expect.element(points).not.toHaveAttribute('aria-invalid');
		await expect.element(justification).toHaveValue('Tidigare och mer');
		await expect.element(points).toHaveValue('2');
		await expect.element(justification).toHaveFocus();
	});

	it('shows the stale notice, pauses autosave, and saves over it only when asked', async () => {
		const answers: ActionAnswer[] = [
			{
				type: 'failure',
				status: 409,
				data: {
					subareaId: '2.3',
					stale: { current: { points: 2, justification: 'Deras text', row_version: 7 } },
					errors: { _form: m['ws.stale.title']() }
				}
			},
			{ type: 'success', data: { subareaId: '2.3', saved: true, version: 8 } }
		];
		const posts = fakeAction(() => answers.shift() as ActionAnswer);
		render(ScoreForm, props);
		const points = page.getByRole('textbox', { name: 'Poäng (0–4)' });

		await userEvent.type(points, '3');
		await userEvent.keyboard('{Tab}Min text');
		const notice = page.getByRole('alert');
		await expect
			.element(notice, { timeout: 3000 })
			.toHaveTextContent('Någon annan har sparat under tiden');
		await expect.element(notice.getByRole('blockquote').first()).toHaveTextContent('2: Deras text');
		await expect.element(notice.getByRole('blockquote').last()).toHaveTextContent('3: Min text');

		// Typing on does not save over the other person's text by itself.
		await userEvent.keyboard('!');
		await sleep(1500);
		expect(posts).toHaveLength(1);
		await expect.element(notice.getByRole('blockquote').last()).toHaveTextContent('3: Min text!');

		// The save button does, on the version the user has now seen.
		await userEvent.click(page.getByRole('button', { name: 'Spara' }));
		await expect.poll(() => posts.length).toBe(2);
		expect(fields(posts[1])).toMatchObject({
			version: '7',
			points: '3',
			justification: 'Min text!'
		});
		await expect.element(page.getByRole('status')).toHaveTextContent('Sparat');
		await expect.element(notice).not.toBeInTheDocument();
	});
});
