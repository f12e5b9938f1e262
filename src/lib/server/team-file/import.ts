/**
 * Imports a whole evaluation from its team file (see evaluation-export.ts), or a published result
 * in the exchange format. All or nothing: a mismatch between derived sums, an unknown subarea or
 * an unknown municipality refuses the file and nothing is written.
 */
import { z } from 'zod';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { findRubricById } from '../register/rubrics';
import { findMunicipalityByCode } from '../register/municipalities';
import { publishEvaluation } from '../published/publishing';
import { importResults } from '../published/result-import';
import { teamFileFormat } from './export';
import { checkResultRecord, resultRecordSchema, resultFormatId } from '$lib/schemas/result-format';
import { validateSubareaScores } from '$lib/domain/scoring';
import { stages } from '$lib/domain/lifecycle';
import { resolveStoredAnswerTarget, sourceLimits } from '$lib/domain/sources';
import { textLimits } from '$lib/domain/limits';
import { textLanguages } from '$lib/domain/text-language';
import { interviewFileSchema, webObservationFileSchema } from '../sources/exchange';
import { interviewColumns } from '../sources/interviews';

/** A strength's or improvement's own language; absent: the evaluation's. */
const itemLang = z.enum(textLanguages).optional();
const findingsSchema = z.object({
	general: z.string(),
	narratives: z.record(z.string(), z.string()),
	strengths: z.array(z.object({ text: z.string().min(1), goldStar: z.boolean(), lang: itemLang })),
	improvements: z.array(z.object({ text: z.string().min(1), lang: itemLang }).passthrough())
});

const teamFileSchema = z
	.object({
		format: z.literal(teamFileFormat),
		status: z.enum(stages),
		published: resultRecordSchema,
		content: z
			.object({
				rubricId: z.string(),
				municipality: z.object({ code: z.string(), name: z.string() }),
				year: z.number().int(),
				evaluatedAt: z.string().nullable(),
				visit: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
				method: z.object({ description: z.string() }).passthrough(),
				scores: z.record(z.string(), z.number().nullable()),
				areas: z.record(z.string(), findingsSchema),
				summary: z.string(),
				recommendations: z.array(z.object({ text: z.string().min(1) }).passthrough()),
				source: z.string().nullable()
			})
			.passthrough(),
		/** Absent in files written before the team file carried the reasons (issue 24). */
		agreed: z
			.record(
				z.string(),
				z
					.object({
						points: z.number().int().min(0),
						justification: z.string().trim().min(1).max(textLimits.justification)
					})
					.strict()
			)
			.optional(),
		interviews: z.array(interviewFileSchema).default([]),
		webObservations: z.array(webObservationFileSchema).default([]),
		writtenAnswers: z.record(z.string(), z.string().max(sourceLimits.answer)).default({}),
		// Carried for the reader and for a later import; not restored into a new evaluation yet:
		// the sheets belong to people of the exporting database, the rest cites its documents.
		exportedAt: z.string().optional(),
		sheets: z.unknown().optional(),
		evidence: z.unknown().optional(),
		documents: z.unknown().optional(),
		factCheck: z.unknown().optional(),
		actionPlan: z.unknown().optional()
	})
	// A field this list does not know is a problem in the answer, never silently dropped.
	.strict();

export type EvaluationImportOutcome =
	| { ok: true; evaluationId: number; status: string }
	| { ok: false; problems: { field: string; message: string }[] };

