import { listMunicipalities } from '$lib/server/repositories/municipalities';
import {
	listLatestTotalsOnRubric,
	listPublishedResults
} from '$lib/server/repositories/comparisons';
import { getRubricOrThrow } from '$lib/server/repositories/rubrics';
import { chooseAverage } from '$lib/server/results/profile';
import { latestPerMunicipality, rankOf } from '$lib/domain/comparison';
import { svCollator } from '$lib/i18n';
import { fail } from '@sveltejs/kit';
import {
	createPeerGroup,
	deletePeerGroup,
	listPeerGroups
} from '$lib/server/repositories/peer-groups';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { attempt, intField } from '$lib/server/http/evaluation-route';
import { canGlobal } from '$lib/server/auth/policy';
import type { Actions, PageServerLoad } from './$types';

const rubricId = 'kommunkompassen-2020';

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
	const municipalities = await listMunicipalities(locals.db);
	const input = url.searchParams.get('kommuner') ?? '';
	const county = url.searchParams.get('lan') ?? '';
	const groups = await listPeerGroups(locals.db, locals.user?.id ?? null);
	const group = groups.find((g) => String(g.id) === url.searchParams.get('grupp'));
	const resolved = resolveNames(input, municipalities);
	const codes = [...resolved.codes, ...(group?.municipalityCodes ?? [])];
	const unknown = resolved.unknown;
	const rubric = await getRubricOrThrow(locals.db, rubricId);
	const countyCodes = county
		? municipalities.filter((m) => m.countyCode === county).map((m) => m.code)
		: [];
	const selected = [...new Set([...codes, ...countyCodes])];
	// Independent queries run concurrently: the page is as slow as the slowest, not their sum.
	const [published, average, latestTotals] = await Promise.all([
		listPublishedResults(locals.db, { rubricId, municipalityCodes: selected }),
		chooseAverage(locals.db, rubric, url.searchParams.get('snitt'), locals.locale),
		listLatestTotalsOnRubric(locals.db, rubricId)
	]);
	const results = latestPerMunicipality(published);
	const totals = latestTotals.map((t) => t.total);
	const rows = results
		.map((r) => ({
			code: r.municipalityCode,
			name: r.municipalityName,
			year: r.year,
			total: r.total,
			areas: r.areaScores,
			rank: r.total !== null ? rankOf(r.total, totals) : null
		}))
		.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || svCollator.compare(a.name, b.name));
	const withoutResult = selected
		.filter((c) => !results.some((r) => r.municipalityCode === c))
		.map((c) => municipalities.find((m) => m.code === c)!.name);
	return {
		input,
		county,
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
		unknown,
		withoutResult: codes.length
			? withoutResult.filter((n) =>
					codes.some((c) => municipalities.find((m) => m.code === c)?.name === n)
				)
			: [],
		rubric: {
			id: rubric.id,
			title: rubric.title,
			areas: rubric.areas.map((a) => ({ id: a.id, title: a.title, maxPoints: a.maxPoints }))
		},
		average: {
			key: average.key,
			label: average.label,
			areas: average.areas,
			options: average.options
		},
		rows
	};
};

export const actions: Actions = {
	/** Saves the municipalities typed in as a named peer group. */
	saveGroup: async ({ locals, request, url }) => {
		const user = authorizeGlobal(locals, 'peerGroup.manage', url);
		const form = await request.formData();
		const { codes, unknown } = resolveNames(
			String(form.get('kommuner') ?? ''),
			await listMunicipalities(locals.db)
		);
		if (unknown.length) return fail(400, { errors: { kommuner: unknown.join(', ') } });
		const result = await attempt(locals, () =>
			createPeerGroup(
				locals.db,
				{ id: user.id, email: user.email },
				String(form.get('name') ?? ''),
				codes,
				{ public: form.get('public') === 'on' }
			)
		);
		return typeof result === 'number' ? { savedGroup: result } : result;
	},

	/** Deletes one of the user's own peer groups. */
	deleteGroup: async ({ locals, request, url }) => {
		const user = authorizeGlobal(locals, 'peerGroup.manage', url);
		const form = await request.formData();
		const result = await attempt(locals, () =>
			deletePeerGroup(locals.db, { id: user.id, email: user.email }, intField(form, 'id'))
		);
		return result === undefined ? { deletedGroup: true } : result;
	}
};
