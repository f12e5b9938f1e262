import { authorizeGlobal } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'user.manage', url);
	return {};
};
