import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { statePath, type E2eState, type TestAccount } from './accounts';

export const port = Number(process.env.E2E_PORT ?? 4173);
export const origin = `http://localhost:${port}`;

export function state(): E2eState {
	return JSON.parse(readFileSync(statePath(port), 'utf8'));
}

export async function signIn(page: Page, account: TestAccount) {
	// Fill only once the page is live: hydration could otherwise reset a field typed before it.
	// (A test with JavaScript off never hydrates: it goes on after the wait.)
	await page.goto('/logga-in');
	await page
		.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, {
			timeout: 5_000
		})
		.catch(() => undefined);
	await page.getByLabel('E-postadress').fill(account.email);
	await page.getByLabel('Lösenord').fill(account.password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
}

/** Signs in over plain HTTP (the form posts email and password to /logga-in). */
export async function signInRequest(request: APIRequestContext, account: TestAccount) {
	const response = await request.post('/logga-in', {
		form: { email: account.email, password: account.password },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

/** Goes to a page and waits until it is hydrated (bound fields work, autosave is live). */
export async function gotoLive(page: Page, path: string) {
	await page.goto(path);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}
