import { toXlsx } from '$lib/server/http/spreadsheet';
import { loadDownloadTable } from '$lib/server/results/self-assessment-download';
import type { RequestHandler } from './$types';

/** The self-assessment with its gap, the evaluators' points and the average, as a spreadsheet. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { table, fileName } = await loadDownloadTable(locals, params);
	const bytes = await toXlsx(
		table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '),
		table.header,
		table.rows.map((r) => r.cells)
	);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${fileName}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
