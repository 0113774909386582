import { describe, expect, it } from 'vitest';
import { gridMove } from '../../src/components/grid-keys';

describe('gridMove (one Tab stop, arrows inside)', () => {
  const at = (row: number, col = 0) => ({ row, col });
  it('moves a row with ↑/↓ and stops at the ends', () => {
    expect(gridMove('ArrowDown', at(0), 5, 2)).toEqual(at(1));
    expect(gridMove('ArrowUp', at(3), 5, 2)).toEqual(at(2));
    expect(gridMove('ArrowDown', at(4), 5, 2)).toEqual(at(4));
    expect(gridMove('ArrowUp', at(0), 5, 2)).toEqual(at(0));
  });
  it('Home and End go to the first and last row, in the same column', () => {
    expect(gridMove('Home', at(3, 1), 5, 2)).toEqual(at(0, 1));
    expect(gridMove('End', at(1, 0), 5, 2)).toEqual(at(4, 0));
  });
  it('PageUp/PageDown move ten rows, clamped', () => {
    expect(gridMove('PageDown', at(2), 30, 2)).toEqual(at(12));
    expect(gridMove('PageDown', at(25), 30, 2)).toEqual(at(29));
    expect(gridMove('PageUp', at(4), 30, 2)).toEqual(at(0));
  });
  it('←/→ move between the columns and stay inside the row', () => {
    expect(gridMove('ArrowRight', at(2, 0), 5, 2)).toEqual(at(2, 1));
    expect(gridMove('ArrowRight', at(2, 1), 5, 2)).toEqual(at(2, 1));
    expect(gridMove('ArrowLeft', at(2, 1), 5, 2)).toEqual(at(2, 0));
    expect(gridMove('ArrowLeft', at(2, 0), 5, 2)).toEqual(at(2, 0));
  });
  it('never lands on a cell that cannot take focus (a disabled toggle): the first column of that row instead, or stays', () => {
    const can = ({ row, col }: { row: number; col: number }) => col === 0 || row !== 3;
    expect(gridMove('ArrowRight', at(3, 0), 5, 2, can)).toEqual(at(3, 0));
    expect(gridMove('ArrowDown', at(2, 1), 5, 2, can)).toEqual(at(3, 0));
    expect(gridMove('ArrowDown', at(3, 0), 5, 2, can)).toEqual(at(4, 0));
  });
  it('other keys are not moves; an empty grid has no moves', () => {
    expect(gridMove('Enter', at(1), 5, 2)).toBeNull();
    expect(gridMove('a', at(1), 5, 2)).toBeNull();
    expect(gridMove('ArrowDown', at(0), 0, 2)).toBeNull();
  });
});
