/**
 * The extraction queue's claim: any number of app servers take each waiting document once, a
 * claim left by a crashed server is retried after the timeout, and a server whose claim was
 * taken over does not store its result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { addDocument } from '../../src/lib/server/documents/documents';
import {
	claimant,
	extractStoredDocument,
	maxExtractionAttempts
} from '../../src/lib/server/jobs/extraction';
import { claimDocument } from '../../src/lib/server/documents/extraction-queue';
import { systemActor } from '../../src/lib/server/accounts/audit';

let t: TestDatabase;
let evaluationId: number;
beforeAll(async () => {
	t = await createTestDatabase();
	evaluationId = await createTestEvaluation(t.db, {
		municipalityCode: '0180'
	});
});
afterAll(async () => {
	await t?.close();
});

const add = (text: string) =>
	addDocument(t.db, systemActor, evaluationId, {
		fileName: `${text}.txt`,
		bytes: new TextEncoder().encode(`${text}\n\nStyrning och ledning.`)
	});
const row = (id: number) =>
	t.db
		.selectFrom('source_document')
		.select(['status', 'claimed_by', 'extraction_attempts', 'page_count'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
const ageClaim = (id: number, seconds: number) =>
	sql`UPDATE source_document SET claimed_at = now() - make_interval(secs => ${seconds})
		WHERE id = ${id}`.execute(t.db);

describe('extraction queue', () => {
	it('gives each waiting document to exactly one of several servers claiming at once', async () => {
		const ids = [];
		for (let i = 0; i < 12; i++) ids.push(await add(`dokument-${i}`));
		const claimed = new Map<string, number[]>();
		const server = async (name: string) => {
			claimed.set(name, []);
			for (;;) {
				const claim = await claimDocument(t.db, { by: name });
				if (!claim) return;
				claimed.get(name)!.push(claim.id);
			}
		};
		await Promise.all(['a', 'b', 'c', 'd'].map(server));
		const all = [...claimed.values()].flat().sort((x, y) => x - y);
		expect(all).toEqual(ids);
		for (const id of ids) expect((await row(id)).extraction_attempts).toBe(1);
		// Nothing is offered while the claims are fresh.
		expect(await claimDocument(t.db, { by: 'e' })).toBeUndefined();
		await t.db.deleteFrom('document_page').execute();
		await t.db
			.deleteFrom('source_document')
			.execute()
			.catch(() => {});
		await t.db
			.updateTable('source_document')
			.set({ status: 'fel' })
			.where('status', '=', 'bearbetas')
			.execute();
	});

	it('retries a claim older than the timeout, and only the current claimant stores the text', async () => {
		const id = await add('övergiven');
		expect(await claimDocument(t.db, { documentId: id, by: 'crashed-server' })).toEqual({
			id,
			attempts: 1
		});
		// A fresh claim by another server: this process leaves the document alone.
		await extractStoredDocument(t.db, id);
		expect(await row(id)).toMatchObject({ status: 'bearbetas', claimed_by: 'crashed-server' });

		// Past the timeout the claim is taken over, and this process extracts it.
		await ageClaim(id, 3600);
		await extractStoredDocument(t.db, id);
		expect(await row(id)).toMatchObject({
			status: 'klar',
			claimed_by: null,
			extraction_attempts: 2,
			page_count: 1
		});
		expect(claimant).toMatch(/:\d+$/);
	});

	it('gives a document up after repeated abandoned attempts', async () => {
		const id = await add('kraschar');
		for (let i = 0; i < maxExtractionAttempts; i++) {
			expect(await claimDocument(t.db, { documentId: id, by: `server-${i}` })).toBeTruthy();
			await ageClaim(id, 3600);
		}
		await extractStoredDocument(t.db, id);
		expect(await row(id)).toMatchObject({ status: 'fel', claimed_by: null });
	});
});
