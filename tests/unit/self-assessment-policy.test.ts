import { describe, expect, it } from 'vitest';
import {
	canOnMunicipalitySelfAssessments,
	canOnSelfAssessment,
	municipalitySelfAssessmentActions,
	selfAssessmentActions,
	selfAssessmentVisibility,
	selfSheetVisibility,
	type SelfAssessmentAction,
	type SelfAssessmentScope
} from '../../src/lib/server/auth/policy';
import { sessionUser } from '../helpers/session-user';
import type { SelfAssessmentStatus } from '../../src/lib/domain/self-assessment';
import type { EvaluationStatus } from '../../src/lib/domain/lifecycle';

const user = sessionUser;

const actors = {
	anonymous: null,
	coordinator: user(1, 'coordinator'),
	/** On the shared evaluation's team, sheet handed in. */
	evaluatorSubmitted: user(2, 'evaluator'),
	/** On the shared evaluation's team, still scoring blind. */
	evaluatorBlind: user(3, 'evaluator'),
	otherEvaluator: user(4, 'evaluator'),
	member: user(5, 'municipality', '1883'),
	colleague: user(6, 'municipality', '1883'),
	otherMunicipality: user(7, 'municipality', '0115')
} as const;
type ActorName = keyof typeof actors;

const scope = (
	status: SelfAssessmentStatus,
	sharedStatus: EvaluationStatus | null = null
): SelfAssessmentScope => ({
	id: 3,
	municipalityCode: '1883',
	status,
	memberUserIds: [5],
	sharedWith: sharedStatus
		? {
				evaluationId: 10,
				status: sharedStatus,
				teamUserIds: [2, 3],
				submittedSheetUserIds: [2]
			}
		: null
});

const own = ['member', 'colleague'] as ActorName[];
/** Who may do each action, per self-assessment stage, when not shared. */
const expected: Record<SelfAssessmentStatus, Record<SelfAssessmentAction, ActorName[]>> = {
	poangsattning: {
		'selfAssessment.read': own,
		'selfAssessment.score': ['member'],
		'selfAssessment.compare': [],
		'selfAssessment.agree': [],
		'selfAssessment.finish': [],
		'selfAssessment.share': [],
		'selfAssessment.export': own,
		'selfAssessment.act': []
	},
	samsyn: {
		'selfAssessment.read': own,
		'selfAssessment.score': [],
		'selfAssessment.compare': own,
		'selfAssessment.agree': ['member'],
		'selfAssessment.finish': ['member'],
		'selfAssessment.share': [],
		'selfAssessment.export': own,
		'selfAssessment.act': []
	},
	klar: {
		'selfAssessment.read': own,
		'selfAssessment.score': [],
		'selfAssessment.compare': own,
		'selfAssessment.agree': [],
		'selfAssessment.finish': [],
		'selfAssessment.share': own,
		'selfAssessment.export': own,
		'selfAssessment.act': own
	}
};

describe('policy on one self-assessment: every role × action × stage', () => {
	for (const [status, allowed] of Object.entries(expected) as [
		SelfAssessmentStatus,
		Record<SelfAssessmentAction, ActorName[]>
	][]) {
		for (const action of selfAssessmentActions) {
			it(`${status} · ${action}`, () => {
				const decisions = Object.fromEntries(
					(Object.keys(actors) as ActorName[]).map((name) => [
						name,
						canOnSelfAssessment(actors[name], action, scope(status))
					])
				);
				const want = Object.fromEntries(
					(Object.keys(actors) as ActorName[]).map((name) => [name, allowed[action].includes(name)])
				);
				expect(decisions).toEqual(want);
			});
		}
	}
});

