import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';
import type { EvaluationStatus } from '$lib/domain/lifecycle';
import type { Database } from '../db';
import { recordAudit, type Actor, type AuditEntry } from '../accounts/audit';
import { insertPublishedVersion } from './versions';
import { refreshPublishedAggregates } from './aggregates';
import { getRubricOrThrow } from '../register/rubrics';
import { DomainError } from '../errors';
import { lockEvaluation } from '../evaluations/rows';
import { listOpenFactCheckComments } from '../scoring/fact-check';
import { hasSubareasScored } from '$lib/domain/published';
import { computeTotals } from '$lib/domain/scoring';
import { listSubareas } from '$lib/domain/rubric';
import { emptyAreaFindings, type EvaluationContent } from '$lib/domain/evaluation-content';
import { countInterviewsByGroup } from '../sources/interviews';
import { selectEvaluationFacts } from '../evaluations/evaluations';
import { svCollator } from '$lib/i18n';

/**
 * The draft as EvaluationContent: agreed scores, findings, and the method in counts only
 * (interviews per group, documents studied). Interview notes and names are never read here.
 */
export async function loadEvaluationContent(
	db: Database,
	evaluationId: number
): Promise<EvaluationContent> {
	const e = await selectEvaluationFacts(db)
		.select(['e.evaluated_at', 'e.visit_start', 'e.visit_end', 'e.summary', 'e.source'])
		.where('e.id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	const rubric = await getRubricOrThrow(db, e.rubricId);
	const [
		agreed,
		generals,
		narratives,
		strengths,
		improvements,
		recommendations,
		team,
		interviews,
		documents
	] = await Promise.all([
		db
			.selectFrom('agreed_score')
			.select(['subarea_id', 'points'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('area_finding')
			.select(['area_id', 'general'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('subarea_narrative')
			.select(['subarea_id', 'text'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('strength')
			.select(['id', 'area_id', 'text', 'gold_star', 'lang'])
			.where('evaluation_id', '=', evaluationId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('improvement')
			.select(['id', 'area_id', 'text', 'lang'])
			.where('evaluation_id', '=', evaluationId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('recommendation')
			.select(['id', 'text'])
			.where('evaluation_id', '=', evaluationId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('evaluation_member as em')
			.innerJoin('app_user as u', 'u.id', 'em.user_id')
			.select(['u.name', 'u.email'])
			.where('em.evaluation_id', '=', evaluationId)
			.execute(),
		// Counts only: interview notes and names never reach the content.
		countInterviewsByGroup(db, evaluationId),
		db
			.selectFrom('source_document')
			.select(['title', 'kind', 'document_date'])
			.where('evaluation_id', '=', evaluationId)
			.orderBy('title')
			.execute()
	]);
	const areas: EvaluationContent['areas'] = {};
	for (const area of rubric.areas) {
		const findings = emptyAreaFindings();
		findings.general = generals.find((g) => g.area_id === area.id)?.general ?? '';
		for (const s of area.subareas) {
			const text = narratives.find((n) => n.subarea_id === s.id)?.text;
			if (text) findings.narratives[s.id] = text;
		}
		findings.strengths = strengths
			.filter((s) => s.area_id === area.id)
			.map((s) => ({ text: s.text, goldStar: s.gold_star, ...(s.lang ? { lang: s.lang } : {}) }));
		findings.improvements = improvements
			.filter((i) => i.area_id === area.id)
			.map((i) => ({ id: i.id, text: i.text, ...(i.lang ? { lang: i.lang } : {}) }));
		areas[area.id] = findings;
	}
	return {
		rubricId: rubric.id,
		municipality: { code: e.municipalityCode, name: e.municipalityName },
		year: e.year,
		evaluatedAt: e.evaluated_at,
		evaluators: team.map((t) => t.name || t.email).sort((a, b) => svCollator.compare(a, b)),
		visit: { start: e.visit_start, end: e.visit_end },
		method: {
			description: '',
			interviews,
			documentsStudied: documents.map((d) => ({
				title: d.title,
				kind: d.kind,
				date: d.document_date
			}))
		},
		scores: Object.fromEntries(agreed.map((a) => [a.subarea_id, a.points])),
		areas,
		summary: e.summary,
		recommendations: recommendations.map((r) => ({ id: r.id, text: r.text })),
		source: e.source
	};
}

/**
 * Publishes: freezes the content as a new published version (the first, or an erratum with the
 * reopening reason after a reopen). Refused until every subarea has an agreed score, and while a
 * fact-check comment is open that the publisher has not confirmed by id (one that came in after
 * the summary was read is not confirmed): nothing is written then.
 */
export async function publishEvaluation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	options: {
		method?: string;
		/** When the version was published, for a report published before it was entered here. */
		publishedAt?: Date;
		/** The open fact-check comments the publisher saw and chose to publish past. */
		confirmedOpenComments?: readonly number[];
	} = {}
) {
	const content = await loadEvaluationContent(db, evaluationId);
	if (options.method) content.method.description = options.method;
	const rubric = await getRubricOrThrow(db, content.rubricId);
	// The content carries the agreed scores: no second read of the progress facts for this.
	if (!hasSubareasScored(rubric, content.scores)) throw new DomainError('ws.errors.notAllAgreed');
	return db.transaction().execute(async (trx) => {
		const e = await lockEvaluation(trx, evaluationId)
			.select(['status', 'reopen_reason'])
			.executeTakeFirstOrThrow();
		if (e.status !== 'faktagranskning') throw new DomainError('ws.errors.badMove');
		// Read under the evaluation's lock: a comment is only added while it is in faktagranskning.
		const open = await listOpenFactCheckComments(trx, evaluationId);
		const confirmed = new Set(options.confirmedOpenComments ?? []);
		const unconfirmed = open.filter((c) => !confirmed.has(c.id));
		if (unconfirmed.length) {
			throw new DomainError('fc.errors.openComments', '_form', 409, {
				names: unconfirmed.map(openCommentLabel).join('; ')
			});
		}
		// Only a reopen leaves `publicerad`, so a reason here belongs to the version being replaced.
		const published = await insertPublishedVersion(trx, {
			evaluationId,
			rubric,
			content,
			errataReason: e.reopen_reason,
			publishedAt: options.publishedAt
		});
		await refreshPublishedAggregates(trx, {
			rubricIds: [rubric.id],
			municipalityCodes: [content.municipality.code]
		});
		await setStage(
			trx,
			actor,
			evaluationId,
			{ status: 'publicerad' },
			{
				action: 'publish',
				after: {
					version: published.version,
					...(open.length ? { publishedOverOpenComments: open.map((c) => c.id) } : {})
				},
				reason: e.reopen_reason
			}
		);
		return published;
	});
}

/** An open comment as the publisher reads it: who, about what, the first words. */
export function openCommentLabel(c: { author: string; areaId: string; body: string }): string {
	const words = c.body.length > 60 ? `${c.body.slice(0, 57).trimEnd()}…` : c.body;
	return `${c.author} (${c.areaId}): ”${words}”`;
}

/** What the coordinator reads before publishing: the totals, what is missing, the open comments. */
export interface PublishSummary {
	total: number | null;
	max: number;
	areas: { areaId: string; title: string; achieved: number | null; max: number }[];
	unscored: string[];
	withoutNarrative: string[];
	hasSummary: boolean;
	openComments: {
		id: number;
		areaId: string;
		targetKind: string;
		subareaId: string | null;
		quote: string | null;
		body: string;
		author: string;
		label: string;
	}[];
}

/** The last look before publishing: cheap reads only (scores, narratives, open comments). */
export async function loadPublishSummary(
	db: Database,
	evaluationId: number
): Promise<PublishSummary> {
	const e = await db
		.selectFrom('evaluation')
		.select(['rubric_id', 'summary'])
		.where('id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	const [rubric, agreed, narratives, open] = await Promise.all([
		getRubricOrThrow(db, e.rubric_id),
		db
			.selectFrom('agreed_score')
			.select(['subarea_id', 'points'])
			.where('evaluation_id', '=', evaluationId)
			.execute(),
		db
			.selectFrom('subarea_narrative')
			.select('subarea_id')
			.where('evaluation_id', '=', evaluationId)
			.where('text', '!=', '')
			.execute(),
		listOpenFactCheckComments(db, evaluationId)
	]);
	const totals = computeTotals(
		rubric,
		Object.fromEntries(agreed.map((a) => [a.subarea_id, a.points]))
	);
	const narrated = new Set(narratives.map((n) => n.subarea_id));
	return {
		total: totals.total,
		max: totals.max,
		areas: totals.areas.map((a) => ({
			areaId: a.areaId,
			title: a.title,
			achieved: a.achieved,
			max: a.max
		})),
		unscored: totals.missing,
		withoutNarrative: listSubareas(rubric)
			.map((s) => s.id)
			.filter((id) => !narrated.has(id)),
		hasSummary: e.summary.trim().length > 0,
		openComments: open.map((c) => ({ ...c, label: openCommentLabel(c) }))
	};
}

/** Moves the evaluation to another stage (a new row version) and audits the move. */
async function setStage(
	trx: Transaction<DB>,
	actor: Actor,
	evaluationId: number,
	values: { status: EvaluationStatus; reopen_reason?: string },
	audit: Pick<AuditEntry, 'action' | 'before' | 'after' | 'reason'>
) {
	await trx
		.updateTable('evaluation')
		.set({ ...values, updated_at: new Date(), row_version: sql`row_version + 1` })
		.where('id', '=', evaluationId)
		.execute();
	await recordAudit(trx, {
		actor,
		entity: 'evaluation',
		entityId: evaluationId,
		evaluationId,
		...audit
	});
}

/** Reopens a published evaluation for a correction; the published versions stay as they are. */
export async function reopenEvaluation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	reason: string
) {
	if (reason.trim().length < 10) throw new DomainError('ws.errors.reasonRequired', 'reason');
	await db.transaction().execute(async (trx) => {
		const e = await lockEvaluation(trx, evaluationId)
			.select(['status', 'origin'])
			.executeTakeFirstOrThrow();
		if (e.status !== 'publicerad' || e.origin !== 'workspace')
			throw new DomainError('ws.errors.badMove');
		await setStage(
			trx,
			actor,
			evaluationId,
			{ status: 'faktagranskning', reopen_reason: reason.trim() },
			{
				action: 'reopen',
				before: { status: 'publicerad' },
				after: { status: 'faktagranskning' },
				reason: reason.trim()
			}
		);
	});
}

/** The published versions of an evaluation, newest first (errata visible). */
export async function listPublishedVersions(db: Database, evaluationId: number) {
	return db
		.selectFrom('published_result')
		.select([
			'id',
			'version',
			'is_current as isCurrent',
			'total',
			'errata_reason as errataReason',
			'published_at as publishedAt'
		])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('version', 'desc')
		.execute();
}