export async function importEvaluationFile(
	db: Database,
	actor: Actor & { id: number | null },
	json: unknown
): Promise<EvaluationImportOutcome> {
	if (
		json &&
		typeof json === 'object' &&
		(json as { format?: unknown }).format === resultFormatId
	) {
		const outcome = await importResults(db, actor, [{ label: 'record 1', value: json }]);
		if (!outcome.ok)
			return {
				ok: false,
				problems: outcome.problems.map((p) => ({ field: p.field, message: p.message }))
			};
		const e = await db
			.selectFrom('evaluation')
			.select('id')
			.where('municipality_code', '=', outcome.planned[0].municipalityCode)
			.where('year', '=', outcome.planned[0].year)
			.where('rubric_id', '=', outcome.planned[0].rubricId)
			.executeTakeFirstOrThrow();
		return { ok: true, evaluationId: e.id, status: 'publicerad' };
	}
	const parsed = teamFileSchema.safeParse(json);
	if (!parsed.success)
		return {
			ok: false,
			problems: parsed.error.issues.map((i) => ({
				field: i.path.join('.') || '(file)',
				message: i.message
			}))
		};
	const file = parsed.data;
	const rubric = await findRubricById(db, file.content.rubricId);
	if (!rubric)
		return {
			ok: false,
			problems: [
				{ field: 'content.rubricId', message: `unknown rubric "${file.content.rubricId}"` }
			]
		};
	if (!(await findMunicipalityByCode(db, file.content.municipality.code)))
		return {
			ok: false,
			problems: [
				{
					field: 'content.municipality.code',
					message: `unknown municipality code "${file.content.municipality.code}"`
				}
			]
		};
	const problems = [
		...validateSubareaScores(rubric, file.content.scores).map((p) => ({
			field: `content.scores.${p.subareaId}`,
			message: p.message
		})),
		...checkResultRecord(file.published, rubric).map((p) => ({
			field: `published.${p.field}`,
			message: p.message
		}))
	];
	// The published part must say what the scores say.
	for (const [id, points] of Object.entries(file.published.scores ?? {})) {
		if (file.content.scores[id] !== points)
			problems.push({
				field: `published.scores.${id}`,
				message: `is ${points} but content.scores says ${file.content.scores[id]}`
			});
	}
	// The agreed scores with their reasons must be the rubric's and say what the scores say.
	if (file.agreed) {
		const agreedPoints = Object.fromEntries(
			Object.entries(file.agreed).map(([id, a]) => [id, a.points])
		);
		problems.push(
			...validateSubareaScores(rubric, agreedPoints).map((p) => ({
				field: `agreed.${p.subareaId}`,
				message: p.message
			}))
		);
		for (const [id, points] of Object.entries(file.content.scores)) {
			if (points !== null && agreedPoints[id] !== points)
				problems.push({
					field: `agreed.${id}`,
					message: `is ${agreedPoints[id] ?? 'missing'} but content.scores says ${points}`
				});
		}
	}
	for (const targetId of Object.keys(file.writtenAnswers)) {
		if (!resolveStoredAnswerTarget(rubric, targetId))
			problems.push({
				field: `writtenAnswers.${targetId}`,
				message: `"${targetId}" is not a subarea or question this rubric asks the municipality to answer`
			});
	}
	for (const areaId of Object.keys(file.content.areas)) {
		if (!rubric.areas.some((a) => a.id === areaId))
			problems.push({ field: `content.areas.${areaId}`, message: `unknown area "${areaId}"` });
	}
	if (problems.length) return { ok: false, problems };
	const existing = await db
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', file.content.municipality.code)
		.where('year', '=', file.content.year)
		.where('rubric_id', '=', rubric.id)
		.executeTakeFirst();
	if (existing)
		return {
			ok: false,
			problems: [
				{
					field: 'content.year',
					message: `an evaluation of ${file.content.municipality.name} ${file.content.year} (${rubric.id}) already exists`
				}
			]
		};
	const publish = file.status === 'publicerad';
	const evaluationId = await db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('evaluation')
			.values({
				municipality_code: file.content.municipality.code,
				year: file.content.year,
				rubric_id: rubric.id,
				status: publish ? 'faktagranskning' : file.status,
				origin: 'workspace',
				evaluated_at: file.content.evaluatedAt,
				visit_start: file.content.visit.start,
				visit_end: file.content.visit.end,
				summary: file.content.summary,
				source: file.content.source
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// A file from before issue 24 has bare numbers: those scores get a placeholder reason.
		const agreed =
			file.agreed ??
			Object.fromEntries(
				Object.entries(file.content.scores)
					.filter((e): e is [string, number] => e[1] !== null)
					.map(([subareaId, points]) => [subareaId, { points, justification: 'Importerad' }])
			);
		for (const [subareaId, a] of Object.entries(agreed))
			await trx
				.insertInto('agreed_score')
				.values({
					evaluation_id: id,
					subarea_id: subareaId,
					points: a.points,
					justification: a.justification
				})
				.execute();
		for (const [areaId, f] of Object.entries(file.content.areas)) {
			// An area without an introduction has no row (the text defaults to empty), as in the
			// exporting database: writing an empty one would make the copy differ from it.
			if (f.general)
				await trx
					.insertInto('area_finding')
					.values({ evaluation_id: id, area_id: areaId, general: f.general })
					.execute();
			for (const [subareaId, text] of Object.entries(f.narratives))
				await trx
					.insertInto('subarea_narrative')
					.values({ evaluation_id: id, subarea_id: subareaId, text })
					.execute();
			for (const [i, s] of f.strengths.entries())
				await trx
					.insertInto('strength')
					.values({
						evaluation_id: id,
						area_id: areaId,
						text: s.text,
						gold_star: s.goldStar,
						lang: s.lang ?? null,
						position: i
					})
					.execute();
			for (const [i, s] of f.improvements.entries())
				await trx
					.insertInto('improvement')
					.values({
						evaluation_id: id,
						area_id: areaId,
						text: s.text,
						lang: s.lang ?? null,
						position: i
					})
					.execute();
		}
		for (const [i, r] of file.content.recommendations.entries())
			await trx
				.insertInto('recommendation')
				.values({ evaluation_id: id, text: r.text, position: i })
				.execute();
		for (const i of file.interviews)
			await trx
				.insertInto('interview')
				.values({ evaluation_id: id, ...interviewColumns(i) })
				.execute();
		for (const w of file.webObservations)
			await trx
				.insertInto('web_observation')
				.values({ evaluation_id: id, url: w.url, seen_on: w.seenOn, note: w.note })
				.execute();
		for (const [targetId, answer] of Object.entries(file.writtenAnswers)) {
			const target = resolveStoredAnswerTarget(rubric, targetId)!;
			await trx
				.insertInto('written_answer')
				.values({
					evaluation_id: id,
					subarea_id: target.subareaId,
					question_id: target.questionId ?? '',
					answer
				})
				.execute();
		}
		await recordAudit(trx, {
			actor,
			entity: 'evaluation',
			entityId: id,
			evaluationId: id,
			action: 'import',
			after: {
				municipality: file.content.municipality.code,
				year: file.content.year,
				rubric: rubric.id
			}
		});
		return id;
	});
	if (publish)
		await publishEvaluation(db, actor, evaluationId, { method: file.content.method.description });
	return { ok: true, evaluationId, status: file.status };
}
