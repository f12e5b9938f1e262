/**
 * Generation time of the Karlskoga 2022 report tagged (PDF/UA, as served) against the same
 * definition untagged (as before the tagging layer), measured alternately in one process so
 * both see the same load. Issue 31 allows the tagged report at most 1.5× the untagged one.
 *
 *   npx tsx --import ./scripts/svelte-register.js tests/bench/report-tagging.ts [model.json] [rounds]
 *
 * Without model.json the model is loaded from a new demo database (as the other benches).
 */
import { readFileSync } from 'node:fs';
import type { ReportModel } from '../../src/lib/domain/report/model';
import { reportDocDefinition } from '../../src/lib/server/report/pdf';
import { renderPdf } from '../../src/lib/server/report/pdfmake';

async function karlskoga(): Promise<ReportModel> {
	const { benchDatabase } = await import('./support');
	const { loadReportModel } = await import('../../src/lib/server/report/load');
	const db = await benchDatabase();
	const k = db.opened.db;
	const { id } = await k
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', '1883')
		.where('year', '=', 2022)
		.executeTakeFirstOrThrow();
	const { model } = await loadReportModel(k, id);
	await db.drop();
	return model;
}

const [file, roundsArg] = process.argv.slice(2);
const model: ReportModel = file ? JSON.parse(readFileSync(file, 'utf8')) : await karlskoga();
const rounds = Number(roundsArg ?? 7);
const untagged = () =>
	renderPdf({
		...reportDocDefinition(model),
		tagged: false,
		subset: undefined,
		displayTitle: false,
		version: '1.3'
	});
const tagged = () => renderPdf(reportDocDefinition(model));
// Wall time, and the process's CPU time, which a loaded machine distorts less.
const cpu = { untagged: [] as number[], tagged: [] as number[] };
const time = async (work: () => Promise<unknown>, kind: keyof typeof cpu) => {
	const start = performance.now();
	const used = process.cpuUsage();
	await work();
	const { user, system } = process.cpuUsage(used);
	cpu[kind].push((user + system) / 1000);
	return performance.now() - start;
};
await untagged();
await tagged(); // warm-up: fonts, modules, the radar component
const times = { untagged: [] as number[], tagged: [] as number[] };
for (let i = 0; i < rounds; i++) {
	times.untagged.push(await time(untagged, 'untagged'));
	times.tagged.push(await time(tagged, 'tagged'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const u = median(times.untagged);
const t = median(times.tagged);
console.log(
	`untagged (before): median ${u.toFixed(0)} ms of ${rounds} [${times.untagged.map((x) => x.toFixed(0)).join(', ')}]`
);
console.log(
	`tagged (after):    median ${t.toFixed(0)} ms of ${rounds} [${times.tagged.map((x) => x.toFixed(0)).join(', ')}]`
);
console.log(`ratio ${(t / u).toFixed(2)}× (wall)`);
const cu = median(cpu.untagged);
const ct = median(cpu.tagged);
console.log(
	`CPU: untagged median ${cu.toFixed(0)} ms, tagged ${ct.toFixed(0)} ms, ratio ${(ct / cu).toFixed(2)}×`
);
process.exit(0);
