/** UI strings of the sites feature (merged into src/i18n/index.ts). */
export const SITES_STRINGS = {} as const satisfies Record<string, { zh: string; en: string }>;
