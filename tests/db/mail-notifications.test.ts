/**
 * Issue 29's notifications that mail.test.ts does not cover, each received over SMTP by a real
 * server in the test process and parsed with mailparser: a stage move mails exactly those with
 * something to do in the new stage, the daily overdue digest is one mail per person and day, and
 * the self-assessment's invitation and share mails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import type { TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { linkIn, mailsTo, recipientOf, type TestSmtp, useMailTestbed } from '../helpers/smtp';
import { actorOf, systemActor } from '../../src/lib/server/accounts/audit';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { transitionEvaluation } from '../../src/lib/server/evaluations/transitions';
import {
	saveMailLocale,
	saveNotificationChoices,
	type NotificationChoices
} from '../../src/lib/server/mail/notifications';
import { runOverdueDigest } from '../../src/lib/server/jobs/overdue-digest';
import {
	createSelfAssessment,
	shareSelfAssessment
} from '../../src/lib/server/self-assessment/self-assessments';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { findUsableToken } from '../../src/lib/server/accounts/account-tokens';
import { actions as selfAssessmentActions } from '../../src/routes/kommuner/[code]/sjalvskattning/+page.server';
import type { SessionUser } from '../../src/lib/server/auth/types';

const origin = 'https://kompass.example.se';
const from = 'Kommunkompassen <noreply@kompass.example.se>';

const bed = useMailTestbed({ origin, from });
let t: TestDatabase;
let smtp: TestSmtp;
beforeAll(() => {
	({ t, smtp } = bed);
});
const send = () => bed.send();

const everything: NotificationChoices = {
	factCheck: true,
	stage: true,
	overdue: true,
	selfAssessment: true
};

/** A user with a mail language and (optionally) one kind of mail turned off. */
async function person(
	input: {
		role: 'evaluator' | 'municipality' | 'coordinator';
		name: string;
		municipalityCode?: string;
	},
	locale: 'sv' | 'en',
	off?: keyof NotificationChoices
): Promise<SessionUser> {
	const user = await createUser(t.db, input);
	await saveMailLocale(t.db, user.id, locale);
	if (off) await saveNotificationChoices(t.db, user.id, { ...everything, [off]: false });
	return user;
}

/** A multipart mail: both parts there, the HTML part carrying the same links as the text. */
function expectMultipart(mail: ParsedMail, ...links: string[]) {
	expect(mail.text).toBeTruthy();
	expect(mail.html).toBeTruthy();
	for (const link of links) {
		expect(mail.text).toContain(link);
		expect(mail.html).toContain(`href="${link}"`);
	}
}

