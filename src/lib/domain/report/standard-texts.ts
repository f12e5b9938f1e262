/**
 * The standard text of section 1, "Vad är Kommunkompassen?", chosen per rubric version (the text
 * SKR prints in its reports; from the Karlskoga 2022 report for the 2020 version). The texts are
 * messages (report.whatIs.*), in the reader's language.
 */
import { type MessageKey } from '../../i18n/lookup';
import { DEFAULT_RUBRIC } from '../rubric';

export function whatIsKommunkompassen(rubricId: string): MessageKey {
	return rubricId === DEFAULT_RUBRIC ? 'report.whatIs.2020' : 'report.whatIs.before2020';
}
