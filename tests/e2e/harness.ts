/** The browser specs' launcher: the shared one in scripts/lib/browser.ts (Chromium, preview server, offline guard). */
export { openSession, startServer } from '../../scripts/lib/browser';
export type { Session } from '../../scripts/lib/browser';
