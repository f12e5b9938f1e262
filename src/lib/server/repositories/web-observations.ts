/** The evaluation's observations of the municipality's website and social media. */
import type { Database } from '../db';
import type { Actor } from './audit';
import { deleteOwned, evidenceCountOf, insertOwned, updateOwned } from './evaluation-rows';

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

/** Records an observation; returns its id. */
export async function createWebObservation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	input: WebObservationInput
): Promise<number> {
	const values = columnsOf(input);
	return db
		.transaction()
		.execute((trx) =>
			insertOwned(trx, actor, evaluationId, 'web_observation', values, audited(values))
		);
}

/** Updates an observation (version-checked); returns the new version. */
export async function updateWebObservation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	observationId: number,
	input: WebObservationInput,
	expectedVersion: number
): Promise<number> {
	const values = columnsOf(input);
	return updateOwned(
		db,
		actor,
		evaluationId,
		'web_observation',
		observationId,
		values,
		expectedVersion,
		audited
	);
}

/** Deletes an observation (undoably); refused while an evidence item quotes it. */
export async function deleteWebObservation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	observationId: number
): Promise<number> {
	return deleteOwned(db, actor, evaluationId, 'web_observation', observationId, {
		quotedAs: 'web_observation_id',
		audited
	});
}
