import { downloadQuestions } from '$lib/server/actions/answer-files';
import type { RequestHandler } from './$types';

/** The rubric's questions as Excel, one row per question with an answer column, to import back. */
export const GET: RequestHandler = (event) => downloadQuestions(event, 'xlsx');
