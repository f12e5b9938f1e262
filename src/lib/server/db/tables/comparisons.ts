import type { Generated } from 'kysely';
import type { Timestamp } from './foundation';

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

export interface ComparisonsTables {
	peer_group: PeerGroupTable;
}
