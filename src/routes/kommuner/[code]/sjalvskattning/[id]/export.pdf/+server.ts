import { renderSelfAssessmentAppendix } from '$lib/server/report/self-assessment-appendix';
import { loadDownloadTable } from '$lib/server/results/self-assessment-download';
import type { RequestHandler } from './$types';

/** The self-assessment with its gap, the evaluators' points and the average, as a PDF appendix. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { table, fileName } = await loadDownloadTable(locals, params);
	const pdf = await renderSelfAssessmentAppendix(table, locals.locale);
	return new Response(new Uint8Array(pdf) as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
