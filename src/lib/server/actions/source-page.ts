/**
 * The sources pages — interviews, web observations, evidence items — edit their rows alike:
 * create, update (version-checked) and delete (undoable), each parse → attempt → redirect 303 to
 * the row, and refused input comes back with the values and a message per field. A page states
 * only what differs: its path, its rows' anchor, its schemas and repository functions.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Database } from '../db';
import { actorOf, type Actor } from '../accounts/audit';
import { attempt, authorizeEvaluationRoute, refusingBadInput } from '../http/evaluation-route';
import { parseForm, readForm } from '../http/parse-form';
import type { UndoableEntity } from '../evaluations/deleted-items';
import { undoAction } from './undo';
import { formValues } from '$lib/server/sources/schemas';
import { formId, formVersion } from '$lib/schemas/form';

export interface SourcePage<C extends z.ZodType, U extends z.ZodType> {
	/** The page below its evaluation: 'intervjuer' for /utvarderingar/12/intervjuer. */
	page: string;
	/** The id prefix of a row's element on the page: 'intervju' for #intervju-7. */
	anchor: string;
	/** What the page's deletions are kept for undo as; the page undoes only these. */
	entity: UndoableEntity;
	createSchema: C;
	/** Saves a new row; returns its id. */
	create: (db: Database, actor: Actor, evaluationId: number, data: z.output<C>) => Promise<number>;
	updateSchema: U;
	/** Saves an edit if the row is still at `expectedVersion` (else StaleWriteError). */
	update: (
		db: Database,
		actor: Actor,
		evaluationId: number,
		id: number,
		data: z.output<U>,
		expectedVersion: number
	) => Promise<number>;
	/** Deletes a row; returns the id that undoes it. */
	remove: (db: Database, actor: Actor, evaluationId: number, id: number) => Promise<number>;
}

type Event = RequestEvent<{ id: string }>;

/** Which row an edit or deletion is for, and the version the edit was based on. */
const rowForm = z.object({ id: formId, version: formVersion });

/** A sources page's form actions: `create`, `update`, `delete` and `undo`, all for `sources.edit`. */
export function sourcePageActions<C extends z.ZodType, U extends z.ZodType>(
	spec: SourcePage<C, U>
) {
	const pageOf = (evaluationId: number) => `/utvarderingar/${evaluationId}/${spec.page}`;
	const savedRow = (evaluationId: number, id: number) =>
		`${pageOf(evaluationId)}?sparad=${id}#${spec.anchor}-${id}`;
	const editor = async ({ locals, params }: Event) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		return { evaluationId: scope.id, actor: actorOf(locals.user!) };
	};

	return refusingBadInput({
		/** Saves a new row; refused input comes back with its values and a message per field. */
		create: async (event: Event) => {
			const { evaluationId, actor } = await editor(event);
			const { locals } = event;
			const form = await event.request.formData();
			const values = formValues(form);
			const parsed = parseForm(locals, form, spec.createSchema, {
				action: 'create' as const,
				values
			});
			if (!parsed.ok) return parsed.failure;
			const id = await attempt(
				locals,
				() => spec.create(locals.db, actor, evaluationId, parsed.data),
				{ action: 'create' as const, values }
			);
			if (typeof id !== 'number') return id;
			redirect(303, savedRow(evaluationId, id));
		},
		/** Saves an edited row; a stale version is refused (409) with the saved text beside yours. */
		update: async (event: Event) => {
			const { evaluationId, actor } = await editor(event);
			const { locals } = event;
			const form = await event.request.formData();
			const values = formValues(form);
			const { id, version } = readForm(form, rowForm);
			const parsed = parseForm(locals, form, spec.updateSchema, {
				action: 'update' as const,
				id,
				values
			});
			if (!parsed.ok) return parsed.failure;
			const result = await attempt(
				locals,
				() => spec.update(locals.db, actor, evaluationId, id, parsed.data, version),
				{ action: 'update' as const, id, values }
			);
			if (typeof result !== 'number') return result;
			redirect(303, savedRow(evaluationId, id));
		},
		/** Deletes a row (refused while something needs it) and offers to undo it. */
		delete: async (event: Event) => {
			const { evaluationId, actor } = await editor(event);
			const { locals } = event;
			const { id } = readForm(await event.request.formData(), rowForm);
			const result = await attempt(locals, () => spec.remove(locals.db, actor, evaluationId, id), {
				action: 'delete' as const,
				id
			});
			if (typeof result !== 'number') return result;
			redirect(303, `${pageOf(evaluationId)}?borttagen=${result}`);
		},
		/** Undoes a deletion made on this page within the last ten minutes. */
		undo: undoAction('sources.edit', [spec.entity])
	});
}

/**
 * What a sources page reads from its URL: the notices after a redirect and the open edit form.
 * `rows` are the page's rows, so an edit form opens only for one of them.
 */
export function sourcePageState(url: URL, rows: { id: number }[]) {
	const editId = Number(url.searchParams.get('redigera'));
	return {
		/** The row whose edit form is open (?redigera=ID), if any. */
		editingId: rows.some((r) => r.id === editId) ? editId : null,
		/** The row just saved (?sparad=ID), for the notice. */
		savedId: Number(url.searchParams.get('sparad')) || null,
		/** The deletion just made (?borttagen=ID), to offer undoing it. */
		deletedUndoId: Number(url.searchParams.get('borttagen')) || null,
		/** Whether a deletion was just undone (?aterstalld). */
		restored: url.searchParams.has('aterstalld')
	};
}
