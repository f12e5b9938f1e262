/**
 * The good-examples search (issue 33): median time of `findGoodExamples` — the query the page
 * and the API run, with the kommunsnitt beside each hit — on the demo data, and again after
 * 290 municipalities × 10 published evaluations with 24 strengths each (69 600 strengths).
 */
import { benchDatabase, fmt, medianMs } from './support';
import { seedNationalResults } from './national-data';
import {
	findGoodExamples,
	goodExamplesQuerySchema
} from '../../src/lib/server/results/good-examples';

const searches: Record<string, unknown>[] = [
	{ q: 'medborgardialogen' },
	{ q: 'styrmodell', area: '3' },
	{ q: 'uppföljning kvalitet' },
	{ area: '1', betterThan: '1883' },
	{}
];

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const k = db.opened.db;
	const time = async (label: string) => {
		const lines = [label];
		for (const filters of searches) {
			const query = goodExamplesQuerySchema.parse(filters);
			let total = 0;
			const median = await medianMs(20, async () => {
				total = (await findGoodExamples(k, query, 'sv')).total;
			});
			lines.push(`  ${JSON.stringify(filters)}: median ${fmt(median)} (${total} hits)`);
		}
		return lines;
	};
	try {
		const lines = [`database: ${db.label}`, ...(await time('demo data:'))];
		await seedNationalResults(k, { texts: true });
		const strengths = await k
			.selectFrom('published_strength')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		lines.push(...(await time(`290 × 10 published evaluations, ${strengths.n} strengths:`)));
		return lines;
	} finally {
		await db.drop();
	}
}
