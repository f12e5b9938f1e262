/**
 * An audit entry in words, for the history and the admin log: "Poäng sparad, 3.2",
 * "Steg: Kalibrering → Faktagranskning", and the fields that changed with their names — never
 * table names or internal event codes.
 */
import type { Locale } from '$lib/i18n';
import { auditMessage, stageMessage } from '$lib/i18n/lookups';
import { m } from '$lib/paraglide/messages.js';

export interface AuditEntryLike {
	entity: string;
	entityId: string;
	action: string;
	before: unknown;
	after: unknown;
}

export interface FieldChange {
	label: string;
	before: string;
	after: string;
	/** Long texts are shown in full only on request. */
	long: boolean;
}

export interface DescribedEntry {
	event: string;
	changes: FieldChange[];
}

/** Fields worth showing, in this order; everything else is summed up as "Övrigt". */
const shownFields = [
	'status',
	'points',
	'justification',
	'text',
	'goldStar',
	'answer',
	'quote',
	'note',
	'title',
	'place'
] as const;

const subareaId = /^\d+\.\d+$/;

/** What an entity id names for people: a subarea ("3.2"), an area ("Område 4") or nothing. */
function subjectOf(entityId: string): string {
	const last = entityId.split(':').at(-1) ?? '';
	return subareaId.test(last) ? last : '';
}

function asRecord(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function showValue(value: unknown, locale: Locale, field: string): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'boolean') return (value ? m['audit.yes'] : m['audit.no'])({}, { locale });
	if (field === 'status' && typeof value === 'string' && stageMessage.has(value)) {
		return stageMessage(value)({}, { locale });
	}
	return typeof value === 'string' ? value : JSON.stringify(value);
}

export function describeAuditEntry(entry: AuditEntryLike, locale: Locale): DescribedEntry {
	const key = `${entry.entity}.${entry.action}`;
	const name = auditMessage.has(key)
		? auditMessage(key)({}, { locale })
		: m['audit.generic']({ entity: entry.entity, action: entry.action }, { locale });
	const before = asRecord(entry.before);
	const after = asRecord(entry.after);

	if (entry.entity === 'evaluation' && entry.action === 'transition') {
		const from = showValue(before.status, locale, 'status');
		const to = showValue(after.status, locale, 'status');
		return { event: `${name}: ${from} → ${to}`, changes: [] };
	}
	const subject = subjectOf(entry.entityId);
	const changes: FieldChange[] = [];
	for (const field of shownFields) {
		if (!(field in before) && !(field in after)) continue;
		const was = showValue(before[field], locale, field);
		const now = showValue(after[field], locale, field);
		if (was === now && field in before) continue;
		const long = was.length > 80 || now.length > 80;
		changes.push({
			label: auditMessage(`field.${field}`)({}, { locale }),
			before: was,
			after: now,
			long
		});
	}
	return { event: subject ? `${name}, ${subject}` : name, changes };
}
