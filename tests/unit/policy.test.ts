import { describe, expect, it } from 'vitest';
import {
	anonymousEvaluationActions,
	canGlobal,
	canOnEvaluation,
	canOnFactCheckComment,
	evaluationActions,
	globalActions,
	partIn,
	type EvaluationAction,
	type EvaluationScope
} from '../../src/lib/server/auth/policy';
import { sessionUser } from '../helpers/session-user';
import { stages, type EvaluationStatus } from '../../src/lib/domain/lifecycle';
import {
	factCheckStatuses,
	type FactCheckStatus,
	type FactCheckStep
} from '../../src/lib/domain/fact-check';

const user = sessionUser;

const actors = {
	anonymous: null,
	coordinator: user(1, 'coordinator'),
	teamDeclared: user(2, 'evaluator'),
	teamUndeclared: user(3, 'evaluator'),
	otherEvaluator: user(4, 'evaluator'),
	ownContact: user(5, 'municipality', '1883'),
	otherContact: user(6, 'municipality', '0115')
} as const;
type ActorName = keyof typeof actors;

const scope = (
	status: EvaluationStatus,
	extra: Partial<EvaluationScope> = {}
): EvaluationScope => ({
	id: 10,
	municipalityCode: '1883',
	status,
	teamUserIds: [2, 3],
	conflictFreeUserIds: [2],
	contactUserId: 5,
	actionPlanPublic: false,
	...extra
});

