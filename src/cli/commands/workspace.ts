import { readFile } from 'node:fs/promises';
import { cliActor } from '../../lib/server/accounts/audit';
import { createEvaluation } from '../../lib/server/evaluations/evaluations';
import { exportEvaluation } from '../../lib/server/team-file/export';
import { operatorSheetVisibility } from '../../lib/server/auth/policy';
import { importEvaluationFile } from '../../lib/server/team-file/import';
import { findMunicipalityByCode } from '../../lib/server/register/municipalities';
import { listRubrics } from '../../lib/server/register/rubrics';
import { parseOptions } from '../args';
import type { CliCommand } from '../context';
import { errorMessage, evaluationOptions, withEvaluation } from '../shared';

export const workspaceCommands: CliCommand[] = [
	{
		name: ['evaluation', 'create'],
		usage: 'evaluation create --municipality CODE --year YEAR [--rubric ID]',
		summary: 'Create an evaluation in planning (the newest rubric by default).',
		run: async (args, { io, withDatabase }) => {
			const { values } = parseOptions(args, { ...evaluationOptions, rubric: { type: 'string' } });
			if (!values.municipality || !/^\d{4}$/.test(values.year ?? '')) {
				io.err('Usage: evaluation create --municipality CODE --year YEAR [--rubric ID]');
				return 2;
			}
			return withDatabase(async (db) => {
				if (!(await findMunicipalityByCode(db, values.municipality!))) {
					io.err(`Unknown municipality code ${values.municipality}`);
					return 1;
				}
				const rubrics = await listRubrics(db);
				const rubric = values.rubric ? rubrics.find((r) => r.id === values.rubric) : rubrics[0];
				if (!rubric) {
					io.err(`Unknown rubric ${values.rubric}; known: ${rubrics.map((r) => r.id).join(', ')}`);
					return 1;
				}
				try {
					const id = await createEvaluation(db, cliActor, {
						municipalityCode: values.municipality!,
						year: Number(values.year),
						rubricId: rubric.id,
						teamUserIds: [],
						contactUserId: null,
						visitStart: null,
						visitEnd: null
					});
					io.out(`Created evaluation ${id}: ${values.municipality} ${values.year} (${rubric.id}).`);
					return 0;
				} catch (e) {
					io.err(errorMessage(e));
					return 1;
				}
			});
		}
	},
	{
		name: ['evaluation', 'export'],
		usage: 'evaluation export --municipality CODE --year YEAR',
		summary: 'Print the full team file of an evaluation as JSON.',
		run: async (args, ctx) => {
			const { io } = ctx;
			const { values } = parseOptions(args, evaluationOptions);
			return withEvaluation(ctx, values, async (db, evaluation) => {
				// The operator's copy of the team's own file, so interview notes are included; blind
				// sheets are not, until the evaluation reaches calibration (nobody may see them yet).
				const sheets = operatorSheetVisibility(evaluation.status);
				if (!sheets.all) io.err('The score sheets are blind until calibration and are left out.');
				io.out(
					JSON.stringify(
						await exportEvaluation(db, evaluation.id, {
							includeInterviewNotes: true,
							sheets
						}),
						null,
						2
					)
				);
				return 0;
			});
		}
	},
	{
		name: ['evaluation', 'import'],
		usage: 'evaluation import FILE.json',
		summary: 'Import an evaluation (team file or exchange format); all or nothing.',
		run: async (args, { io, withDatabase }) => {
			const [file] = args;
			if (!file) {
				io.err('Usage: evaluation import FILE.json');
				return 2;
			}
			let json: unknown;
			try {
				json = JSON.parse(await readFile(file, 'utf8'));
			} catch (e) {
				io.err(`${file}: ${(e as Error).message}`);
				return 1;
			}
			return withDatabase(async (db) => {
				const outcome = await importEvaluationFile(db, cliActor, json);
				if (!outcome.ok) {
					for (const p of outcome.problems) io.err(`${file}: ${p.field}: ${p.message}`);
					io.err('Nothing was imported.');
					return 1;
				}
				io.out(`Imported evaluation ${outcome.evaluationId} (${outcome.status}).`);
				return 0;
			});
		}
	}
];
