/**
 * Every id and version that comes from outside is held to one rule (src/lib/schemas/id.ts): an
 * integer PostgreSQL's `integer` can hold. The table is the route tree itself (every
 * `+page.server.ts` and `+server.ts` under src/routes), so a route added later is probed too:
 * - each id segment of a path (`[id]`, `[docId]`) set to 2147483648 answers 404;
 * - each form action, sent every id and version field at 2147483648 (and at 20 digits), by a
 *   coordinator, an evaluator on the team and the municipality's contact, answers 4xx (or does
 *   its work), never a database error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import type { SessionUser } from '../../src/lib/server/auth/types';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { createSelfAssessment } from '../../src/lib/server/self-assessment/self-assessments';

const routeModules = import.meta.glob<Record<string, unknown>>([
	'../../src/routes/**/+page.server.ts',
	'../../src/routes/**/+server.ts'
]);

/** Path segments that name a row by number; other parameters keep a valid value. */
const numericParams = new Set(['id', 'docId']);
/** Routes whose `[id]` is not a number (a rubric's id is its name). */
const notNumeric = new Set(['/api/v1/rubrics/[id]']);
/** Form fields that carry a row id or version somewhere in the app. */
const idFields = [
	'id',
	'version',
	'documentId',
	'evidenceId',
	'undo',
	'improvementId',
	'findingId',
	'commentId',
	'page',
	'evaluationId',
	'members',
	'team',
	'contactUserId',
	'expectedVersion',
	'previousEvaluationId'
];
const tooBig = ['2147483648', '99999999999999999999'];

let t: TestDatabase;
let users: Record<string, SessionUser>;
let valid: Record<string, string>;

beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
	const demo = async (email: string): Promise<SessionUser> => {
		const row = await t.db
			.selectFrom('app_user')
			.select(['id', 'email', 'name', 'role', 'municipality_code'])
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		return {
			id: row.id,
			email: row.email,
			name: row.name,
			role: row.role,
			municipalityCode: row.municipality_code,
			mustChangePassword: false
		} as SessionUser;
	};
	const contact = await demo('demo-kontakt-hedemora@kommunkompassen.local');
	users = {
		coordinator: await createUser(t.db, { role: 'coordinator' }),
		evaluator: await demo('demo-utvarderare-a@kommunkompassen.local'),
		contact
	};
	const evaluation = await t.db
		.selectFrom('evaluation')
		.select(['id', 'rubric_id'])
		.where('municipality_code', '=', contact.municipalityCode!)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow();
	const document = await t.db
		.selectFrom('source_document')
		.select('id')
		.where('evaluation_id', '=', evaluation.id)
		.executeTakeFirstOrThrow();
	const rubric = await getRubricOrThrow(t.db, evaluation.rubric_id);
	const selfAssessment = await createSelfAssessment(t.db, contact, rubric, {
		municipalityCode: contact.municipalityCode!,
		rubricId: rubric.id,
		name: 'Probe',
		assessedOn: '2026-03-01',
		memberUserIds: [contact.id]
	});
	valid = {
		evaluation: String(evaluation.id),
		selfAssessment: String(selfAssessment),
		docId: String(document.id),
		code: contact.municipalityCode!,
		year: '2022'
	};
});
afterAll(async () => {
	await t?.close();
});

/** `/kommuner/[code]/sjalvskattning/[id]` from its file path. */
function routeIdOf(file: string) {
	const id = file.replace(/^.*\/src\/routes/, '').replace(/\/\+(page\.server|server)\.ts$/, '');
	return id || '/';
}

