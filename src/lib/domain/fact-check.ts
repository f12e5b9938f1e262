/**
 * The fact check's comments: what they are about and how they close. The municipality's contact
 * comments on an area of the draft or on one finding of it; the team answers; the contact (or
 * the team, once answered) closes. Who may take a step is the policy's business.
 */

/** A comment's statuses in order: open, answered, closed. */
export const factCheckStatuses = ['oppen', 'besvarad', 'stangd'] as const;
export type FactCheckStatus = (typeof factCheckStatuses)[number];

/** What a comment is about: a whole area, or a strength, an improvement area or a narrative. */
export const factCheckTargetKinds = ['area', 'strength', 'improvement', 'narrative'] as const;
export type FactCheckTargetKind = (typeof factCheckTargetKinds)[number];

export type FactCheckTarget =
	| { kind: 'area'; areaId: string }
	| { kind: 'strength' | 'improvement'; areaId: string; findingId: number }
	| { kind: 'narrative'; areaId: string; subareaId: string };

/** The steps a comment can take; each names the status it leaves from. */
export const factCheckSteps = {
	answer: { from: ['oppen'], to: 'besvarad' },
	close: { from: ['oppen', 'besvarad'], to: 'stangd' }
} as const satisfies Record<string, { from: readonly FactCheckStatus[]; to: FactCheckStatus }>;
export type FactCheckStep = keyof typeof factCheckSteps;

/** Whether a comment in `status` can take `step` at all (the policy says by whom). */
export const canTakeStep = (status: FactCheckStatus, step: FactCheckStep): boolean =>
	(factCheckSteps[step].from as readonly FactCheckStatus[]).includes(status);