describe('stage mail', () => {
	it('goes to exactly those with something to do in the new stage who want it, in their language', async () => {
		const coordinator = await person({ role: 'coordinator', name: 'Sam Samordnare' }, 'sv');
		const undeclared = await person({ role: 'evaluator', name: 'Ulla Ointygad' }, 'sv');
		const declared = await person({ role: 'evaluator', name: 'Dan Declared' }, 'en');
		const optedOut = await person({ role: 'evaluator', name: 'Tyst Utvärderare' }, 'sv', 'stage');
		const contact = await person(
			{ role: 'municipality', municipalityCode: '1883', name: 'Kim Contact' },
			'en'
		);
		const id = await createEvaluation(t.db, systemActor, {
			municipalityCode: '1883',
			year: 2063,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [undeclared.id, declared.id, optedOut.id],
			contactUserId: contact.id,
			visitStart: null,
			visitEnd: null
		});
		await t.db
			.updateTable('evaluation_member')
			.set({ no_conflict_declared_at: new Date() })
			.where('evaluation_id', '=', id)
			.where('user_id', 'in', [declared.id, optedOut.id])
			.execute();
		const move = async (to: Parameters<typeof transitionEvaluation>[3]) => {
			const result = await transitionEvaluation(t.db, actorOf(coordinator), id, to, {
				confirmGaps: true,
				origin
			});
			expect(result).toEqual({ ok: true });
			await send();
			const mails = [...smtp.received];
			smtp.received.length = 0;
			return mails;
		};
		const page = (path = '') => `${origin}/utvarderingar/${id}${path}`;
		const settings = `${origin}/konto`;

		// Collection: the contact can answer; the team has nothing new to do.
		const collection = await move('insamling');
		expect(collection.map(recipientOf)).toEqual([contact.email]);
		expect(collection[0].subject).toBe('Karlskoga 2063 is now in the stage Collection');
		expect(collection[0].text).toContain('Hello Kim Contact,');
		expect(collection[0].text).toContain(
			'The municipality can now send written answers and documents.'
		);
		expectMultipart(collection[0], page('/svar'), settings);

		// Scoring: the evaluators who want it, each in their language; the one who has not declared
		// is asked to declare first and sent to the overview, where the declaration is.
		const scoring = await move('poangsattning');
		expect(scoring.map(recipientOf).sort()).toEqual([undeclared.email, declared.email].sort());
		const [sv] = mailsTo(scoring, undeclared.email);
		expect(sv.subject).toBe('Karlskoga 2063 är nu i steget Poängsättning');
		expect(sv.text).toContain('Hej Ulla Ointygad!');
		expect(sv.text).toContain(
			'Bekräfta att du inte har någon intressekonflikt. Sätt dina poäng i ditt poängblad.'
		);
		expect(sv.text).not.toMatch(/\b(the|stage|Open)\b/);
		expectMultipart(sv, page(), settings);
		expect(linkIn(sv, `/utvarderingar/${id}`)).toBe(page());
		const [en] = mailsTo(scoring, declared.email);
		expect(en.subject).toBe('Karlskoga 2063 is now in the stage Scoring');
		expect(en.text).toContain('Give your points in your score sheet.');
		expect(en.text).not.toContain('conflict of interest');
		expect(en.text).not.toMatch(/\b(steget|Hej|Öppna)\b/);
		expectMultipart(en, page('/poang'), settings);

		// Calibration needs every sheet in; then the team calibrates.
		await t.db
			.insertInto('score_sheet')
			.values(
				[undeclared, declared, optedOut].map((u) => ({
					evaluation_id: id,
					user_id: u.id,
					submitted_at: new Date()
				}))
			)
			.execute();
		await t.db
			.updateTable('evaluation_member')
			.set({ no_conflict_declared_at: new Date() })
			.where('evaluation_id', '=', id)
			.execute();
		const calibration = await move('kalibrering');
		expect(calibration.map(recipientOf).sort()).toEqual([undeclared.email, declared.email].sort());
		for (const mail of calibration) expectMultipart(mail, page('/kalibrering'), settings);
		expect(mailsTo(calibration, declared.email)[0].text).toContain(
			'Agree the points with the other evaluator.'
		);

		// Fact check: the contact reviews the draft.
		const factCheck = await move('faktagranskning');
		expect(factCheck.map(recipientOf)).toEqual([contact.email]);
		expect(factCheck[0].subject).toBe('Karlskoga 2063 is now in the stage Fact check');
		expect(factCheck[0].text).toContain('Review the draft and comment on anything that is wrong.');
		expectMultipart(factCheck[0], page('/faktagranskning'), settings);

		// A move back gives nobody anything new to do.
		expect(await move('kalibrering')).toEqual([]);
	});

	it('does not mail the member who made the move, nor a deactivated account', async () => {
		const mover = await person({ role: 'coordinator', name: 'Mona Mover' }, 'sv');
		const gone = await person({ role: 'evaluator', name: 'Gunnar Gone' }, 'sv');
		const other = await person({ role: 'evaluator', name: 'Olle Other' }, 'sv');
		const id = await createEvaluation(t.db, systemActor, {
			municipalityCode: '1883',
			year: 2064,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [gone.id, other.id],
			contactUserId: null,
			visitStart: null,
			visitEnd: null
		});
		await t.db
			.insertInto('evaluation_member')
			.values({ evaluation_id: id, user_id: mover.id })
			.execute();
		await t.db.updateTable('app_user').set({ active: false }).where('id', '=', gone.id).execute();
		await t.db
			.updateTable('evaluation')
			.set({ status: 'insamling' })
			.where('id', '=', id)
			.execute();
		await transitionEvaluation(t.db, actorOf(mover), id, 'poangsattning', {
			confirmGaps: true,
			origin
		});
		await send();
		expect(smtp.received.map(recipientOf)).toEqual([other.email]);
	});
});

