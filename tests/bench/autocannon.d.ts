/** The part of autocannon's API the benches use (the package ships no types). */
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		idReplacement?: boolean;
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
		max: number;
	}
	interface Result {
		requests: Histogram & { total: number };
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		duration: number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
	export type { Options, Result };
}
