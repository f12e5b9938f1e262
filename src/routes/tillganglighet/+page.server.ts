import type { PageServerLoad } from './$types';

/** The day the statement's assessment was last made (the DOS-lagen statement must date it). */
const assessedOn = '2026-11-27';

export const load: PageServerLoad = () => ({
	/** Where problems are reported; the operator sets it for their deployment. */
	contactEmail: process.env.ACCESSIBILITY_CONTACT_EMAIL || 'kommunkompassen@skr.se',
	/** When the pages were last assessed and the statement last updated. */
	assessedOn
});
