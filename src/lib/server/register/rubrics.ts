import { createHash } from 'node:crypto';
import type { Database } from '../db';
import {
	checkRubric,
	checkRubricMapping,
	scoringStructure,
	sortRubricsNewestFirst,
	type Rubric
} from '$lib/domain/rubric';
import { ConfigurationError } from '../errors';

/** Stable JSON (sorted keys) so the hash does not depend on key order in the file. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function rubricHash(rubric: Rubric): string {
	return createHash('sha256')
		.update(canonicalJson(scoringStructure(rubric)))
		.digest('hex');
}

/** Parses and checks every file; the first bad one stops with a message naming file and path. */
export function parseRubricFiles(files: { file: string; json: unknown }[]): Rubric[] {
	const rubrics = files.map(({ file, json }) => {
		const result = checkRubric(json);
		if (!result.ok) {
			const first = result.problems[0];
			throw new ConfigurationError(
				`Rubric ${file} is invalid at ${first.path}: ${first.message}` +
					(result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problems)` : '')
			);
		}
		return result.rubric;
	});
	rubrics.forEach((rubric, i) => {
		const [first] = checkRubricMapping(rubric, rubrics);
		if (first) {
			throw new ConfigurationError(
				`Rubric ${files[i].file} is invalid at ${first.path}: ${first.message}`
			);
		}
	});
	return rubrics;
}

/**
 * Stores new rubric versions and refuses a changed file under a stored id: scores recorded
 * against a version must keep meaning what they meant. Keywords, guidance, questions and the
 * English texts (reading aids, outside the hash) are refreshed in place.
 */
export async function syncRubrics(
	db: Database,
	rubrics: Rubric[]
): Promise<{ added: string[]; refreshed: string[] }> {
	forgetCachedRubrics(db);
	return db.transaction().execute(async (trx) => {
		const stored = await trx
			.selectFrom('rubric')
			.select(['id', 'content_hash', 'definition'])
			.execute();
		const storedHash = new Map(stored.map((r) => [r.id, r.content_hash]));
		const storedJson = new Map(stored.map((r) => [r.id, canonicalJson(r.definition)]));
		const added: string[] = [];
		const refreshed: string[] = [];
		for (const rubric of rubrics) {
			const hash = rubricHash(rubric);
			const existing = storedHash.get(rubric.id);
			if (existing === undefined) {
				await trx
					.insertInto('rubric')
					.values({
						id: rubric.id,
						title: rubric.title,
						year: rubric.year,
						definition: JSON.stringify(rubric),
						content_hash: hash
					})
					.execute();
				added.push(rubric.id);
			} else if (existing !== hash) {
				throw new ConfigurationError(
					`Rubric "${rubric.id}" differs from the version stored in the database. ` +
						`A stored rubric is immutable: publish the change as a new version with a new id instead.`
				);
			} else if (storedJson.get(rubric.id) !== canonicalJson(rubric)) {
				// Only a changed reading aid is written: a start-up with unchanged files writes nothing.
				await trx
					.updateTable('rubric')
					.set({ definition: JSON.stringify(rubric) })
					.where('id', '=', rubric.id)
					.execute();
				refreshed.push(rubric.id);
			}
		}
		return { added, refreshed };
	});
}

export async function listRubrics(db: Database): Promise<Rubric[]> {
	const rows = await db.selectFrom('rubric').select(['definition']).execute();
	return sortRubricsNewestFirst(rows.map((r) => r.definition as Rubric));
}

/**
 * Rubrics read per database, kept for a minute: every workspace request and save needs its
 * evaluation's rubric, whose definition (with guidance and questions in two languages) is large
 * to fetch and parse each time. The scoring part never changes under an id; reading aids change
 * only when a start-up syncs new files, which clears this cache in that process, and other app
 * servers pick the change up within the minute.
 */
const rubricCacheMs = 60_000;
const rubricCache = new WeakMap<Database, Map<string, { rubric: Rubric; at: number }>>();

export function forgetCachedRubrics(db: Database): void {
	rubricCache.delete(db);
}

export async function findRubricById(db: Database, id: string): Promise<Rubric | undefined> {
	const cached = rubricCache.get(db)?.get(id);
	if (cached && Date.now() - cached.at < rubricCacheMs) return cached.rubric;
	const row = await db
		.selectFrom('rubric')
		.select(['definition'])
		.where('id', '=', id)
		.executeTakeFirst();
	const rubric = row?.definition as Rubric | undefined;
	if (rubric) {
		const perDb = rubricCache.get(db) ?? new Map();
		perDb.set(id, { rubric, at: Date.now() });
		rubricCache.set(db, perDb);
	}
	return rubric;
}

export async function getRubricOrThrow(db: Database, id: string): Promise<Rubric> {
	const rubric = await findRubricById(db, id);
	if (!rubric) throw new Error(`Unknown rubric ${id}`);
	return rubric;
}
