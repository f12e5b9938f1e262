import { downloadQuestions } from '$lib/server/actions/answer-files';
import type { RequestHandler } from './$types';

/** The rubric's questions as Word, grouped by area with room to answer, for forwarding. */
export const GET: RequestHandler = (event) => downloadQuestions(event, 'docx');
