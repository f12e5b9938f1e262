/**
 * The full team file of an evaluation: the published part in the exchange format plus what only
 * the team holds (both blind sheets, sources, evidence, fact check). It is served to those who may
 * `evaluation.export` (team and coordinator), but interview notes and interviewee names never
 * leave the team: they are in the file only when the caller says the reader may see them
 * (`interview.readNotes`, or the CLI run by the operator). Blind sheets follow the policy's
 * `sheetVisibility`: before calibration a file holds at most the exporter's own sheet.
 */
import type { Database } from '../db';
import { getRubricOrThrow } from '../register/rubrics';
import { loadEvaluationContent } from '../published/publishing';
import { listAgreedScores, listSheets } from '../scoring/scores';
import { listInterviewsWithNotes } from '../sources/interviews';
import { listWebObservations } from '../sources/web-observations';
import { interviewToFile } from '../sources/exchange';
import { listWrittenAnswers } from '../sources/written-answers';
import { listEvidence } from '../sources/evidence';
import { listFactCheckComments } from '../scoring/fact-check';
import { listDocuments } from '../documents/documents';
import { listActionItems } from '../action-plans/action-plans';
import { toExchangeFormat } from '$lib/domain/exchange';
import type { SheetVisibility } from '../auth/policy';
import { answerTargetId } from '$lib/domain/sources';

export const teamFileFormat = 'kommunkompassen-evaluation/1';

export async function exportEvaluation(
	db: Database,
	evaluationId: number,
	options: { includeInterviewNotes: boolean; sheets: SheetVisibility }
) {
	const content = await loadEvaluationContent(db, evaluationId);
	const rubric = await getRubricOrThrow(db, content.rubricId);
	const e = await db
		.selectFrom('evaluation')
		.select(['status', 'visit_start', 'visit_end', 'previous_evaluation_id'])
		.where('id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	const [sheets, agreed, interviews, web, answers, evidence, factCheck, documents, actionPlan] =
		await Promise.all([
			listSheets(db, evaluationId, options.sheets),
			listAgreedScores(db, evaluationId),
			listInterviewsWithNotes(db, evaluationId),
			listWebObservations(db, evaluationId),
			listWrittenAnswers(db, evaluationId),
			listEvidence(db, evaluationId),
			listFactCheckComments(db, evaluationId),
			listDocuments(db, evaluationId),
			listActionItems(db, evaluationId)
		]);
	return {
		format: teamFileFormat,
		exportedAt: new Date().toISOString(),
		status: e.status,
		published: toExchangeFormat(content, rubric),
		content,
		sheets: sheets.map((s) => ({
			evaluator: s.email,
			submittedAt: s.submittedAt,
			scores: s.scores
		})),
		/** The team's agreed scores with the reasons calibration gave them, by subarea id. */
		agreed: Object.fromEntries(
			Object.values(agreed).map((a) => [
				a.subareaId,
				{ points: a.points, justification: a.justification }
			])
		),
		interviews: interviews.map((i) => interviewToFile(i, options.includeInterviewNotes)),
		webObservations: web.map((w) => ({ url: w.url, seenOn: w.seenOn, note: w.note })),
		/** Keyed by the answered rubric id: the question's where the subarea has questions. */
		writtenAnswers: Object.fromEntries(answers.map((a) => [answerTargetId(a), a.answer])),
		evidence,
		documents: documents.map((d) => ({
			id: d.id,
			title: d.title,
			kind: d.kind,
			date: d.documentDate,
			url: d.url,
			fileName: d.fileName,
			status: d.status
		})),
		factCheck,
		actionPlan: actionPlan.map(({ rowVersion: _v, ...a }) => a)
	};
}
