/** Messages of the documents feature. Keys are prefixed with the feature. */
export const sv = {} as const;

export const en: Record<keyof typeof sv, string> = {};
