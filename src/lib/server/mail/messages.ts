/**
 * The app's mails, one function per kind, each in the recipient's language: what happened, the
 * exact page, why the mail was sent and (for notifications one can turn off) where to turn it off.
 * No password ever travels by mail: invitations and resets carry a single-use link.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import { roleMessage } from '$lib/i18n/families/roleMessage';
import { stageMessage } from '$lib/i18n/families/stageMessage';
import type { Role } from '$lib/domain/roles';
import type { EvaluationStatus } from '$lib/domain/lifecycle';
import { renderMail, type RenderedMail } from './render';

export interface Recipient {
	email: string;
	name: string;
	locale: Locale;
}

const greeting = (r: Recipient, locale: Locale) =>
	m['mail.greeting']({ name: r.name || r.email }, { locale });

/** The link that sets a password: the invitation's and the reset's. */
export const tokenUrl = (origin: string, token: string) => `${origin}/logga-in/losenord/${token}`;
const settingsUrl = (origin: string) => `${origin}/konto`;

export function invitationMail(
	r: Recipient,
	p: { origin: string; token: string; inviter: string; role: Role; selfAssessment?: boolean }
): RenderedMail {
	const locale = r.locale;
	const body = p.selfAssessment
		? m['mail.selfAssessment.invite.body']({ inviter: p.inviter }, { locale })
		: m['mail.invitation.body'](
				{ inviter: p.inviter, role: roleMessage(p.role)({}, { locale }).toLowerCase() },
				{ locale }
			);
	return renderMail(
		{
			subject: m['mail.invitation.subject']({}, { locale }),
			paragraphs: [greeting(r, locale), body],
			action: {
				label: m['mail.invitation.action']({}, { locale }),
				url: tokenUrl(p.origin, p.token)
			},
			why: m['mail.invitation.why']({ email: r.email }, { locale }),
			settingsUrl: null
		},
		locale
	);
}

export function resetMail(r: Recipient, p: { origin: string; token: string }): RenderedMail {
	const locale = r.locale;
	return renderMail(
		{
			subject: m['mail.reset.subject']({}, { locale }),
			paragraphs: [greeting(r, locale), m['mail.reset.body']({}, { locale })],
			action: { label: m['mail.reset.action']({}, { locale }), url: tokenUrl(p.origin, p.token) },
			why: m['mail.reset.why']({ email: r.email }, { locale }),
			settingsUrl: null
		},
		locale
	);
}

/** A quoted text, shortened so a long comment does not make the mail the place to read it. */
const quote = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);

/** A fact-check comment (to the team) or an answer to one (to its author): the same mail. */
interface FactCheckMail {
	origin: string;
	evaluationId: number;
	evaluation: string;
	area: string;
	author: string;
	text: string;
}

/** The words of each fact-check mail; the action and the link are the same. */
const factCheckWords = {
	comment: {
		subject: m['mail.factCheck.subject'],
		body: m['mail.factCheck.body'],
		why: m['mail.factCheck.why']
	},
	answer: {
		subject: m['mail.factCheckAnswer.subject'],
		body: m['mail.factCheckAnswer.body'],
		why: m['mail.factCheckAnswer.why']
	}
};

function factCheckMail(kind: keyof typeof factCheckWords, r: Recipient, p: FactCheckMail) {
	const locale = r.locale;
	const words = factCheckWords[kind];
	return renderMail(
		{
			subject: words.subject({ evaluation: p.evaluation }, { locale }),
			paragraphs: [
				greeting(r, locale),
				words.body(
					{ author: p.author, evaluation: p.evaluation, area: p.area, text: quote(p.text) },
					{ locale }
				)
			],
			action: {
				label: m['mail.factCheck.action']({}, { locale }),
				url: `${p.origin}/utvarderingar/${p.evaluationId}/faktagranskning`
			},
			why: words.why({ evaluation: p.evaluation }, { locale }),
			settingsUrl: settingsUrl(p.origin)
		},
		locale
	);
}

