import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { cliActor } from '../../lib/server/accounts/audit';
import { addDocument, getDocumentStatus } from '../../lib/server/documents/documents';
import { extractStoredDocument } from '../../lib/server/jobs/extraction';
import { searchDocuments } from '../../lib/server/documents/search';
import { parseOptions } from '../args';
import type { CliCommand } from '../context';
import { errorMessage, evaluationOptions, withEvaluation } from '../shared';

export const documentsCommands: CliCommand[] = [
	{
		name: ['documents', 'add'],
		usage: 'documents add --municipality CODE --year YEAR FILE…',
		summary: 'Add governing documents to an evaluation and extract their text; one line per file.',
		run: async (args, ctx) => {
			const { io } = ctx;
			const { values, positionals } = parseOptions(args, evaluationOptions);
			if (!positionals.length) {
				io.err('Usage: documents add --municipality CODE --year YEAR FILE…');
				return 2;
			}
			return withEvaluation(ctx, values, async (db, evaluation) => {
				let failures = 0;
				for (const file of positionals) {
					try {
						const bytes = new Uint8Array(await readFile(file));
						const id = await addDocument(db, cliActor, evaluation.id, {
							fileName: basename(file),
							bytes
						});
						await extractStoredDocument(db, id);
						const doc = await getDocumentStatus(db, id);
						if (doc.status === 'fel') failures += 1;
						io.out(
							`${file}: ${doc.status === 'klar' ? `ok (${doc.pageCount} sidor/avsnitt)` : `${doc.status}: ${doc.statusMessage}`}`
						);
					} catch (e) {
						failures += 1;
						io.out(`${file}: avvisad: ${errorMessage(e)}`);
					}
				}
				return failures ? 1 : 0;
			});
		}
	},
	{
		name: ['documents', 'search'],
		usage: 'documents search --municipality CODE --year YEAR "QUERY"',
		summary: "Search an evaluation's documents; prints hits as JSON lines.",
		run: async (args, ctx) => {
			const { io } = ctx;
			const { values, positionals } = parseOptions(args, {
				...evaluationOptions,
				limit: { type: 'string' }
			});
			const query = positionals.join(' ');
			if (!query) {
				io.err('Usage: documents search --municipality CODE --year YEAR "QUERY"');
				return 2;
			}
			return withEvaluation(ctx, values, async (db, evaluation) => {
				for (const hit of await searchDocuments(
					db,
					evaluation.id,
					query,
					Number(values.limit) || 20
				)) {
					io.out(
						JSON.stringify({
							title: hit.title,
							page: hit.page,
							rank: Math.round(hit.rank * 10000) / 10000,
							snippet: hit.snippet.replace(/<\/?mark>/g, '**')
						})
					);
				}
				return 0;
			});
		}
	}
];
