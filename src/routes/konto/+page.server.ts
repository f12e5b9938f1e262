import { requireUser } from '$lib/server/auth/guard';
import { findMunicipalityByCode } from '$lib/server/register/municipalities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		/** The signed-in user's own account details. */
		account: {
			email: user.email,
			name: user.name,
			role: user.role,
			municipality: user.municipalityCode
				? ((await findMunicipalityByCode(locals.db, user.municipalityCode))?.name ?? null)
				: null
		}
	};
};
