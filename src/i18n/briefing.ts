/** UI strings of the briefing feature (merged into src/i18n/index.ts). */
export const BRIEFING_STRINGS = {} as const satisfies Record<string, { zh: string; en: string }>;
