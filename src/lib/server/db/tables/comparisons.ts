import type { Generated } from 'kysely';
import type { Timestamp } from './foundation';

export interface PeerGroupTable {
	id: Generated<number>;
	name: string;
	municipality_codes: string[];
	created_by: number | null;
	created_at: Timestamp;
}

export interface ComparisonsTables {
	peer_group: PeerGroupTable;
}