describe('a shared self-assessment', () => {
	it('is read by the coordinator and by evaluators whose own sheet is handed in, never written', () => {
		const shared = scope('klar', 'poangsattning');
		const readers = (Object.keys(actors) as ActorName[]).filter((n) =>
			canOnSelfAssessment(actors[n], 'selfAssessment.read', shared)
		);
		expect(readers).toEqual(['coordinator', 'evaluatorSubmitted', 'member', 'colleague']);
		for (const action of selfAssessmentActions) {
			if (action === 'selfAssessment.read') continue;
			for (const name of ['coordinator', 'evaluatorSubmitted'] as const)
				expect(canOnSelfAssessment(actors[name], action, shared), `${name} ${action}`).toBe(false);
		}
	});

	it('stays hidden from a blind evaluator in every blind stage, and shows once the team compares', () => {
		for (const stage of ['planering', 'insamling', 'poangsattning'] as const)
			expect(
				canOnSelfAssessment(actors.evaluatorBlind, 'selfAssessment.read', scope('klar', stage))
			).toBe(false);
		for (const stage of ['kalibrering', 'faktagranskning', 'publicerad'] as const)
			expect(
				canOnSelfAssessment(actors.evaluatorBlind, 'selfAssessment.read', scope('klar', stage))
			).toBe(true);
		expect(
			canOnSelfAssessment(actors.otherEvaluator, 'selfAssessment.read', scope('klar', 'publicerad'))
		).toBe(false);
	});

	it('never lets anonymous or another municipality see it', () => {
		for (const stage of ['poangsattning', 'publicerad'] as const)
			for (const action of selfAssessmentActions) {
				expect(canOnSelfAssessment(null, action, scope('klar', stage))).toBe(false);
				expect(canOnSelfAssessment(actors.otherMunicipality, action, scope('klar', stage))).toBe(
					false
				);
			}
	});
});

describe('policy on a municipality’s self-assessments', () => {
	const want: Record<(typeof municipalitySelfAssessmentActions)[number], ActorName[]> = {
		'selfAssessment.list': [
			'coordinator',
			'evaluatorSubmitted',
			'evaluatorBlind',
			'otherEvaluator',
			'member',
			'colleague'
		],
		'selfAssessment.create': own,
		'selfAssessment.invite': own,
		'selfAssessment.import': own
	};
	for (const action of municipalitySelfAssessmentActions) {
		it(action, () => {
			const allowed = (Object.keys(actors) as ActorName[]).filter((n) =>
				canOnMunicipalitySelfAssessments(actors[n], action, '1883')
			);
			expect(allowed).toEqual(want[action]);
		});
	}

	it('lists all for the municipality, the shared for the coordinator, and nothing for outsiders', () => {
		expect(selfAssessmentVisibility(actors.member, '1883')).toEqual({ kind: 'all' });
		expect(selfAssessmentVisibility(actors.coordinator, '1883')).toEqual({ kind: 'shared' });
		expect(selfAssessmentVisibility(actors.evaluatorBlind, '1883')).toEqual({
			kind: 'sharedWithEvaluator',
			userId: 3
		});
		expect(selfAssessmentVisibility(actors.otherMunicipality, '1883')).toBeNull();
		expect(selfAssessmentVisibility(null, '1883')).toBeNull();
	});

	it('a user who must change the password may do nothing', () => {
		const pending = { ...actors.member, mustChangePassword: true };
		expect(canOnMunicipalitySelfAssessments(pending, 'selfAssessment.list', '1883')).toBe(false);
		for (const action of selfAssessmentActions)
			expect(canOnSelfAssessment(pending, action, scope('klar'))).toBe(false);
	});
});

describe('whose sheets are visible', () => {
	it('is one’s own while scoring, everyone’s once all are handed in', () => {
		expect(selfSheetVisibility(actors.member, scope('poangsattning'))).toEqual({
			all: false,
			ownerId: 5
		});
		expect(selfSheetVisibility(actors.colleague, scope('poangsattning'))).toEqual({
			all: false,
			ownerId: null
		});
		expect(selfSheetVisibility(actors.colleague, scope('samsyn'))).toEqual({ all: true });
		expect(selfSheetVisibility(actors.coordinator, scope('klar', 'publicerad'))).toEqual({
			all: false,
			ownerId: null
		});
	});
});
