import { authorizeEvaluationRoute, refusingBadInput } from '$lib/server/http/evaluation-route';
import { listAgreedScores, listSheets } from '$lib/server/scoring/scores';
import { agreeEqual, saveAgreed } from '$lib/server/actions/scoring';
import { sheetVisibility } from '$lib/server/auth/policy';
import { countEvidenceBySubarea } from '$lib/server/sources/evidence-counts';
import { loadPreviousScores } from '$lib/server/action-plans/follow-up';
import { agreement, needsDiscussion, type ScorePair } from '$lib/domain/agreement';
import { listSubareas, rubricText } from '$lib/domain/rubric';
import { equalAgreements } from '$lib/domain/calibration';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'sheet.compare');
	const sheets = await listSheets(locals.db, scope.id, sheetVisibility(locals.user, scope));
	// Blind until every team member has submitted: then both sheets are shown.
	const allSubmitted =
		sheets.length >= scope.teamUserIds.length &&
		sheets.length > 0 &&
		sheets.every((s) => s.submittedAt);
	const subareas = listSubareas(rubric);
	const pairs: ScorePair[] = [];
	if (allSubmitted && sheets.length >= 2) {
		for (const s of subareas) {
			const a = sheets[0].scores[s.id]?.points;
			const b = sheets[1].scores[s.id]?.points;
			if (typeof a === 'number' && typeof b === 'number')
				pairs.push({ subareaId: s.id, max: s.maxPoints, a, b });
		}
	}
	const agreed = await listAgreedScores(locals.db, scope.id);
	const evaluators = sheets.map((s) => s.name || s.email);
	const equal = allSubmitted
		? equalAgreements(
				subareas.map((s) => ({
					subareaId: s.id,
					agreed: Boolean(agreed[s.id]),
					sheets: sheets.map((sheet, i) => ({
						name: evaluators[i],
						points: sheet.scores[s.id]?.points,
						justification: sheet.scores[s.id]?.justification
					}))
				}))
			)
		: { agree: [], withoutText: [] };
	return {
		allSubmitted,
		/** How many subareas "agree all where you agree" would agree now (same points, a text). */
		equalCount: equal.agree.length,
		evaluators,
		rows: subareas.map((s) => ({
			id: s.id,
			title: rubricText(locals.locale, s).title,
			max: s.maxPoints,
			sheets: allSubmitted ? sheets.map((sheet) => sheet.scores[s.id] ?? null) : [],
			flagged: pairs.some((p) => p.subareaId === s.id && needsDiscussion(p))
		})),
		agreed,
		/** Evidence items per subarea, and last time's score on a re-evaluation: as context. */
		evidenceCounts: await countEvidenceBySubarea(locals.db, scope.id),
		previous: await loadPreviousScores(locals.db, scope.id),
		stats: allSubmitted ? agreement(pairs) : null
	};
};

export const actions: Actions = refusingBadInput({ agree: saveAgreed, agreeEqual });
