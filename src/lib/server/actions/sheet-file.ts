/** The blind sheet as an Excel file: the download and the import action of /utvarderingar/[id]/poang. */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../accounts/audit';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { refuse } from '../http/parse-form';
import { loadOwnSheet } from '../scoring/scores';
import { getEvaluationOrThrow } from '../evaluations/evaluations';
import { importOwnSheetValues } from '../scoring/sheet-import';
import { partIn } from '../auth/policy';
import { buildSheetXlsx, readSheetXlsx } from '../scoring/sheet-xlsx';
import { xlsxContentType } from '../office/workbook';
import { checkSheetRows, sheetVersion } from '$lib/domain/sheet-file';
import { translateKey } from '$lib/i18n/lookup';
import { pdfDisposition } from '../report/load';

type Event = RequestEvent<{ id: string }>;

/** The signed-in evaluator's own sheet as .xlsx; blind: only theirs, built from loadOwnSheet. */
export async function downloadOwnSheet({ locals, params }: Event): Promise<Response> {
	const { scope, rubric, user } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.readDraft'
	);
	// As the sheet page: only the team has sheets (the coordinator reads the draft, has no sheet).
	if (partIn(user, scope) !== 'evaluator')
		error(403, translateKey('sheet.xlsx.teamOnly', undefined, { locale: locals.locale }));
	const [sheet, facts] = await Promise.all([
		loadOwnSheet(locals.db, scope.id, user.id),
		getEvaluationOrThrow(locals.db, scope.id)
	]);
	const name = `${translateKey('sheet.xlsx.name', undefined, { locale: locals.locale })} ${facts.municipalityName} ${facts.year}`;
	const body = await buildSheetXlsx({
		rubric,
		scores: sheet.scores,
		marker: { evaluationId: scope.id, userId: user.id, version: sheetVersion(sheet.scores) },
		locale: locals.locale,
		title: name
	});
	return new Response(body as BodyInit, {
		headers: {
			'content-type': xlsxContentType,
			'content-disposition': pdfDisposition(`${name}.xlsx`, false),
			'cache-control': 'private, no-store'
		}
	});
}

/**
 * Imports a filled-in sheet file into one's own sheet: all or nothing, every problem listed with
 * its cell and subarea; a file made before the sheet's last save is refused until `confirm` is
 * sent, and a file of another evaluation or another evaluator's sheet never.
 */
export async function importOwnSheet({ locals, params, request }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sheet.edit');
	const form = await request.formData();
	const file = form.get('file');
	const context = { action: 'importSheet' as const, problems: [] as string[], confirm: false };
	if (!(file instanceof File) || file.size === 0)
		return refuse(locals, 'file', 'sheet.import.noFile', context);
	const read = await readSheetXlsx(new Uint8Array(await file.arrayBuffer()), rubric);
	if (!read) return refuse(locals, 'file', 'sheet.import.notSheet', context);
	if (read.marker.evaluationId !== scope.id || read.marker.userId !== user.id)
		return refuse(locals, 'file', 'sheet.import.otherSheet', context);
	const checked = checkSheetRows(rubric, read.rows, locals.locale);
	const t = (key: 'sheet.import.refused' | 'sheet.import.changedSince') =>
		translateKey(key, undefined, { locale: locals.locale });
	if (!checked.ok)
		return fail(400, {
			...context,
			problems: checked.problems,
			errors: { file: t('sheet.import.refused') } as Record<string, string>
		});
	const result = await attempt(
		locals,
		() =>
			importOwnSheetValues(locals.db, actorOf(user), scope.id, {
				fileVersion: read.marker.version,
				confirmed: form.get('confirm') === 'true',
				values: checked.values
			}),
		context
	);
	if (!('ok' in result)) return result;
	if (!result.ok)
		return fail(409, {
			...context,
			confirm: true,
			errors: { file: t('sheet.import.changedSince') } as Record<string, string>
		});
	return { action: 'importSheet' as const, imported: result.written };
}
