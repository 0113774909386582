import { describe, expect, it } from 'vitest';
import { summariseGlWaits } from '../../scripts/lib/gl-waits';

describe('WebGL calls that wait for the GPU process', () => {
  it('counts the programs linked and sums the waiting calls, the longest apart', () => {
    const w = summariseGlWaits([
      { name: 'linkProgram', ms: 0.2 },
      { name: 'getProgramParameter', ms: 140 },
      { name: 'getUniformLocation', ms: 1.5 },
      { name: 'linkProgram', ms: 0.1 },
      { name: 'getProgramParameter', ms: 480 },
      { name: 'getAttribLocation', ms: 0.5 },
      { name: 'getError', ms: 2 },
      { name: 'readPixels', ms: 6 },
      { name: 'finish', ms: 10 },
      { name: 'getShaderParameter', ms: 1 },
    ]);
    expect(w.programs).toBe(2);
    expect(w.ms).toBeCloseTo(641, 9);
    expect(w.longest).toBe(480);
  });

  it('leaves out calls that do not wait, and the link itself', () => {
    expect(
      summariseGlWaits([
        { name: 'drawElements', ms: 50 },
        { name: 'bufferData', ms: 20 },
        { name: 'linkProgram', ms: 30 },
      ]),
    ).toEqual({ programs: 1, ms: 0, longest: 0 });
  });

  it('is all zeros for a page that made no call', () => {
    expect(summariseGlWaits([])).toEqual({ programs: 0, ms: 0, longest: 0 });
  });
});
