/**
 * Forms and the exchange file of a self-assessment. The file is the result exchange format's
 * sibling: `"kind": "självskattning"`, the rubric and municipality, the group's agreed points per
 * subarea (with comments), and optionally the area points and total, which must equal the sums.
 * Strict: an unknown field is an error, so a typo never silently drops data.
 */
import { externalId } from './id';
import { z } from 'zod';
import { textLimits } from '$lib/domain/limits';
import { formList } from './form';

export const selfAssessmentKind = 'självskattning';
export const selfAssessmentFormat = 'kommunkompassen-self-assessment/1';

/** A real calendar day as 'YYYY-MM-DD' (2025-02-30 is refused, not shifted). */
export const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'sa.errors.date')
	.refine((value) => {
		const d = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
	}, 'sa.errors.date');

const points = z.number().int('must be a whole number').min(0, 'must be 0 or more');

export const selfAssessmentFileSchema = z.strictObject({
	kind: z.literal(selfAssessmentKind, { error: `must be "${selfAssessmentKind}"` }),
	format: z.literal(selfAssessmentFormat).optional(),
	exportedAt: z.string().optional(),
	rubric: z.string().min(1),
	municipality: z.strictObject({
		code: z.string().regex(/^\d{4}$/, 'must be a four-digit code as a string, e.g. "0114"'),
		name: z.string().optional()
	}),
	name: z.string().trim().min(1).max(200),
	date: isoDate,
	/** The group's agreed points per subarea id. */
	scores: z.record(z.string(), points),
	comments: z.record(z.string(), z.string().max(textLimits.justification)).optional(),
	areaScores: z.record(z.string(), points).optional(),
	total: points.optional(),
	actions: z
		.array(
			z.strictObject({
				subarea: z.string().min(1),
				title: z.string().trim().min(1).max(textLimits.findingItem),
				description: z.string().max(textLimits.comment).optional(),
				ownerRole: z.string().max(200).optional()
			})
		)
		.optional()
});

export type SelfAssessmentFile = z.infer<typeof selfAssessmentFileSchema>;

/** Starting a self-assessment: name, date, rubric version and the group. */
export const newSelfAssessmentSchema = z.object({
	name: z.string().trim().min(1, 'sa.errors.name').max(200, 'sa.errors.name'),
	assessedOn: isoDate,
	rubricId: z.string().min(1, 'sa.errors.rubric'),
	members: z.array(externalId).min(1, 'sa.errors.membersRequired')
});

/** A colleague invited as a municipality user. */
export const inviteSchema = z.object({
	email: z.email('errors.email').max(200),
	name: z.string().trim().min(1, 'errors.required').max(200)
});

/** An improvement action taken from a gap. */
export const gapActionSchema = z.object({
	subareaId: z.string().regex(/^[0-9]+\.[0-9]+$/, 'ws.errors.unknownSubarea'),
	title: z.string().trim().min(1, 'errors.required').max(textLimits.findingItem),
	description: z.string().max(textLimits.comment).default(''),
	/** Who carries it out, as a role; the action plan requires one. */
	ownerRole: z.string().trim().min(1, 'errors.required').max(200, 'errors.invalid'),
	/** The improvement possibilities it answers (ticked, repeated); none: the own list. */
	improvementIds: formList(
		z.array(
			z.coerce.number({ error: 'errors.invalid' }).int('errors.invalid').positive('errors.invalid')
		)
	)
});
