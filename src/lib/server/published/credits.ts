import type { Database } from '../db';

export interface EvaluationCredit {
	/** The publisher the report is credited to; null when the team did it in this toolkit. */
	creditedAuthor: string | null;
	/** BCP 47 language the evaluators wrote the evaluation's texts in. */
	textLanguage: string;
}

/** What a report needs to credit an evaluation and mark its texts' language. */
export async function getEvaluationCredit(
	db: Database,
	evaluationId: number
): Promise<EvaluationCredit> {
	const row = await db
		.selectFrom('evaluation')
		.select(['credited_author', 'text_language'])
		.where('id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	return { creditedAuthor: row.credited_author, textLanguage: row.text_language };
}
