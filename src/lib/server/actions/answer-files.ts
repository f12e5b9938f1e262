/** The questions as Word and Excel for the municipality, and the answered Excel back into "Kommunens svar". */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../accounts/audit';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { refuse } from '../http/parse-form';
import { getEvaluationOrThrow } from '../evaluations/evaluations';
import { listWrittenAnswers } from '../sources/written-answers';
import { importWrittenAnswers, type AnswerImportRow } from '../sources/written-answer-import';
import { buildAnswersXlsx, buildQuestionsDocx, readAnswersXlsx } from '../sources/answer-files';
import { resolveAnswerTarget, sourceLimits } from '$lib/domain/sources';
import { translateKey } from '$lib/i18n/lookup';
import { pdfDisposition } from '../report/load';
import { docxContentType } from '../report/docx-file';
import { xlsxContentType } from '../office/workbook';

type Event = RequestEvent<{ id: string }>;

/** The questions for the evaluation as .docx (to forward) or .xlsx (to answer and import). */
export async function downloadQuestions({ locals, params }: Event, format: 'docx' | 'xlsx') {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'writtenAnswer.read');
	const [facts, answers] = await Promise.all([
		getEvaluationOrThrow(locals.db, scope.id),
		listWrittenAnswers(locals.db, scope.id)
	]);
	const body =
		format === 'docx'
			? await buildQuestionsDocx({
					rubric,
					municipality: facts.municipalityName,
					year: facts.year,
					answers,
					locale: locals.locale
				})
			: await buildAnswersXlsx({ rubric, evaluationId: scope.id, answers, locale: locals.locale });
	const name = translateKey(
		'questions.fileName',
		{ name: facts.municipalityName, year: facts.year },
		{ locale: locals.locale }
	);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': format === 'docx' ? docxContentType : xlsxContentType,
			'content-disposition': pdfDisposition(`${name}.${format}`, false),
			'cache-control': 'private, no-store'
		}
	});
}

/**
 * Imports an answered questions sheet: all or nothing; unchanged cells keep the saved answers,
 * changed ones are written, and an answer changed both in the file and in the toolkit since the
 * file was made is a conflict, listed by cell, and nothing is written.
 */
export async function importAnswers({ locals, params, request }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'writtenAnswer.edit'
	);
	const context = { action: 'importAnswers' as const, problems: [] as string[] };
	const file = (await request.formData()).get('file');
	if (!(file instanceof File) || file.size === 0)
		return refuse(locals, 'file', 'sheet.import.noFile', context);
	const read = await readAnswersXlsx(new Uint8Array(await file.arrayBuffer()), scope.id);
	if (!read) return refuse(locals, 'file', 'questions.import.notFile', context);
	const t = (key: Parameters<typeof translateKey>[0], vars?: Record<string, string | number>) =>
		translateKey(key, vars, { locale: locals.locale });
	const problems: string[] = [];
	const rows: AnswerImportRow[] = [];
	for (const r of read) {
		const target = resolveAnswerTarget(rubric, r.targetId);
		if (!target)
			problems.push(t('questions.import.unknown', { cell: `A${r.row}`, id: r.targetId }));
		else if (r.answer.length > sourceLimits.answer)
			problems.push(
				t('questions.import.tooLong', {
					cell: `D${r.row}`,
					id: r.targetId,
					max: sourceLimits.answer
				})
			);
		else rows.push({ ...r, target });
	}
	const refused = (list: string[]) =>
		fail(400, {
			...context,
			problems: list,
			errors: { file: t('sheet.import.refused') } as Record<string, string>
		});
	if (problems.length) return refused(problems);
	const result = await attempt(
		locals,
		() => importWrittenAnswers(locals.db, actorOf(user), scope.id, rows),
		context
	);
	if (!('ok' in result)) return result;
	if (!result.ok)
		return refused(
			result.conflicts.map((c) =>
				t('questions.import.conflict', { cell: `D${c.row}`, id: c.targetId })
			)
		);
	return { action: 'importAnswers' as const, imported: result.written };
}
