/** The evaluation's observations of the municipality's website and social media. */
import type { Database } from '../db';
import { evidenceCountOf, sourceWrites } from '../evaluations/rows';

export interface WebObservationInput {
	url: string;
	/** 'YYYY-MM-DD' */
	seenOn: string;
	note: string;
}

export interface WebObservationView extends WebObservationInput {
	id: number;
	rowVersion: number;
	evidenceCount: number;
}

/** The evaluation's observations of the website and social media, oldest first. */
export async function listWebObservations(
	db: Database,
	evaluationId: number
): Promise<WebObservationView[]> {
	return db
		.selectFrom('web_observation as w')
		.select([
			'w.id',
			'w.url',
			'w.seen_on as seenOn',
			'w.note',
			'w.row_version as rowVersion',
			evidenceCountOf('web_observation', 'w')
		])
		.where('w.evaluation_id', '=', evaluationId)
		.orderBy('w.seen_on')
		.orderBy('w.id')
		.execute();
}

const columnsOf = (input: WebObservationInput) => ({
	url: input.url,
	seen_on: input.seenOn,
	note: input.note
});

/** An observation as the audit trail records it: all of it (nothing in it is private). */
const audited = (row: { url: string; seen_on: string; note: string }) => ({
	url: row.url,
	seenOn: row.seen_on,
	note: row.note
});

const writes = sourceWrites('web_observation', columnsOf, audited);

/** Records an observation; returns its id. */
export const createWebObservation = writes.create;

/** Updates an observation (version-checked); returns the new version. */
export const updateWebObservation = writes.update;

/** Deletes an observation (undoably); refused while an evidence item quotes it. */
export const deleteWebObservation = writes.remove;
