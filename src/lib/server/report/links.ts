/**
 * The evaluations a report links to: the one a re-evaluation follows up and those that follow it
 * up, each only if the reader may see it (the policy's `evaluation.read`). A published one links
 * to its public report; an unpublished one, seen only by its team, coordinator or contact, to its
 * overview. The PDF is built for no reader in particular (it is cached and public), so it names
 * published evaluations only.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth/types';
import { canOnEvaluation } from '../auth/policy';
import { findBaseline, listFollowUps } from '../evaluations/links';
import { findEvaluationScope } from '../evaluations/scope';
import { appOrigin } from '../mail/config';
import type { ReportLink, ReportLinks } from '$lib/domain/report/model';

/** Who reads the report: the signed-in user (null: anyone) and the request's origin. */
export interface ReportReader {
	user: SessionUser | null;
	/** The request's origin, used for the PDF's links when ORIGIN is not set. */
	origin?: string;
}

export async function loadReportLinks(
	db: Database,
	evaluationId: number,
	reader: ReportReader
): Promise<ReportLinks> {
	const [baseline, followUps] = await Promise.all([
		findBaseline(db, evaluationId),
		listFollowUps(db, evaluationId)
	]);
	const origin = appOrigin(reader.origin);
	const visible = async (e: { id: number; year: number }): Promise<ReportLink | null> => {
		const scope = await findEvaluationScope(db, e.id);
		if (!scope || !canOnEvaluation(reader.user, 'evaluation.read', scope)) return null;
		const published = scope.status === 'publicerad';
		const href = published
			? `/kommuner/${scope.municipalityCode}/${e.year}/rapport`
			: `/utvarderingar/${e.id}`;
		return { year: e.year, href, url: `${origin}${href}`, published };
	};
	return {
		baseline: baseline ? await visible(baseline) : null,
		followUps: (await Promise.all(followUps.map(visible))).filter((l) => l !== null)
	};
}
