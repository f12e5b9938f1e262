import { writeFile } from 'node:fs/promises';
import { reportPdf } from '../../lib/server/report/load';
import { findWorkspaceEvaluation } from '../../lib/server/evaluations/lookups';
import { parseOptions } from '../args';
import type { CliCommand } from '../context';
import { evaluationOptions } from '../shared';

export const reportCommands: CliCommand[] = [
	{
		name: ['report'],
		usage: 'report --municipality CODE --year YEAR --out FILE.pdf',
		summary: 'Write the PDF report of an evaluation (draft or published).',
		run: async (args, { io, withDatabase }) => {
			const { values } = parseOptions(args, { ...evaluationOptions, out: { type: 'string' } });
			if (!values.municipality || !values.year || !values.out) {
				io.err('Usage: report --municipality CODE --year YEAR --out FILE.pdf');
				return 2;
			}
			return withDatabase(async (db) => {
				const evaluation = await findWorkspaceEvaluation(
					db,
					values.municipality!,
					Number(values.year)
				);
				if (!evaluation) {
					io.err(
						`No evaluation of ${values.municipality} in ${values.year} made in the workspace (imported results have no report).`
					);
					return 1;
				}
				const started = performance.now();
				const { pdf, facts } = await reportPdf(db, evaluation.id);
				await writeFile(values.out!, pdf);
				io.out(
					`Wrote ${values.out} (${facts.municipality} ${facts.year}${facts.draft ? ', UTKAST' : ''}, ${Math.round(pdf.length / 1024)} kB, ${Math.round(performance.now() - started)} ms).`
				);
				return 0;
			});
		}
	}
];
