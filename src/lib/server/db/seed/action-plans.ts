import type { Database } from '../index';
import type { SeedLog } from './index';
import { systemActor } from '../../accounts/audit';
import { findSeededKarlskoga } from './karlskoga';
import {
	addProgressNote,
	saveActionItem,
	setActionPlanPublic
} from '../../action-plans/action-plans';

/** Example actions on Karlskoga 2022's improvement possibilities, published by the municipality. */
export async function seedActionPlans(db: Database, log: SeedLog): Promise<void> {
	const karlskoga = await findSeededKarlskoga(db);
	if (karlskoga === undefined) return;
	const improvements = await db
		.selectFrom('improvement')
		.select(['id', 'area_id', 'text'])
		.where('evaluation_id', '=', karlskoga)
		.orderBy('area_id')
		.orderBy('position')
		.execute();
	const first = (areaId: string) => improvements.find((i) => i.area_id === areaId);
	const examples = [
		{
			areaId: '1',
			title: 'Uppföljning av medborgardialoger',
			ownerRole: 'Kanslichef',
			status: 'genomford' as const,
			start: '2023-02-01',
			target: '2023-12-31',
			note: 'Rutin för återkoppling efter dialoger beslutad i kommunstyrelsen.'
		},
		{
			areaId: '3',
			title: 'Nulägesanalyser inför mål och budget',
			ownerRole: 'Ekonomichef',
			status: 'pagar' as const,
			start: '2023-09-01',
			target: '2025-06-30',
			note: 'Första analysen redovisad vid budgetdialogen.'
		},
		{
			areaId: '7',
			title: 'Plan för strategisk kompetensförsörjning',
			ownerRole: 'HR-chef',
			status: 'planerad' as const,
			start: '2024-01-15',
			target: '2026-06-30',
			note: null
		}
	];
	let n = 0;
	for (const ex of examples) {
		const improvement = first(ex.areaId);
		if (!improvement) continue;
		const id = await saveActionItem(db, systemActor, karlskoga, null, {
			title: ex.title,
			description: `Åtgärd för förbättringsmöjligheten: ${improvement.text}`,
			ownerRole: ex.ownerRole,
			startDate: ex.start,
			targetDate: ex.target,
			status: ex.status,
			improvementIds: [improvement.id],
			recommendationIds: []
		});
		if (ex.note) await addProgressNote(db, systemActor, karlskoga, id, ex.start, ex.note);
		n += 1;
	}
	await setActionPlanPublic(db, systemActor, karlskoga, true);
	log(`Demo: ${n} example actions on Karlskoga 2022's improvement possibilities.`);
}
