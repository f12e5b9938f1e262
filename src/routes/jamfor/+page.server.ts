import { externalId } from '$lib/schemas/id';
import { z } from 'zod';
import { DEFAULT_RUBRIC, rubricInLocale } from '$lib/domain/rubric';
import { fail } from '@sveltejs/kit';
import { listMunicipalities } from '$lib/server/register/municipalities';
import { loadMunicipalityAggregates } from '$lib/server/published/aggregates';
import { findRubricById, getRubricOrThrow } from '$lib/server/register/rubrics';
import { listRubricTitles } from '$lib/server/published/results';
import { listPublishedRubricsByMunicipality } from '$lib/server/published/published-rubrics';
import { chooseAverage } from '$lib/server/results/profile';
import { areasOnRubric, rankOf } from '$lib/domain/comparison';
import type { Rubric } from '$lib/domain/rubric';
import { svCollator } from '$lib/i18n';
import { translator } from '$lib/i18n/lookup';
import {
	createPeerGroup,
	deletePeerGroup,
	listPeerGroups
} from '$lib/server/published/peer-groups';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { attempt } from '$lib/server/http/evaluation-route';
import { parseForm } from '$lib/server/http/parse-form';
import { formCheckbox, formList } from '$lib/schemas/form';
import { canGlobal } from '$lib/server/auth/policy';
import type { Actions, PageServerLoad } from './$types';

const code = z.string().regex(/^\d{4}$/);

/** The query: codes chosen in the list (`kommun`, repeated), or typed names/codes (`kommuner`). */
const querySchema = z.object({
	kommun: z.array(code).max(300).catch([]),
	kommuner: z.string().max(4000).catch(''),
	lan: z
		.string()
		.regex(/^\d{2}$/)
		.or(z.literal(''))
		.catch(''),
	grupp: externalId.optional().catch(undefined),
	snitt: z.string().max(40).nullable().catch(null),
	version: z.string().max(80).catch(DEFAULT_RUBRIC)
});

/** Every refusal of the group forms reads the same: the input could not be read. */
const badInput = 'results.compare.badInput';

const saveGroupSchema = z.object({
	name: z.string().max(200, badInput).default(''),
	kommun: formList(z.array(z.string().regex(/^\d{4}$/, badInput))),
	kommuner: z.string().max(4000, badInput).default(''),
	public: formCheckbox
});

const deleteGroupSchema = z.object({
	id: z
		.string()
		.default('')
		.pipe(externalId.catch(Number.NaN))
		.refine((id) => !Number.isNaN(id), badInput)
});

