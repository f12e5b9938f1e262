/**
 * The languages a team may write an evaluation's texts in: Swedish (the default, and the seed's)
 * or English. Pages and reports mark authored text with it (`lang`), so a screen reader reads it
 * with the right pronunciation whatever the interface language is (WCAG 3.1.2).
 */
export const textLanguages = ['sv', 'en'] as const;
export type TextLanguage = (typeof textLanguages)[number];
