/**
 * What a page reads an action's returned data through while `attempt()` (server/http/evaluation-route.ts)
 * returns `ActionFailure<Record<string, unknown>>` and so loses each action's own type. One named
 * home for the loose type: when actions are typed (issue 13), delete this file and follow the
 * type errors to every page that still reads `form` loosely.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one deliberate any; see above
export type LooseForm = Record<string, any>;
