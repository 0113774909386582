import type { ReactNode } from 'react';
/**
 * The top bar of a panel when it is a bottom sheet over the map (phones; hidden by CSS on wider
 * screens): a handle that folds the sheet to a peek or opens it to half the screen, a button for
 * full height, and `done` where the sheet closes.
 */
import { t } from '../i18n';
import { useAppStore } from '../state/store';
import { Caret } from './Caret';

export type SheetSize = 'peek' | 'half' | 'full';

export function SheetBar({ title, size, onSize, onDone }: { title: ReactNode; size: SheetSize; onSize(s: SheetSize): void; onDone?: () => void }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="sheet-bar">
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={size !== 'peek'}
        data-testid="sheet-handle"
        onClick={() => onSize(size === 'peek' ? 'half' : 'peek')}
      >
        <span className="grip" aria-hidden="true" />
        <span className="sheet-title">{title}</span>
        <span className="sheet-action"> · {t(lang, size === 'peek' ? 'sheetExpand' : 'sheetCollapse')}</span>
      </button>
      <button
        type="button"
        className="sheet-size"
        aria-label={t(lang, size === 'full' ? 'sheetHalf' : 'sheetFull')}
        data-testid="sheet-full"
        onClick={() => onSize(size === 'full' ? 'half' : 'full')}
      >
        <Caret dir={size === 'full' ? 'down' : 'up'} />
      </button>
      {onDone && (
        <button type="button" className="sheet-done" onClick={onDone} data-testid="sheet-done">
          {t(lang, 'done')}
        </button>
      )}
    </div>
  );
}
