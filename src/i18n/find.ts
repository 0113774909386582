/** UI strings of the find feature (merged into src/i18n/index.ts). */
export const FIND_STRINGS = {} as const satisfies Record<string, { zh: string; en: string }>;
