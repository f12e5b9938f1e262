/**
 * Saying when rather than "no": which later stage opens something a user may not do yet, and who
 * acts in each stage (so a page can say whose move it is now). Pure; the policy is passed in.
 */
import { stages, type EvaluationStatus } from './lifecycle';

/**
 * The first stage after `status` in which `allowedAt` grants the action; null when no later stage
 * does (then it is a plain "no", not "not yet").
 */
export function openingStage(
	status: EvaluationStatus,
	allowedAt: (stage: EvaluationStatus) => boolean
): EvaluationStatus | null {
	return stages.slice(stages.indexOf(status) + 1).find(allowedAt) ?? null;
}

/** Who moves the work on in each stage. */
export const actorOfStage = {
	planering: 'coordinator',
	insamling: 'municipalityAndTeam',
	poangsattning: 'team',
	kalibrering: 'team',
	faktagranskning: 'municipality',
	publicerad: 'municipality'
} as const satisfies Record<EvaluationStatus, string>;

/** The stage after `status` (publishing is the last), or null when published. */
export function nextStage(status: EvaluationStatus): EvaluationStatus | null {
	return stages[stages.indexOf(status) + 1] ?? null;
}
