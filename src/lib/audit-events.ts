/**
 * An audit entry in words, for the history and the admin log: "Poäng sparad, 3.2",
 * "Steg: Kalibrering → Faktagranskning", and the fields that changed with their names — never
 * table names or internal event codes.
 */
import { isMessageKey, type Locale, type Translate } from '$lib/i18n';
import { stageLabels } from '$lib/domain/lifecycle';

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

function showValue(value: unknown, t: Translate, locale: Locale, field: string): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
	if (field === 'status' && typeof value === 'string' && value in stageLabels) {
		return stageLabels[value as keyof typeof stageLabels][locale];
	}
	return typeof value === 'string' ? value : JSON.stringify(value);
}

export function describeAuditEntry(
	entry: AuditEntryLike,
	t: Translate,
	locale: Locale
): DescribedEntry {
	const key = `audit.${entry.entity}.${entry.action}`;
	const name = isMessageKey(key)
		? t(key)
		: t('audit.generic', { entity: entry.entity, action: entry.action });
	const before = asRecord(entry.before);
	const after = asRecord(entry.after);

	if (entry.entity === 'evaluation' && entry.action === 'transition') {
		const from = showValue(before.status, t, locale, 'status');
		const to = showValue(after.status, t, locale, 'status');
		return { event: `${name}: ${from} → ${to}`, changes: [] };
	}
	const subject = subjectOf(entry.entityId);
	const changes: FieldChange[] = [];
	for (const field of shownFields) {
		if (!(field in before) && !(field in after)) continue;
		const was = showValue(before[field], t, locale, field);
		const now = showValue(after[field], t, locale, field);
		if (was === now && field in before) continue;
		const long = was.length > 80 || now.length > 80;
		changes.push({ label: t(`audit.field.${field}`), before: was, after: now, long });
	}
	return { event: subject ? `${name}, ${subject}` : name, changes };
}
