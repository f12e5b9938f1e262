import { rubricOutline } from '$lib/domain/rubric';
import { error } from '@sveltejs/kit';
import { findMunicipalityByCode } from '$lib/server/register/municipalities';
import { loadMunicipalityProfile } from '$lib/server/results/profile';
import { listPublicActionItems } from '$lib/server/action-plans/action-plans';
import { changeBetween } from '$lib/domain/comparison';
import { translator } from '$lib/i18n/lookup';
import { canOnMunicipalitySelfAssessments } from '$lib/server/auth/policy';
import type { PageServerLoad } from './$types';
import { refusal } from '$lib/server/http/refusal';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const t = translator(locals.locale);
	const municipality = await findMunicipalityByCode(locals.db, params.code);
	if (!municipality) error(404, refusal('errors.municipalityNotFound'));
	const { results, rubricById, profile } = await loadMunicipalityProfile(
		locals.db,
		municipality.code,
		municipality.name,
		url.searchParams.get('snitt'),
		locals.locale
	);
	const ordered = [...results].sort((a, b) => a.year - b.year);
	let change = null;
	if (ordered.length >= 2) {
		const later = ordered[ordered.length - 1];
		const before = ordered[ordered.length - 2];
		change = {
			fromYear: before.year,
			toYear: later.year,
			...changeBetween(
				{ rubric: rubricById.get(before.rubricId)!, result: before },
				{ rubric: rubricById.get(later.rubricId)!, result: later }
			)
		};
	}
	// Public action plans (the municipality chose to publish them) belong on the timeline.
	const plans = await listPublicActionItems(locals.db, municipality.code);
	return {
		municipality,
		actionPlans: plans,
		/** Every published result over the years (current versions). */
		results: ordered.map((r) => ({
			year: r.year,
			rubricId: r.rubricId,
			rubricTitle: rubricById.get(r.rubricId)?.title ?? r.rubricId,
			total: r.total,
			version: r.version,
			errataReason: r.errataReason,
			hasReport: Boolean(r.subareaScores)
		})),
		/** The latest profile against the chosen average; null without area-level results. */
		profile: profile && {
			rubric: {
				id: profile.rubric.id,
				title: profile.rubric.title,
				areas: rubricOutline(profile.rubric, locals.locale)
			},
			result: profile.result,
			radar: profile.radar,
			average: {
				key: profile.average.key,
				label: profile.average.label,
				options: profile.average.options,
				description: profile.average.description
			},
			/** The subarea figures with their n, from the national average the page shows. */
			nationalSubareas: profile.average.subareas,
			nationalSubareasLabel: profile.average.areaN
				? profile.average.label
				: t('results.average.latest'),
			relative: profile.relative,
			rank: profile.rank,
			findings: profile.findings
		},
		/** Change since the evaluation before the latest one. */
		change,
		/** The municipality's own users get a way to its private self-assessments. */
		selfAssessments: canOnMunicipalitySelfAssessments(
			locals.user,
			'selfAssessment.create',
			municipality.code
		)
	};
};
