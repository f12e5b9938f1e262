/**
 * The daily digest of tasks past their planned date: one mail per person a day (not one per
 * task), to those who chose it. Run hourly by every app server; the day is claimed per user in
 * the database (queueOverdueDigest), so the digest is written once however many servers run it.
 */
import type { Database } from '../db';
import type { Locale } from '$lib/i18n';
import { formatDate } from '$lib/i18n';
import { todayInSweden } from '$lib/domain/tasks';
import { setupTaskMessage } from '$lib/i18n/families/setupTaskMessage';
import { loadTasks } from '../evaluations/tasks';
import { listOverdueDigestCandidates, queueOverdueDigest } from '../mail/notifications';
import { appOrigin } from '../mail/config';
import { log } from '../platform/log';
import { wakeOutbox } from './outbox';

/** Writes today's digests; returns how many were queued. */
export async function runOverdueDigest(
	db: Database,
	options: { today?: string; origin?: string } = {}
): Promise<number> {
	const today = options.today ?? todayInSweden();
	const origin = options.origin ?? appOrigin();
	const rows = await listOverdueDigestCandidates(db, today);
	const byUser = new Map<number, typeof rows>();
	for (const row of rows) byUser.set(row.id, [...(byUser.get(row.id) ?? []), row]);
	let queued = 0;
	for (const [, evaluations] of byUser) {
		const person = evaluations[0];
		const locale = person.locale as Locale;
		const items: { evaluation: string; task: string; date: string }[] = [];
		for (const e of evaluations) {
			const part = person.role === 'municipality' ? 'municipality' : 'evaluator';
			const { tasks } = await loadTasks(db, e.evaluationId, person.id, part, today);
			for (const task of tasks.filter((t) => t.late && t.due)) {
				items.push({
					evaluation: `${e.municipality} ${e.year}`,
					task: setupTaskMessage(task.code)({}, { locale }),
					date: formatDate(locale, task.due as string)
				});
			}
		}
		if (items.length && (await queueOverdueDigest(db, { ...person, locale }, today, items, origin)))
			queued++;
	}
	return queued;
}

let timer: NodeJS.Timeout | undefined;

/** Checks hourly (the first time a minute after start); each person gets at most one a day. */
export function startOverdueDigest(db: Database): void {
	if (timer) return;
	const run = () =>
		runOverdueDigest(db)
			.then((n) => {
				if (n) wakeOutbox();
			})
			.catch((e) => log.error({ err: e }, 'overdue digest failed; tried again in an hour'));
	const first = setTimeout(run, 60 * 1000);
	first.unref();
	timer = setInterval(run, 60 * 60 * 1000);
	timer.unref();
}

export function stopOverdueDigest(): void {
	clearInterval(timer);
	timer = undefined;
}
