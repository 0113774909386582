/**
 * Every limit on users' point files, in one place, each with its reason. The readers have no
 * limits of their own: the browser import and `npm run link` pass theirs.
 */

const MiB = 1024 * 1024;

/**
 * Largest file read whole: any file the browser imports, and GeoJSON in `npm run link` (JSON is
 * parsed whole, ≈ 10× its size in memory). 50 MiB keeps that near half a gigabyte. Checked on
 * the file's size before a byte is read.
 */
export const MAX_FILE_BYTES = 50 * MiB;

/**
 * Most rows the browser imports from one file. Every imported site stays in the page (≈ 100 bytes
 * of columns plus its id and name) and is drawn, handed to the map 10,000 at a time; 100,000 link
 * in about a second (`npm run bench`), so 200,000 keeps an import within a few seconds.
 */
export const MAX_IMPORT_ROWS = 200_000;

/** Row errors kept for the report (the count is always exact): more cannot be read on screen. */
export const MAX_REPORTED_ERRORS = 500;

/** A message when a file is too large to read at all, else null (checked before reading it). */
export function fileSizeProblem(bytes: number, limit = MAX_FILE_BYTES): string | null {
  if (bytes === 0) return 'file is empty';
  if (bytes > limit) return `file is ${(bytes / MiB).toFixed(1)} MB; the limit is ${(limit / MiB).toFixed(0)} MB`;
  return null;
}