function paramNames(routeId: string) {
	return [...routeId.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
}

function validParam(routeId: string, name: string) {
	if (name === 'id')
		return routeId.includes('sjalvskattning') ? valid.selfAssessment : valid.evaluation;
	return valid[name] ?? '1';
}

function fakeEvent(
	routeId: string,
	params: Record<string, string>,
	user: SessionUser | null,
	body?: FormData
) {
	const path = routeId.replace(/\[(\w+)\]/g, (_, name) => params[name]);
	const url = new URL(`http://localhost${path}`);
	const request = new Request(url, body ? { method: 'POST', body } : undefined);
	return {
		locals: {
			db: t.db,
			user,
			session: user ? { id: 'probe', expiresAt: new Date(Date.now() + 3_600_000) } : null,
			locale: 'sv'
		},
		params,
		url,
		request,
		route: { id: routeId },
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		setHeaders() {},
		getClientAddress: () => '192.0.2.1',
		fetch,
		isDataRequest: false,
		isSubRequest: false,
		parent: async () => ({}),
		depends() {},
		untrack: <T>(fn: () => T) => fn()
	};
}

/** The status an answer amounts to, or the unexpected error itself. */
async function statusOf(run: () => unknown): Promise<number | Error> {
	try {
		const result = await run();
		if (result instanceof Response) return result.status;
		if (result && typeof result === 'object' && 'status' in result && 'data' in result) {
			return Number((result as { status: number }).status);
		}
		return 200;
	} catch (e) {
		if (isHttpError(e) || isRedirect(e)) return e.status;
		return e as Error;
	}
}

const routes = Object.entries(routeModules).map(([file, load]) => ({
	routeId: routeIdOf(file),
	kind: file.endsWith('+server.ts') ? ('endpoint' as const) : ('page' as const),
	load
}));

describe('ids and versions out of PostgreSQL integer range', () => {
	it('finds the route tree', () => {
		expect(routes.length).toBeGreaterThan(30);
	});

	const withIdSegment = routes.filter(
		(r) => !notNumeric.has(r.routeId) && paramNames(r.routeId).some((p) => numericParams.has(p))
	);
	it.each(withIdSegment.map((r) => [r.routeId, r.kind, r] as const))(
		'%s (%s): an id segment past 2³¹−1 is 404',
		async (routeId, kind, route) => {
			const module = await route.load();
			const handlers =
				kind === 'page'
					? ['load'].filter((h) => typeof module[h] === 'function')
					: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(
							(h) => typeof module[h] === 'function'
						);
			const answers: Record<string, unknown> = {};
			for (const name of paramNames(routeId).filter((p) => numericParams.has(p))) {
				for (const value of tooBig) {
					const params = Object.fromEntries(
						paramNames(routeId).map((p) => [p, p === name ? value : validParam(routeId, p)])
					);
					for (const who of [null, users.coordinator, users.evaluator, users.contact]) {
						for (const handler of handlers) {
							const event = fakeEvent(
								routeId,
								params,
								who,
								handler === 'load' ? undefined : new FormData()
							);
							const status = await statusOf(() =>
								(module[handler] as (e: unknown) => unknown)(event)
							);
							const key = `${handler} ${name}=${value} as ${who?.role ?? 'anonymous'}`;
							// Anonymous readers of a signed-in page are sent to sign in first.
							const answer =
								status instanceof Error ? status.message : status === 303 ? 404 : status;
							// A role the route refuses whatever the id (an admin page for an evaluator)
							// is refused the same way for this one: 403, never a 500.
							const refusedAnyway =
								answer === 403 &&
								(await statusOf(() =>
									(module[handler] as (e: unknown) => unknown)(
										fakeEvent(
											routeId,
											{ ...params, [name]: String(2 ** 31 - 1) },
											who,
											handler === 'load' ? undefined : new FormData()
										)
									)
								)) === 403;
							answers[key] = refusedAnyway ? 404 : answer;
						}
					}
				}
			}
			expect(Object.values(answers).length).toBeGreaterThan(0);
			for (const [key, status] of Object.entries(answers))
				expect([key, status]).toEqual([key, 404]);
		}
	);

	const pages = routes.filter((r) => r.kind === 'page');
	it.each(pages.map((r) => [r.routeId, r] as const))(
		'%s: every action refuses ids and versions past 2³¹−1 without a server error',
		async (routeId, route) => {
			const module = await route.load();
			const actions = (module.actions ?? {}) as Record<string, (e: unknown) => unknown>;
			const params = Object.fromEntries(
				paramNames(routeId).map((p) => [p, validParam(routeId, p)])
			);
			const answers: Record<string, unknown> = {};
			expect(typeof actions).toBe('object');
			for (const [name, action] of Object.entries(actions)) {
				for (const value of tooBig) {
					for (const who of Object.values(users)) {
						const form = new FormData();
						for (const field of idFields) form.set(field, value);
						form.set('confirm', 'on');
						const status = await statusOf(() => action(fakeEvent(routeId, params, who, form)));
						answers[`${name} ${value} as ${who.role}`] =
							status instanceof Error ? `${status.name}: ${status.message}` : status < 500;
					}
				}
			}
			for (const [key, ok] of Object.entries(answers)) expect([key, ok]).toEqual([key, true]);
		}
	);
});
