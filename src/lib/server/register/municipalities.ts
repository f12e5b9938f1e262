import type { Database } from '../db';
import { svCollator } from '$lib/i18n';

export interface Municipality {
	code: string;
	name: string;
	countyCode: string;
	county: string;
}

/** All municipalities, sorted by Swedish collation (PGlite has no ICU). */
export async function listMunicipalities(db: Database): Promise<Municipality[]> {
	const rows = await db
		.selectFrom('municipality')
		.select(['code', 'name', 'county_code as countyCode', 'county'])
		.execute();
	return rows.sort((a, b) => svCollator.compare(a.name, b.name));
}

export async function findMunicipalityByCode(
	db: Database,
	code: string
): Promise<Municipality | undefined> {
	return db
		.selectFrom('municipality')
		.select(['code', 'name', 'county_code as countyCode', 'county'])
		.where('code', '=', code)
		.executeTakeFirst();
}

/** Inserts the register; existing codes are updated (names and counties change over time). */
export async function upsertMunicipalities(db: Database, municipalities: Municipality[]) {
	if (!municipalities.length) return;
	await db
		.insertInto('municipality')
		.values(
			municipalities.map((m) => ({
				code: m.code,
				name: m.name,
				county_code: m.countyCode,
				county: m.county
			}))
		)
		.onConflict((oc) =>
			oc.column('code').doUpdateSet((eb) => ({
				name: eb.ref('excluded.name'),
				county_code: eb.ref('excluded.county_code'),
				county: eb.ref('excluded.county')
			}))
		)
		.execute();
}
