import type { ColumnType, Generated } from 'kysely';

/**
 * One strength of a published result, written by the trigger of
 * migrations/20261206190000_create_published_strength.ts, never by the app.
 */
export interface PublishedStrengthTable {
	id: Generated<number>;
	published_result_id: number;
	area_id: string;
	subarea_id: string | null;
	position: number;
	text: string;
	gold_star: boolean;
	/** to_tsvector('swedish_unaccent', text), generated. */
	tsv: ColumnType<string, never, never>;
}

export interface GoodExamplesTables {
	published_strength: PublishedStrengthTable;
}
