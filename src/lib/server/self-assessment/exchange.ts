/**
 * A self-assessment as a JSON file and back (`"kind": "självskattning"`): the group's agreed
 * result, so a municipality that scored in a spreadsheet can bring its history in. Import is
 * all-or-nothing: the file is validated (zod), its municipality and rubric checked and its sums
 * recomputed before anything is written, then written in one transaction with its audit row.
 */
import { findTextProblems } from '$lib/domain/text';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { findRubricById, getRubricOrThrow } from '../register/rubrics';
import { listSelfAgreed } from './sheets';
import { listSelfActions } from './actions';
import { findMunicipalityByCode } from '../register/municipalities';
import { checkSelfAssessmentSums } from '$lib/domain/self-assessment';
import { areaScoresOf, computeTotals } from '$lib/domain/scoring';
import {
	selfAssessmentFileSchema,
	selfAssessmentFormat,
	selfAssessmentKind,
	type SelfAssessmentFile
} from '$lib/schemas/self-assessment';
import { type MessageKey, type Vars } from '$lib/i18n/lookup';

/** The file of one self-assessment: its agreed scores, comments, derived sums and actions. */
export async function exportSelfAssessment(
	db: Database,
	scope: {
		id: number;
		municipalityCode: string;
		rubricId: string;
		name: string;
		assessedOn: string;
	}
): Promise<SelfAssessmentFile> {
	const [rubric, agreed, actions, municipality] = await Promise.all([
		getRubricOrThrow(db, scope.rubricId),
		listSelfAgreed(db, scope.id),
		listSelfActions(db, scope.id),
		findMunicipalityByCode(db, scope.municipalityCode)
	]);
	const scores = Object.fromEntries(Object.values(agreed).map((a) => [a.subareaId, a.points]));
	const comments = Object.fromEntries(
		Object.values(agreed)
			.filter((a) => a.comment)
			.map((a) => [a.subareaId, a.comment])
	);
	const totals = computeTotals(rubric, scores);
	return {
		kind: selfAssessmentKind,
		format: selfAssessmentFormat,
		exportedAt: new Date().toISOString(),
		rubric: rubric.id,
		municipality: { code: scope.municipalityCode, name: municipality?.name },
		name: scope.name,
		date: scope.assessedOn,
		scores,
		...(Object.keys(comments).length ? { comments } : {}),
		areaScores: areaScoresOf(totals),
		...(totals.complete ? { total: totals.total as number } : {}),
		...(actions.length
			? {
					actions: actions.map((a) => ({
						subarea: a.subareaId,
						title: a.title,
						description: a.description,
						ownerRole: a.ownerRole
					}))
				}
			: {})
	};
}

/** Why a file was refused: message keys with their variables, for the user's language. */
export type ImportProblem = { key: MessageKey; vars?: Vars };

export type ImportResult = { ok: true; id: number } | { ok: false; problems: ImportProblem[] };

/** Imports a self-assessment file into the municipality `municipalityCode`; nothing on any error. */
export async function importSelfAssessment(
	db: Database,
	actor: Actor & { id: number | null },
	municipalityCode: string,
	text: string
): Promise<ImportResult> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, problems: [{ key: 'sa.import.badJson' }] };
	}
	const badText = findTextProblems(json);
	if (badText.length) {
		return {
			ok: false,
			problems: badText.map((p) => ({
				key: p.problem === 'nul' ? 'sa.import.nulText' : 'sa.import.invalidText',
				vars: { path: p.path }
			}))
		};
	}
	const parsed = selfAssessmentFileSchema.safeParse(json);
	if (!parsed.success) {
		const details = parsed.error.issues
			.slice(0, 5)
			.map((i) => `${i.path.join('.') || '(fil)'}: ${i.message}`)
			.join('; ');
		return { ok: false, problems: [{ key: 'sa.import.badFormat', vars: { details } }] };
	}
	const file = parsed.data;
	if (file.municipality.code !== municipalityCode)
		return {
			ok: false,
			problems: [{ key: 'sa.import.wrongMunicipality', vars: { code: file.municipality.code } }]
		};
	const rubric = await findRubricById(db, file.rubric);
	if (!rubric || !rubric.areas.some((a) => a.subareas.length))
		return { ok: false, problems: [{ key: 'sa.import.unknownRubric', vars: { id: file.rubric } }] };
	const problems: ImportProblem[] = checkSelfAssessmentSums(rubric, file);
	const known = new Set(rubric.areas.flatMap((a) => a.subareas.map((s) => s.id)));
	for (const id of [
		...Object.keys(file.comments ?? {}),
		...(file.actions ?? []).map((a) => a.subarea)
	]) {
		if (!known.has(id)) problems.push({ key: 'sa.import.unknownSubarea', vars: { id } });
	}
	if (problems.length) return { ok: false, problems };

	const id = await db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('self_assessment')
			.values({
				municipality_code: municipalityCode,
				rubric_id: rubric.id,
				name: file.name,
				assessed_on: file.date,
				status: 'klar',
				origin: 'import',
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('self_assessment_agreed')
			.values(
				Object.entries(file.scores).map(([subarea_id, points]) => ({
					self_assessment_id: id,
					subarea_id,
					points,
					comment: file.comments?.[subarea_id] ?? '',
					updated_by: actor.id
				}))
			)
			.execute();
		if (file.actions?.length)
			await trx
				.insertInto('self_assessment_action')
				.values(
					file.actions.map((a) => ({
						self_assessment_id: id,
						subarea_id: a.subarea,
						title: a.title,
						description: a.description ?? '',
						owner_role: a.ownerRole ?? '',
						created_by: actor.id
					}))
				)
				.execute();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment',
			entityId: id,
			action: 'import',
			after: { name: file.name, date: file.date, rubricId: rubric.id }
		});
		return id;
	});
	return { ok: true, id };
}
