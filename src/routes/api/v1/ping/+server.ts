import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** A constant answer: the baseline the benchmarks compare real endpoints with, and a health check. */
export const GET: RequestHandler = () => json({ ok: true });
