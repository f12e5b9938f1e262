import { downloadOwnSheet } from '$lib/server/actions/sheet-file';
import type { RequestHandler } from './$types';

/** The signed-in evaluator's own blind sheet as Excel (only theirs, never the other's). */
export const GET: RequestHandler = (event) => downloadOwnSheet(event);