describe('the overdue digest', () => {
	it('is one mail per person listing all their overdue tasks, once a day', async () => {
		const eva = await person({ role: 'evaluator', name: 'Eva Evaluator' }, 'sv');
		const contact = await person(
			{ role: 'municipality', municipalityCode: '1883', name: 'Kim Contact' },
			'en'
		);
		const optedOut = await person({ role: 'evaluator', name: 'Tyst Utvärderare' }, 'sv', 'overdue');
		const onTime = await person({ role: 'evaluator', name: 'Pia Punktlig' }, 'sv');
		const karlskoga = await createEvaluation(t.db, systemActor, {
			municipalityCode: '1883',
			year: 2065,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [eva.id, optedOut.id],
			contactUserId: contact.id,
			answersDue: '2030-05-04',
			visitStart: '2030-05-10',
			visitEnd: '2030-05-12'
		});
		await t.db
			.updateTable('evaluation')
			.set({ status: 'insamling' })
			.where('id', '=', karlskoga)
			.execute();
		const orebro = await createEvaluation(t.db, systemActor, {
			municipalityCode: '1880',
			year: 2065,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [eva.id, onTime.id],
			contactUserId: null,
			answersDue: '2030-06-01',
			visitStart: null,
			visitEnd: null
		});
		await t.db
			.updateTable('evaluation_member')
			.set({ no_conflict_declared_at: new Date() })
			.where('evaluation_id', '=', orebro)
			.where('user_id', '=', onTime.id)
			.execute();

		const today = '2030-06-15';
		expect(await runOverdueDigest(t.db, { today, origin })).toBe(2);
		await send();
		expect(smtp.received.map(recipientOf).sort()).toEqual([eva.email, contact.email].sort());

		// Eva: both late declarations in one mail, in Swedish.
		const [sv] = mailsTo(smtp.received, eva.email);
		expect(sv.subject).toBe('Försenade uppgifter i Kommunkompassen (2)');
		expect(sv.text).toContain('Hej Eva Evaluator!');
		expect(sv.text).toContain(
			'• Karlskoga 2065: Intyga att du inte är jävig (planerat 4 maj 2030)'
		);
		expect(sv.text).toContain('• Örebro 2065: Intyga att du inte är jävig (planerat 1 juni 2030)');
		expectMultipart(sv, `${origin}/utvarderingar`, `${origin}/konto`);
		// The contact: the answers, in English.
		const [en] = mailsTo(smtp.received, contact.email);
		expect(en.subject).toBe('Overdue tasks in Kommunkompassen (1)');
		expect(en.text).toContain('• Karlskoga 2065: Answer the questions (planned 4 May 2030)');
		expect(en.text).not.toMatch(/Hej|planerat|Besvara/);
		expectMultipart(en, `${origin}/utvarderingar`, `${origin}/konto`);

		// The job runs hourly: the same day sends nothing more.
		smtp.received.length = 0;
		expect(await runOverdueDigest(t.db, { today, origin })).toBe(0);
		await send();
		expect(smtp.received).toHaveLength(0);
		// The next day, what is still late comes again, once.
		expect(await runOverdueDigest(t.db, { today: '2030-06-16', origin })).toBe(2);
		expect(await runOverdueDigest(t.db, { today: '2030-06-16', origin })).toBe(0);
		await send();
		expect(smtp.received).toHaveLength(2);
	});

	it('two app servers running it at once write each digest once', async () => {
		const eva = await person({ role: 'evaluator', name: 'Eva Twice' }, 'sv');
		await createEvaluation(t.db, systemActor, {
			municipalityCode: '1883',
			year: 2066,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [eva.id],
			contactUserId: null,
			answersDue: '2030-05-04',
			visitStart: null,
			visitEnd: null
		});
		const today = '2030-07-01';
		const [a, b] = await Promise.all([
			runOverdueDigest(t.db, { today, origin }),
			runOverdueDigest(t.db, { today, origin })
		]);
		await send();
		expect(mailsTo(smtp.received, eva.email)).toHaveLength(1);
		expect(a + b).toBe(smtp.received.length);
	});
});

