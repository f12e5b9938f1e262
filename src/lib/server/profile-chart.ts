import { error } from '@sveltejs/kit';
import type { Database } from './db';
import { findMunicipalityByCode } from './repositories/municipalities';
import { loadMunicipalityProfile } from './municipality-profile';
import { radarGeometry, radarSvg } from '$lib/domain/charts/radar';

/** The municipality's radar as a standalone SVG, the same geometry as on the page. */
export async function profileSvg(
	db: Database,
	code: string,
	averageKey: string | null,
	locale: 'sv' | 'en'
) {
	const municipality = await findMunicipalityByCode(db, code);
	if (!municipality) error(404, 'Kommunen finns inte');
	const { profile } = await loadMunicipalityProfile(
		db,
		code,
		municipality.name,
		averageKey,
		locale
	);
	if (!profile) error(404, 'Kommunen har inga resultat per område');
	const geometry = radarGeometry(
		profile.rubric.areas.map((a) => ({ id: a.id, label: a.title, max: a.maxPoints })),
		profile.series.slice(0, 6),
		{ size: 640, margin: 150 }
	);
	return {
		svg: radarSvg(geometry, { title: `${municipality.name} ${profile.result.year}` }),
		name: `${municipality.name}-${profile.result.year}`
	};
}
