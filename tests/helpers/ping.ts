/** Times /api/v1/ping back to back while other work runs: the event loop's responsiveness. */
export async function samplePing(origin: string, whileRunning: Promise<unknown>) {
	let done = false;
	const settled = whileRunning.finally(() => (done = true));
	const times: number[] = [];
	while (!done) {
		const started = performance.now();
		const response = await fetch(`${origin}/api/v1/ping`);
		await response.arrayBuffer();
		times.push(performance.now() - started);
		await new Promise((r) => setTimeout(r, 10));
	}
	await settled;
	return times;
}

/** The p-th percentile (0–100) of some times, nearest rank. */
export function percentile(times: number[], p: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
