import { externalId } from './id';
import { z } from 'zod';
import { roles } from '$lib/domain/roles';

export const roleSchema = z.enum(roles, {
	error: 'errors.invalid'
});

const municipalityCode = z
	.string()
	.trim()
	.regex(/^\d{4}$/, 'errors.municipalityCode')
	.optional()
	.or(z.literal('').transform(() => undefined));

export const createUserSchema = z
	.object({
		email: z.email('errors.email').trim().max(254, 'errors.email'),
		name: z.string().trim().max(200, 'errors.invalid').default(''),
		// The form offers no role in advance: an empty choice asks for one.
		role: z.enum(roles, { error: 'admin.users.roleRequired' }),
		municipalityCode
	})
	.refine((v) => v.role !== 'municipality' || v.municipalityCode, {
		path: ['municipalityCode'],
		message: 'admin.users.municipalityRequired'
	});

export const updateUserSchema = z
	.object({
		id: externalId,
		name: z.string().trim().max(200, 'errors.invalid').optional(),
		role: roleSchema,
		municipalityCode
	})
	.refine((v) => v.role !== 'municipality' || v.municipalityCode, {
		path: ['municipalityCode'],
		message: 'admin.users.municipalityRequired'
	});