describe('self-assessment mail', () => {
	it('an invitation to a new colleague arrives in the inviter’s language with a password link', async () => {
		const contact = await person(
			{ role: 'municipality', municipalityCode: '1883', name: 'Kim Contact' },
			'en'
		);
		const email = `colleague-${Date.now()}@kommun.example.se`;
		const body = new FormData();
		body.set('email', email);
		body.set('name', 'Karin Colleague');
		const url = new URL(`${origin}/kommuner/1883/sjalvskattning?/invite`);
		const result = await selfAssessmentActions.invite({
			locals: { db: t.db, user: contact, session: null, locale: 'en' },
			params: { code: '1883' },
			url,
			request: new Request(url, { method: 'POST', body }),
			route: { id: '/kommuner/[code]/sjalvskattning' }
		} as never);
		expect(result).not.toHaveProperty('status');
		await send();
		expect(smtp.received.map(recipientOf)).toEqual([email]);
		const [mail] = smtp.received;
		expect(mail.subject).toBe('Invitation to Kommunkompassen');
		expect(mail.text).toContain('Hello Karin Colleague,');
		expect(mail.text).toContain(
			"Kim Contact invited you to the municipality's self-assessment in Kommunkompassen."
		);
		const link = linkIn(mail, '/logga-in/losenord/');
		expect(link.startsWith(`${origin}/logga-in/losenord/`)).toBe(true);
		expectMultipart(mail, link);
		// The written-out link wraps on a phone instead of widening the mail.
		expect(mail.html).toMatch(/<p style="[^"]*overflow-wrap: anywhere[^"]*">https:\/\/kompass/);
		expect(mail.text).not.toMatch(/one-time password|engångslösenord/i);
		expect(await findUsableToken(t.db, link.split('/').pop() as string)).toMatchObject({
			email,
			purpose: 'invitation'
		});
	});

	it('a share mails the evaluation team who want it, in their language, with the evaluation', async () => {
		const kim = await person(
			{ role: 'municipality', municipalityCode: '1883', name: 'Kim Contact' },
			'sv'
		);
		const sv = await person({ role: 'evaluator', name: 'Sara Svensk' }, 'sv');
		const en = await person({ role: 'evaluator', name: 'Ed English' }, 'en');
		const quiet = await person({ role: 'evaluator', name: 'Tyst' }, 'sv', 'selfAssessment');
		const id = await createEvaluation(t.db, systemActor, {
			municipalityCode: '1883',
			year: 2067,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [sv.id, en.id, quiet.id],
			contactUserId: kim.id,
			visitStart: null,
			visitEnd: null
		});
		const rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
		const assessment = await createSelfAssessment(t.db, kim, rubric, {
			municipalityCode: '1883',
			rubricId: rubric.id,
			name: 'Ledningsgruppen',
			assessedOn: '2030-03-01',
			memberUserIds: [kim.id]
		});
		await shareSelfAssessment(t.db, kim, assessment, id, origin);
		await send();
		expect(smtp.received.map(recipientOf).sort()).toEqual([sv.email, en.email].sort());
		const overview = `${origin}/utvarderingar/${id}`;
		const [svMail] = mailsTo(smtp.received, sv.email);
		expect(svMail.subject).toBe('En självskattning har delats med Karlskoga 2067');
		expect(svMail.text).toContain(
			'Karlskoga har delat sin självskattning "Ledningsgruppen" med utvärderingen Karlskoga 2067.'
		);
		expectMultipart(svMail, overview, `${origin}/konto`);
		const [enMail] = mailsTo(smtp.received, en.email);
		expect(enMail.subject).toBe('A self-assessment was shared with Karlskoga 2067');
		expect(enMail.text).toContain('Hello Ed English,');
		expectMultipart(enMail, overview, `${origin}/konto`);

		// Sharing again with the same evaluation, or withdrawing, mails nobody.
		smtp.received.length = 0;
		await shareSelfAssessment(t.db, kim, assessment, id, origin);
		await shareSelfAssessment(t.db, kim, assessment, null, origin);
		await send();
		expect(smtp.received).toHaveLength(0);
	});
});
