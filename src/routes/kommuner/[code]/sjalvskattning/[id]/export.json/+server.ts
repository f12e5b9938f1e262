import { json } from '@sveltejs/kit';
import { authorizeSelfAssessment } from '$lib/server/auth/guard';
import {
	findSelfAssessmentScope,
	parseSelfAssessmentId
} from '$lib/server/self-assessment/self-assessments';
import { exportSelfAssessment } from '$lib/server/self-assessment/exchange';
import type { RequestHandler } from './$types';

/** The self-assessment as a `"kind": "självskattning"` file, for the municipality's own users. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const found = await findSelfAssessmentScope(locals.db, parseSelfAssessmentId(params.id));
	const { scope } = authorizeSelfAssessment(
		locals,
		'selfAssessment.export',
		found?.municipalityCode === params.code ? found : undefined
	);
	const file = await exportSelfAssessment(locals.db, scope);
	return json(file, {
		headers: {
			'content-disposition': `attachment; filename="sjalvskattning-${scope.municipalityCode}-${scope.assessedOn}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