/** Resolves what the user typed (names or codes, comma or newline separated) against the register. */
function resolveNames(input: string, municipalities: { code: string; name: string }[]) {
	const wanted = input
		.split(/[\n,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);
	const found: string[] = [];
	const unknown: string[] = [];
	for (const w of wanted) {
		const lower = w.toLowerCase();
		const m =
			municipalities.find((x) => x.code === w.padStart(4, '0') || x.name.toLowerCase() === lower) ??
			municipalities.find((x) => x.name.toLowerCase().startsWith(lower));
		if (m) found.push(m.code);
		else unknown.push(w);
	}
	return { codes: [...new Set(found)], unknown };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const t = translator(locals.locale);
	const query = querySchema.parse({
		kommun: url.searchParams.getAll('kommun'),
		kommuner: url.searchParams.get('kommuner') ?? '',
		lan: url.searchParams.get('lan') ?? '',
		grupp: url.searchParams.get('grupp') || undefined,
		snitt: url.searchParams.get('snitt'),
		version: url.searchParams.get('version') || DEFAULT_RUBRIC
	});
	const [municipalities, groups, rubricTitles, publishedRubrics] = await Promise.all([
		listMunicipalities(locals.db),
		listPeerGroups(locals.db, locals.user?.id ?? null),
		listRubricTitles(locals.db),
		listPublishedRubricsByMunicipality(locals.db)
	]);
	// In the reader's language: radar labels and table headers name areas by title.
	const rubric = rubricInLocale(
		(rubricTitles.some((r) => r.id === query.version)
			? await findRubricById(locals.db, query.version)
			: undefined) ?? (await getRubricOrThrow(locals.db, DEFAULT_RUBRIC)),
		locals.locale
	);
	const group = groups.find((g) => g.id === query.grupp);
	const known = new Set(municipalities.map((m) => m.code));
	const typed = resolveNames(query.kommuner, municipalities);
	const chosen = [...new Set([...query.kommun.filter((c) => known.has(c)), ...typed.codes])];
	const countyCodes = query.lan
		? municipalities.filter((m) => m.countyCode === query.lan).map((m) => m.code)
		: [];
	const selected = [...new Set([...chosen, ...(group?.municipalityCodes ?? []), ...countyCodes])];
	const [aggregates, average] = await Promise.all([
		loadMunicipalityAggregates(locals.db, selected),
		chooseAverage(locals.db, rubric, query.snitt, locals.locale)
	]);
	const rubricById = new Map<string, Rubric>([[rubric.id, rubric]]);
	for (const id of new Set(aggregates.flatMap((a) => a.results.map((r) => r.rubricId)))) {
		const r = await findRubricById(locals.db, id);
		if (r) rubricById.set(id, rubricInLocale(r, locals.locale));
	}
	const titleOf = (id: string) => rubricById.get(id)?.title ?? id;
	const nameOf = new Map(municipalities.map((m) => [m.code, m.name]));
	const averageTotal = average.total?.mean ?? null;

	/**
	 * Each municipality's row: its latest result on the chosen version; without one, its latest
	 * on another version — areas carried over through the versions' mapping (approximate), or
	 * only the total. Nobody with a published result is left out.
	 */
	const rows = aggregates.flatMap((a) => {
		const newestFirst = [...a.results].sort(
			(x, y) =>
				y.year - x.year ||
				(rubricById.get(y.rubricId)?.year ?? 0) - (rubricById.get(x.rubricId)?.year ?? 0)
		);
		const own = newestFirst.find((r) => r.rubricId === rubric.id);
		const r = own ?? newestFirst[0];
		if (!r) return [];
		const areas = own ? r.areaScores : areasOnRubric(rubric, r.rubricId, r.areaScores, rubricById);
		const name = nameOf.get(a.code) ?? a.code;
		return [
			{
				code: a.code,
				name,
				year: r.year,
				rubricId: r.rubricId,
				rubricTitle: titleOf(r.rubricId),
				rubricYear: rubricById.get(r.rubricId)?.year ?? null,
				/** On another version than the one compared: figures with a caveat. */
				otherVersion: !own,
				level: areas
					? ('areas' as const)
					: r.total !== null
						? ('total' as const)
						: ('none' as const),
				total: r.total,
				areas,
				// The average is of the chosen version: another version's total is not compared to it.
				totalDelta:
					own && r.total !== null && averageTotal !== null ? r.total - averageTotal : null,
				rank: own && r.total !== null ? rankOf(r.total, average.latestTotals) : null
			}
		];
	});
	// Ranked by total only among results on the same version: the others follow, by name.
	rows.sort(
		(a, b) =>
			Number(a.otherVersion) - Number(b.otherVersion) ||
			(a.otherVersion ? 0 : (b.total ?? -1) - (a.total ?? -1)) ||
			svCollator.compare(a.name, b.name)
	);
	const withoutResult = selected
		.filter((c) => !rows.some((r) => r.code === c))
		.map((c) => nameOf.get(c) ?? c)
		.sort((a, b) => svCollator.compare(a, b));
	return {
		/** The chosen municipalities, for the picker (typed names are turned into choices). */
		chosen: chosen.map((c) => ({ code: c, name: nameOf.get(c) ?? c })),
		/**
		 * The register for the picker, each with the versions it has a published result on: the
		 * picker marks those without one on the chosen version and does not add those with none.
		 */
		municipalities: municipalities.map((m) => ({
			code: m.code,
			name: m.name,
			versions: (publishedRubrics.get(m.code) ?? []).map((id) => ({
				id,
				title: rubricTitles.find((r) => r.id === id)?.title ?? id
			}))
		})),
		county: query.lan,
		/** Public groups and the user's own; `mine` ones may be deleted by the user. */
		groups: groups.map((g) => ({
			id: g.id,
			name: g.name,
			size: g.municipalityCodes.length,
			public: g.public,
			mine: g.mine
		})),
		group: group?.id ?? null,
		canSaveGroup: canGlobal(locals.user, 'peerGroup.manage'),
		counties: [...new Map(municipalities.map((m) => [m.countyCode, m.county]))]
			.map(([code, name]) => ({ code, name }))
			.sort((a, b) => svCollator.compare(a.name, b.name)),
		unknown: typed.unknown,
		withoutResult,
		rubrics: rubricTitles.map((r) => ({ id: r.id, title: r.title })),
		rubric: {
			id: rubric.id,
			title: rubric.title,
			year: rubric.year,
			maxPoints: rubric.maxPoints,
			areas: rubric.areas.map((a) => ({ id: a.id, title: a.title, maxPoints: a.maxPoints }))
		},
		average: {
			key: average.key,
			label: average.label,
			areas: average.areas,
			n: average.areaN,
			total: average.total,
			options: average.options,
			description: average.description
		},
		rows,
		caveats: rows
			.filter((r) => r.otherVersion)
			.map((r) =>
				t(r.level === 'areas' ? 'results.compare.mappedCaveat' : 'results.compare.olderTotal', {
					name: r.name,
					year: r.year,
					rubric: r.rubricTitle,
					target: rubric.title
				})
			)
	};
};

export const actions: Actions = {
	/** Saves the chosen municipalities as a named peer group. */
	saveGroup: async ({ locals, request, url }) => {
		const user = authorizeGlobal(locals, 'peerGroup.manage', url);
		const parsed = parseForm(locals, await request.formData(), saveGroupSchema);
		if (!parsed.ok) return parsed.failure;
		const municipalities = await listMunicipalities(locals.db);
		const { codes, unknown } = resolveNames(parsed.data.kommuner, municipalities);
		if (unknown.length) return fail(400, { errors: { kommuner: unknown.join(', ') } });
		const known = new Set(municipalities.map((m) => m.code));
		const all = [...new Set([...parsed.data.kommun.filter((c) => known.has(c)), ...codes])];
		const result = await attempt(locals, () =>
			createPeerGroup(locals.db, { id: user.id, email: user.email }, parsed.data.name, all, {
				public: parsed.data.public
			})
		);
		return typeof result === 'number' ? { savedGroup: result } : result;
	},

	/** Deletes one of the user's own peer groups. */
	deleteGroup: async ({ locals, request, url }) => {
		const user = authorizeGlobal(locals, 'peerGroup.manage', url);
		const parsed = parseForm(locals, await request.formData(), deleteGroupSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await attempt(locals, () =>
			deletePeerGroup(locals.db, { id: user.id, email: user.email }, parsed.data.id)
		);
		return result === undefined ? { deletedGroup: true } : result;
	}
};
