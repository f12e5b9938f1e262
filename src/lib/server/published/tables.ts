import type { Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';

export interface PeerGroupTable {
	id: Generated<number>;
	name: string;
	municipality_codes: string[];
	/** The owner: only they may delete the group or see it while it is not public. */
	created_by: number | null;
	created_at: Timestamp;
	/** Listed for everyone on /jamfor only when the owner chose so. */
	public: Generated<boolean>;
}

/**
 * Precomputed figures of the published results (`kind` 'rubric': national averages and totals of
 * one rubric version, keyed by rubric id; 'municipality': one municipality's published history,
 * keyed by code). Written in the transaction that changes published results, and again on the
 * first read after `aggregateRuleVersion` changed.
 */
export interface PublishedAggregateTable {
	kind: string;
	key: string;
	data: JSONColumnType<object>;
	/** `aggregateRuleVersion` when computed: a row of another version is stale, never served. */
	rule_version: number;
	refreshed_at: Generated<Timestamp>;
}

export interface ComparisonsTables {
	peer_group: PeerGroupTable;
	published_aggregate: PublishedAggregateTable;
}
