import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy*/waitFor wait for something to happen, not for a deadline: the default of 1 s fails
// under load (a lazily imported module, e.g. the QR encoder, can take longer on a busy machine).
// The bound stays below the test timeout (vite.config.ts) so a real failure still names its query.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
});