/** Who may do each action, per stage. Everyone not listed is denied. */
const expected: Record<EvaluationStatus, Partial<Record<EvaluationAction, ActorName[]>>> = {
	planering: {
		'evaluation.read': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.readDraft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.history': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.export': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.update': ['coordinator'],
		'evaluation.declareNoConflict': ['teamDeclared', 'teamUndeclared'],
		'evaluation.transition': ['coordinator', 'teamDeclared'],
		'sources.edit': ['teamDeclared', 'teamUndeclared'],
		'interview.readNotes': ['teamDeclared', 'teamUndeclared'],
		'writtenAnswer.read': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'document.read': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'document.upload': ['teamDeclared', 'teamUndeclared'],
		'report.draft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'followUp.edit': ['teamDeclared']
	},
	insamling: {
		'evaluation.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'evaluation.readDraft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.history': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.export': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.update': ['coordinator'],
		'evaluation.declareNoConflict': ['teamDeclared', 'teamUndeclared'],
		'evaluation.transition': ['coordinator', 'teamDeclared'],
		'findings.edit': ['teamDeclared'],
		'sources.edit': ['teamDeclared', 'teamUndeclared'],
		'interview.readNotes': ['teamDeclared', 'teamUndeclared'],
		'writtenAnswer.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'writtenAnswer.edit': ['ownContact'],
		'document.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.upload': ['teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.markCarried': ['ownContact'],
		'report.draft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'followUp.edit': ['teamDeclared']
	},
	poangsattning: {
		'evaluation.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'evaluation.readDraft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.history': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.export': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.update': ['coordinator'],
		'evaluation.declareNoConflict': ['teamDeclared', 'teamUndeclared'],
		'evaluation.transition': ['coordinator', 'teamDeclared'],
		'sheet.edit': ['teamDeclared'],
		'findings.edit': ['teamDeclared'],
		'sources.edit': ['teamDeclared', 'teamUndeclared'],
		'interview.readNotes': ['teamDeclared', 'teamUndeclared'],
		'writtenAnswer.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'writtenAnswer.edit': ['ownContact'],
		'document.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.upload': ['teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.markCarried': ['ownContact'],
		'report.draft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'followUp.edit': ['teamDeclared']
	},
	kalibrering: {
		'evaluation.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'evaluation.readDraft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.history': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.export': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.update': ['coordinator'],
		'evaluation.declareNoConflict': ['teamDeclared', 'teamUndeclared'],
		'evaluation.transition': ['coordinator', 'teamDeclared'],
		'sheet.compare': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'score.agree': ['teamDeclared'],
		'findings.edit': ['teamDeclared'],
		'sources.edit': ['teamDeclared', 'teamUndeclared'],
		'interview.readNotes': ['teamDeclared', 'teamUndeclared'],
		'writtenAnswer.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.upload': ['teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.markCarried': ['ownContact'],
		'report.draft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'followUp.edit': ['teamDeclared']
	},
	faktagranskning: {
		'evaluation.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'evaluation.readDraft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.history': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.export': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.update': ['coordinator'],
		'evaluation.declareNoConflict': ['teamDeclared', 'teamUndeclared'],
		'evaluation.publish': ['coordinator'],
		'evaluation.transition': ['coordinator', 'teamDeclared'],
		'sheet.compare': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'findings.edit': ['teamDeclared'],
		'sources.edit': ['teamDeclared', 'teamUndeclared'],
		'interview.readNotes': ['teamDeclared', 'teamUndeclared'],
		'writtenAnswer.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.upload': ['teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.markCarried': ['ownContact'],
		'factCheck.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'factCheck.comment': ['ownContact'],
		'factCheck.answer': ['teamDeclared', 'teamUndeclared'],
		'report.draft': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'followUp.edit': ['teamDeclared']
	},
	publicerad: {
		'evaluation.read': [
			'anonymous',
			'coordinator',
			'teamDeclared',
			'teamUndeclared',
			'otherEvaluator',
			'ownContact',
			'otherContact'
		],
		'evaluation.readDraft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.history': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.export': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'evaluation.startReevaluation': ['coordinator'],
		'evaluation.reopen': ['coordinator'],
		'sheet.compare': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'interview.readNotes': ['teamDeclared', 'teamUndeclared'],
		'writtenAnswer.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'document.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'factCheck.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'report.draft': ['coordinator', 'teamDeclared', 'teamUndeclared'],
		'actionPlan.read': ['coordinator', 'teamDeclared', 'teamUndeclared', 'ownContact'],
		'actionPlan.edit': ['ownContact']
	}
};

describe('policy on one evaluation: every role × action × stage', () => {
	for (const [status, allowed] of Object.entries(expected) as [
		EvaluationStatus,
		Partial<Record<EvaluationAction, ActorName[]>>
	][]) {
		for (const action of evaluationActions) {
			it(`${status} · ${action}`, () => {
				const decisions = Object.fromEntries(
					(Object.keys(actors) as ActorName[]).map((name) => [
						name,
						canOnEvaluation(actors[name], action, scope(status))
					])
				);
				const want = Object.fromEntries(
					(Object.keys(actors) as ActorName[]).map((name) => [
						name,
						(allowed[action] ?? []).includes(name)
					])
				);
				expect(decisions).toEqual(want);
			});
		}
	}

	it('a published action plan is public only once the municipality publishes it', () => {
		expect(canOnEvaluation(null, 'actionPlan.read', scope('publicerad'))).toBe(false);
		expect(
			canOnEvaluation(null, 'actionPlan.read', scope('publicerad', { actionPlanPublic: true }))
		).toBe(true);
	});

	it('grants nobody signed out anything but the anonymous actions, whatever the stage', () => {
		for (const status of stages) {
			for (const action of evaluationActions) {
				if ((anonymousEvaluationActions as readonly string[]).includes(action)) continue;
				expect(
					canOnEvaluation(null, action, scope(status, { actionPlanPublic: true })),
					`${status} · ${action}`
				).toBe(false);
			}
		}
	});

	it('another contact of the same municipality is not the designated contact', () => {
		const colleague = user(7, 'municipality', '1883');
		expect(canOnEvaluation(colleague, 'writtenAnswer.edit', scope('insamling'))).toBe(false);
		expect(
			canOnEvaluation(colleague, 'writtenAnswer.edit', scope('insamling', { contactUserId: null }))
		).toBe(true);
	});

	it('a user who must change the password may do nothing else', () => {
		const pending = { ...actors.coordinator, mustChangePassword: true };
		for (const action of evaluationActions) {
			if (action === 'evaluation.read') continue;
			expect(canOnEvaluation(pending, action, scope('insamling'))).toBe(false);
		}
		expect(canGlobal(pending, 'account.changePassword')).toBe(true);
		expect(canGlobal(pending, 'evaluation.create')).toBe(false);
	});
});

describe('policy on one fact-check comment', () => {
	/** Who may take each step on a comment in each status, during the fact check. */
	const rows: Record<FactCheckStep, Record<FactCheckStatus, ActorName[]>> = {
		answer: {
			oppen: ['teamDeclared', 'teamUndeclared'],
			besvarad: [],
			stangd: []
		},
		close: {
			// The contact withdraws an open comment; the team never closes one unanswered.
			oppen: ['ownContact'],
			besvarad: ['ownContact', 'teamDeclared', 'teamUndeclared'],
			stangd: []
		}
	};
	for (const [step, byStatus] of Object.entries(rows) as [
		FactCheckStep,
		Record<FactCheckStatus, ActorName[]>
	][]) {
		for (const status of factCheckStatuses) {
			it(`${step} · ${status}`, () => {
				const decisions = Object.fromEntries(
					(Object.keys(actors) as ActorName[]).map((name) => [
						name,
						canOnFactCheckComment(actors[name], step, scope('faktagranskning'), { status })
					])
				);
				const want = Object.fromEntries(
					(Object.keys(actors) as ActorName[]).map((name) => [
						name,
						byStatus[status].includes(name)
					])
				);
				expect(decisions).toEqual(want);
			});
		}
	}

	it('nobody answers or closes once the fact check is over', () => {
		for (const status of stages.filter((s) => s !== 'faktagranskning')) {
			for (const name of Object.keys(actors) as ActorName[]) {
				for (const step of ['answer', 'close'] as const) {
					expect(
						canOnFactCheckComment(actors[name], step, scope(status), { status: 'besvarad' }),
						`${status} · ${name} · ${step}`
					).toBe(false);
				}
			}
		}
	});
});

describe('policy on the programme', () => {
	const coordinatorOnly = [
		'evaluation.create',
		'evaluation.import',
		'user.manage',
		'audit.read',
		'results.import',
		'referenceAverage.manage',
		'rubric.manage',
		'backup.download'
	];
	const signedIn = ['evaluation.list', 'peerGroup.manage', 'account.changePassword'];
	for (const action of globalActions) {
		it(action, () => {
			for (const [name, actor] of Object.entries(actors)) {
				const want = coordinatorOnly.includes(action)
					? name === 'coordinator'
					: signedIn.includes(action)
						? actor !== null
						: false;
				expect([name, canGlobal(actor, action)]).toEqual([name, want]);
			}
		});
	}
});

describe('partIn: the part a user plays in one evaluation (their tasks follow from it)', () => {
	const expectedPart: Record<ActorName, string | null> = {
		anonymous: null,
		coordinator: 'coordinator',
		teamDeclared: 'evaluator',
		teamUndeclared: 'evaluator',
		otherEvaluator: null,
		ownContact: 'municipality',
		otherContact: null
	};
	it.each(Object.entries(expectedPart))('%s → %s', (name, part) => {
		expect(partIn(actors[name as ActorName], scope('insamling'))).toBe(part);
	});

	it('is none for another contact of the same municipality once the evaluation names its own', () => {
		const colleague = user(7, 'municipality', '1883');
		expect(partIn(colleague, scope('insamling'))).toBeNull();
		expect(partIn(colleague, scope('insamling', { contactUserId: null }))).toBe('municipality');
	});
});
