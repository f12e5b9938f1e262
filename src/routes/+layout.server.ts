import { canGlobal } from '$lib/server/auth/policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	return {
		/** The request's locale: every page renders in it. */
		locale: locals.locale,
		/** The signed-in user (for the menu), without anything secret. */
		user: locals.user
			? { name: locals.user.name, email: locals.user.email, role: locals.user.role }
			: null,
		/** Whether the menu offers the admin pages: the policy's answer for what /admin requires. */
		canAdmin: canGlobal(locals.user, 'user.manage'),
		/** Where the language switch returns to. */
		path: url.pathname + url.search
	};
};
