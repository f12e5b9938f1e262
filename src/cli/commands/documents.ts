import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { cliActor } from '../../lib/server/repositories/audit';
import {
	addDocument,
	extractStoredDocument,
	getDocumentStatus
} from '../../lib/server/repositories/documents';
import { searchDocuments } from '../../lib/server/documents/search';
import { DomainError } from '../../lib/server/errors';
import { parseOptions } from '../args';
import { findEvaluationByMunicipalityYear } from '../../lib/server/repositories/evaluation-lookups';
import type { CliCommand } from '../context';
import { translateKey, isMessageKey } from '../../lib/i18n/lookup';

export const documentsCommands: CliCommand[] = [
	{
		name: ['documents', 'add'],
		usage: 'documents add --municipality CODE --year YEAR FILE…',
		summary: 'Add governing documents to an evaluation and extract their text; one line per file.',
		run: async (args, { io, withDatabase }) => {
			const { values, positionals } = parseOptions(args, {
				municipality: { type: 'string' },
				year: { type: 'string' }
			});
			if (!positionals.length) {
				io.err('Usage: documents add --municipality CODE --year YEAR FILE…');
				return 2;
			}
			return withDatabase(async (db) => {
				const evaluation = await findEvaluationByMunicipalityYear(
					db,
					values.municipality,
					values.year
				);
				if (!evaluation) {
					io.err(`No evaluation of ${values.municipality} in ${values.year}.`);
					return 1;
				}
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
						const reason =
							e instanceof DomainError
								? isMessageKey(e.message)
									? translateKey(e.message, undefined, { locale: 'sv' })
									: e.message
								: (e as Error).message;
						io.out(`${file}: avvisad: ${reason}`);
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
		run: async (args, { io, withDatabase }) => {
			const { values, positionals } = parseOptions(args, {
				municipality: { type: 'string' },
				year: { type: 'string' },
				limit: { type: 'string' }
			});
			const query = positionals.join(' ');
			if (!query) {
				io.err('Usage: documents search --municipality CODE --year YEAR "QUERY"');
				return 2;
			}
			return withDatabase(async (db) => {
				const evaluation = await findEvaluationByMunicipalityYear(
					db,
					values.municipality,
					values.year
				);
				if (!evaluation) {
					io.err(`No evaluation of ${values.municipality} in ${values.year}.`);
					return 1;
				}
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
