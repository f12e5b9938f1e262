import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';
import type { Role } from '$lib/domain/roles';

export interface AppUserTable {
	id: Generated<number>;
	email: string;
	name: Generated<string>;
	role: Role;
	municipality_code: string | null;
	password_hash: string;
	must_change_password: Generated<boolean>;
	active: Generated<boolean>;
	created_at: Timestamp;
	updated_at: Timestamp;
	/** The language of the mail the user gets. */
	locale: Generated<'sv' | 'en'>;
	notify_fact_check: Generated<boolean>;
	notify_stage: Generated<boolean>;
	notify_overdue: Generated<boolean>;
	notify_self_assessment: Generated<boolean>;
	/** The day the last overdue digest was written, so it goes out once a day. */
	overdue_digest_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserSessionTable {
	id: string;
	user_id: number;
	/** SHA-256 of the token's secret part; the secret itself is never stored. */
	secret_hash: Uint8Array;
	created_at: Timestamp;
	last_verified_at: Timestamp;
}

export interface LoginAttemptTable {
	/** What is throttled: see `throttleKeys` in auth/rate-limit.ts. */
	key: string;
	/** Attempts reserved in the current window (counted before the password is checked). */
	attempts: Generated<number>;
	window_started_at: Timestamp;
	/** The earliest time the next attempt may go ahead; null while attempts are free. */
	next_attempt_at: Date | null;
}

/** A browser that signed in to the account before (auth/device.ts): only its token's hash. */
export interface SignInDeviceTable {
	token_hash: Uint8Array;
	user_id: number;
	created_at: Timestamp;
	last_used_at: Timestamp;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: Timestamp;
	actor_id: number | null;
	/** Who, readable even if the account is later renamed: e-mail or 'system'/'cli'. */
	actor_label: string;
	entity: string;
	entity_id: string;
	evaluation_id: number | null;
	action: string;
	before: ColumnType<unknown, string | null, never>;
	after: ColumnType<unknown, string | null, never>;
	reason: ColumnType<string | null, string | null | undefined, never>;
}

export interface AccountsTables {
	app_user: AppUserTable;
	user_session: UserSessionTable;
	login_attempt: LoginAttemptTable;
	sign_in_device: SignInDeviceTable;
	audit_log: AuditLogTable;
}

/** A mail waiting to be sent, or sent (migration 20261206160000). */
export interface OutboxTable {
	id: Generated<number>;
	/** What caused it: 'invitation', 'reset', 'fact-check', 'stage', 'overdue', 'self-assessment'. */
	kind: string;
	recipient: string;
	user_id: number | null;
	subject: string;
	text_body: string;
	html_body: string;
	link: string | null;
	created_at: Timestamp;
	attempts: Generated<number>;
	next_attempt_at: Timestamp;
	claimed_by: string | null;
	claimed_at: Date | null;
	sent_at: Date | null;
	last_error: string | null;
}

/** An invitation or password-reset link; only the SHA-256 of its token is stored. */
export interface AccountTokenTable {
	id: Generated<number>;
	user_id: number;
	purpose: 'invitation' | 'reset';
	token_hash: Uint8Array;
	created_at: Timestamp;
	expires_at: Date;
	used_at: Date | null;
}

export interface MailTables {
	outbox: OutboxTable;
	account_token: AccountTokenTable;
}
