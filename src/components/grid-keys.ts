/**
 * Keyboard movement in a grid with one tab stop (roving tabindex): ↑/↓ move a row, ←/→ a column,
 * Home/End go to the first/last row (Ctrl+Home/End too), PageUp/PageDown ten rows. A cell that
 * cannot take focus (`can` says no, e.g. a disabled button) is not moved to. Pure: it answers
 * where the focus goes, the component moves it.
 */
export interface GridPos {
  row: number;
  col: number;
}

const PAGE = 10;

/** The cell `key` moves to from `at` in a grid of `rows` × `cols`, or null when the key is not a move. */
export function gridMove(key: string, at: GridPos, rows: number, cols: number, can: (p: GridPos) => boolean = () => true): GridPos | null {
  if (rows <= 0) return null;
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  let next: GridPos;
  switch (key) {
    case 'ArrowDown':
      next = { row: clampRow(at.row + 1), col: at.col };
      break;
    case 'ArrowUp':
      next = { row: clampRow(at.row - 1), col: at.col };
      break;
    case 'PageDown':
      next = { row: clampRow(at.row + PAGE), col: at.col };
      break;
    case 'PageUp':
      next = { row: clampRow(at.row - PAGE), col: at.col };
      break;
    case 'Home':
      next = { row: 0, col: at.col };
      break;
    case 'End':
      next = { row: rows - 1, col: at.col };
      break;
    case 'ArrowRight':
      next = { row: at.row, col: Math.min(cols - 1, at.col + 1) };
      break;
    case 'ArrowLeft':
      next = { row: at.row, col: Math.max(0, at.col - 1) };
      break;
    default:
      return null;
  }
  // a row whose cell in this column cannot take focus: its first column instead
  if (!can(next)) next = { row: next.row, col: 0 };
  return can(next) ? next : at;
}
