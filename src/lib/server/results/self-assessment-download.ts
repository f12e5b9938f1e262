/**
 * The table of one self-assessment for a download route: authorized as the JSON export is (the
 * municipality's own users), in the reader's language.
 */
import { authorizeSelfAssessment } from '../auth/guard';
import {
	findSelfAssessmentScope,
	parseSelfAssessmentId
} from '../self-assessment/self-assessments';
import { findMunicipalityByCode } from '../register/municipalities';
import { getRubricOrThrow } from '../register/rubrics';
import { loadSelfAssessmentTable } from './self-assessment-table';

export async function loadDownloadTable(locals: App.Locals, params: { code: string; id: string }) {
	const found = await findSelfAssessmentScope(locals.db, parseSelfAssessmentId(params.id));
	const { scope } = authorizeSelfAssessment(
		locals,
		'selfAssessment.export',
		found?.municipalityCode === params.code ? found : undefined
	);
	const [rubric, municipality] = await Promise.all([
		getRubricOrThrow(locals.db, scope.rubricId),
		findMunicipalityByCode(locals.db, scope.municipalityCode)
	]);
	const table = await loadSelfAssessmentTable(
		locals.db,
		scope,
		municipality?.name ?? scope.municipalityCode,
		rubric,
		locals.locale
	);
	return { table, fileName: `sjalvskattning-${scope.municipalityCode}-${scope.assessedOn}` };
}
