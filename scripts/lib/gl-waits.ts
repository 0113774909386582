/**
 * How long a page's main thread waits for the GPU process in the WebGL calls it cannot go on
 * without an answer to: a program's link status, a uniform's or an attribute's location, an
 * error, pixels. The GPU process answers such a call only after everything queued before it, so
 * under a software GPU (SwiftShader) a map frame that links a new program can wait there for the
 * whole previous frame to be drawn, new shaders compiled included, and can handle no message from
 * its worker meanwhile. Read in scripts/bench-browser.ts's traced loads.
 */

/** The WebGL calls that wait for the GPU process's answer. */
export const GL_WAIT_CALLS = [
  'getProgramParameter',
  'getShaderParameter',
  'getUniformLocation',
  'getAttribLocation',
  'getError',
  'readPixels',
  'finish',
] as const;
/** Counted, not timed: queued, it returns at once. */
export const GL_LINK_CALL = 'linkProgram';

/** One WebGL call the page made and the ms it took, timed in the page. */
export interface GlCall {
  name: string;
  ms: number;
}

export interface GlWaits {
  /** programs linked */
  programs: number;
  /** ms spent in the calls that wait for an answer (GL_WAIT_CALLS), all of them */
  ms: number;
  /** ms of the longest of those calls */
  longest: number;
}

/** The programs linked and the waits of `calls`; other calls are left out. */
export function summariseGlWaits(calls: readonly GlCall[]): GlWaits {
  const waits = new Set<string>(GL_WAIT_CALLS);
  let programs = 0;
  let ms = 0;
  let longest = 0;
  for (const c of calls) {
    if (c.name === GL_LINK_CALL) programs++;
    else if (waits.has(c.name)) {
      ms += c.ms;
      longest = Math.max(longest, c.ms);
    }
  }
  return { programs, ms, longest };
}
