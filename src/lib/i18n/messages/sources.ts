/** Messages of the sources feature. Keys are prefixed with the feature. */
export const sv = {} as const;

export const en: Record<keyof typeof sv, string> = {};
