/**
 * The audit trail: one append-only row per change to evaluation data, users and rubrics, written
 * in the same transaction as the change (pass the transaction). The table refuses UPDATE and DELETE.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types';

/** Who did it: a signed-in user, or the system/CLI for start-up seeding and scripts. */
export type Actor = { id: number; email: string } | { id: null; label: 'system' | 'cli' };

export interface AuditEntry {
	actor: Actor;
	/** Table-like name of what changed: 'evaluation', 'agreed_score', 'app_user', … */
	entity: string;
	entityId: string | number;
	/** The evaluation the change belongs to, so its own history can be shown to its team. */
	evaluationId?: number | null;
	/** 'create' | 'update' | 'delete' | a domain verb such as 'publish', 'transition' */
	action: string;
	before?: unknown;
	after?: unknown;
	reason?: string | null;
}

export const systemActor: Actor = { id: null, label: 'system' };
export const cliActor: Actor = { id: null, label: 'cli' };

/** How the trail names an actor: the user's e-mail, or 'system' / 'cli'. */
export function actorLabel(actor: Actor): string {
	return actor.id === null ? actor.label : actor.email;
}

export async function recordAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry) {
	await trx
		.insertInto('audit_log')
		.values({
			actor_id: entry.actor.id,
			actor_label: actorLabel(entry.actor),
			entity: entry.entity,
			entity_id: String(entry.entityId),
			evaluation_id: entry.evaluationId ?? null,
			action: entry.action,
			before: entry.before === undefined ? null : JSON.stringify(entry.before),
			after: entry.after === undefined ? null : JSON.stringify(entry.after),
			reason: entry.reason ?? null
		})
		.execute();
}

/** The actor for a request's signed-in user. */
export function actorOf(user: { id: number; email: string }): { id: number; email: string } {
	return { id: user.id, email: user.email };
}
