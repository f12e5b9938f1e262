/**
 * The full team file of an evaluation: the published part in the exchange format plus what only
 * the team holds (both blind sheets, sources, evidence, fact check). Interview notes are part of
 * it because the file is the team's own; it is only served to those who may `evaluation.export`.
 */
import type { Database } from '../db';
import { getRubricOrThrow } from './rubrics';
import { loadEvaluationContent } from './publishing';
import { listSheets } from './scoring';
import { listEvidence, listInterviewsWithNotes, listWebObservations, listWrittenAnswers } from './sources';
import { listFactCheckComments } from './fact-check';
import { listDocuments } from './documents';
import { listActionItems } from './action-plans';
import { toExchangeFormat } from '$lib/domain/exchange';

export const teamFileFormat = 'kommunkompassen-evaluation/1';

export async function exportEvaluation(db: Database, evaluationId: number) {
	const content = await loadEvaluationContent(db, evaluationId);
	const rubric = await getRubricOrThrow(db, content.rubricId);
	const e = await db.selectFrom('evaluation').select(['status', 'visit_start', 'visit_end', 'previous_evaluation_id']).where('id', '=', evaluationId).executeTakeFirstOrThrow();
	const [sheets, interviews, web, answers, evidence, factCheck, documents, actionPlan] = await Promise.all([
		listSheets(db, evaluationId),
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
		sheets: sheets.map((s) => ({ evaluator: s.email, submittedAt: s.submittedAt, scores: s.scores })),
		interviews: interviews.map(({ rowVersion: _v, ...i }) => i),
		webObservations: web.map(({ rowVersion: _v, ...w }) => w),
		writtenAnswers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.answer])),
		evidence,
		documents: documents.map((d) => ({ id: d.id, title: d.title, kind: d.kind, date: d.documentDate, url: d.url, fileName: d.fileName, status: d.status })),
		factCheck,
		actionPlan: actionPlan.map(({ rowVersion: _v, ...a }) => a)
	};
}