export const factCheckCommentMail = (r: Recipient, p: FactCheckMail): RenderedMail =>
	factCheckMail('comment', r, p);

export const factCheckAnswerMail = (r: Recipient, p: FactCheckMail): RenderedMail =>
	factCheckMail('answer', r, p);

/** What a user has to do when an evaluation reaches a stage (the keys of mail.stage.todo.*). */
export type StageTodo = 'declare' | 'answer' | 'score' | 'calibrate' | 'review';

const todoMessage: Record<StageTodo, (locale: Locale) => string> = {
	declare: (locale) => m['mail.stage.todo.declare']({}, { locale }),
	answer: (locale) => m['mail.stage.todo.answer']({}, { locale }),
	score: (locale) => m['mail.stage.todo.score']({}, { locale }),
	calibrate: (locale) => m['mail.stage.todo.calibrate']({}, { locale }),
	review: (locale) => m['mail.stage.todo.review']({}, { locale })
};

/** The page where a to-do is done, under /utvarderingar/<id> (the declaration is on the overview). */
const todoPage: Record<StageTodo, string> = {
	declare: '',
	answer: '/svar',
	score: '/poang',
	calibrate: '/kalibrering',
	review: '/faktagranskning'
};

export function stageMail(
	r: Recipient,
	p: {
		origin: string;
		evaluationId: number;
		evaluation: string;
		stage: EvaluationStatus;
		todos: StageTodo[];
	}
): RenderedMail {
	const locale = r.locale;
	const stage = stageMessage(p.stage)({}, { locale });
	return renderMail(
		{
			subject: m['mail.stage.subject']({ evaluation: p.evaluation, stage }, { locale }),
			paragraphs: [
				greeting(r, locale),
				m['mail.stage.body'](
					{
						evaluation: p.evaluation,
						stage,
						todo: p.todos.map((t) => todoMessage[t](locale)).join(' ')
					},
					{ locale }
				)
			],
			action: {
				label: m['mail.stage.action']({}, { locale }),
				// The page of the first thing to do.
				url: `${p.origin}/utvarderingar/${p.evaluationId}${todoPage[p.todos[0]]}`
			},
			why: m['mail.stage.why']({}, { locale }),
			settingsUrl: settingsUrl(p.origin)
		},
		locale
	);
}

export function overdueDigestMail(
	r: Recipient,
	p: { origin: string; items: { evaluation: string; task: string; date: string }[] }
): RenderedMail {
	const locale = r.locale;
	return renderMail(
		{
			subject: m['mail.overdue.subject']({ count: p.items.length }, { locale }),
			paragraphs: [
				greeting(r, locale),
				m['mail.overdue.body']({}, { locale }),
				...p.items.map((i) => `• ${m['mail.overdue.item'](i, { locale })}`)
			],
			action: { label: m['mail.overdue.action']({}, { locale }), url: `${p.origin}/utvarderingar` },
			why: m['mail.overdue.why']({}, { locale }),
			settingsUrl: settingsUrl(p.origin)
		},
		locale
	);
}

export function selfAssessmentShareMail(
	r: Recipient,
	p: {
		origin: string;
		evaluationId: number;
		evaluation: string;
		municipality: string;
		name: string;
	}
): RenderedMail {
	const locale = r.locale;
	return renderMail(
		{
			subject: m['mail.selfAssessment.share.subject']({ evaluation: p.evaluation }, { locale }),
			paragraphs: [
				greeting(r, locale),
				m['mail.selfAssessment.share.body'](
					{ municipality: p.municipality, name: p.name, evaluation: p.evaluation },
					{ locale }
				)
			],
			action: {
				label: m['mail.selfAssessment.share.action']({}, { locale }),
				url: `${p.origin}/utvarderingar/${p.evaluationId}`
			},
			why: m['mail.selfAssessment.share.why']({ evaluation: p.evaluation }, { locale }),
			settingsUrl: settingsUrl(p.origin)
		},
		locale
	);
}
