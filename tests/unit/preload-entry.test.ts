import { describe, expect, it } from 'vitest';
import { entryScript, preloadEntry, startScript } from '../../build/preload-entry-plugin';

// index.html's <head> as Vite writes it (trimmed): the entry <script>, then the chunks it imports
const HTML = `<head>
    <title>t</title>
    <script type="module" crossorigin src="./assets/index-B63w6Bkl.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-BOK2U2_w.js">
    <link rel="stylesheet" crossorigin href="./assets/index-BuTHjp4q.css">
  </head>`;

describe('preload-entry (build/preload-entry-plugin.ts)', () => {
  it('finds the entry <script> and the file it loads', () => {
    expect(entryScript(HTML)).toEqual({
      tag: '<script type="module" crossorigin src="./assets/index-B63w6Bkl.js"></script>',
      file: 'assets/index-B63w6Bkl.js',
    });
  });

  it('turns the entry into a preload, in its place, followed by the start script', () => {
    expect(preloadEntry(HTML, 'assets/start-AbC123.js')).toBe(`<head>
    <title>t</title>
    <link rel="modulepreload" crossorigin href="./assets/index-B63w6Bkl.js">
    <script type="module" crossorigin src="./assets/start-AbC123.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-BOK2U2_w.js">
    <link rel="stylesheet" crossorigin href="./assets/index-BuTHjp4q.css">
  </head>`);
  });

  it('writes a start script that imports the entry beside it', () => {
    expect(startScript('assets/index-B63w6Bkl.js')).toBe('import("./index-B63w6Bkl.js");\n');
  });

  it('stops the build when index.html has no entry <script>, or more than one', () => {
    expect(() => entryScript('<head></head>')).toThrow(/found 0/);
    const two = HTML.replace('<title>t</title>', '<script type="module" crossorigin src="./assets/other-x1.js"></script>');
    expect(() => preloadEntry(two, 'assets/start-x.js')).toThrow(/found 2/);
  });

  it('leaves a classic or inline script alone', () => {
    const classic = '<script src="./assets/legacy.js"></script><script type="module" crossorigin src="./assets/index-a.js"></script>';
    expect(entryScript(classic).file).toBe('assets/index-a.js');
  });
});
