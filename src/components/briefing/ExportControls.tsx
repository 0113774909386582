import { useState } from 'react';
import { t } from '../../i18n';
import type { ExportFailure } from '../../domain/map-image';
import { useMapActions } from '../map-actions';
import { currentChapter } from '../../state/slices/briefing';
import { useAppStore, useStoreApi } from '../../state/store';
import type { AppStore } from '../../state/store';
import { figureLines } from './Caption';
import { downloadBlob, printPage } from './dom';
import type { Lang } from '../../domain/types';

const failureKey = { blank: 'briefingExportBlank', noMap: 'briefingExportNoMap', noCanvas: 'briefingExportNoCanvas' } as const;

function exportText(store: AppStore, lang: Lang) {
  const s = store.getState();
  const ch = currentChapter(s)!;
  const title = `${s.briefingIndex + 1}. ${lang === 'zh' ? ch.title_zh : ch.title_en}`;
  const subtitle = lang === 'zh' ? s.briefing!.title_zh : s.briefing!.title_en;
  return { lang, title, subtitle, extra: figureLines(ch, lang) };
}

const fileName = (store: AppStore, ext: string) => {
  const s = store.getState();
  return `briefing-${String(s.briefingIndex + 1).padStart(2, '0')}-${currentChapter(s)!.id}-${s.lang}.${ext}`;
};

/** PNG of this chapter, a ZIP of every chapter, and print. Failures are said, never written. */
export function ExportControls() {
  const store = useStoreApi();
  const map = useMapActions();
  const exportImage = (text: ReturnType<typeof exportText>) =>
    map ? map.exportImage(text) : Promise.resolve({ ok: false as const, reason: 'noMap' as const });
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = (reason: ExportFailure) => setMessage({ ok: false, text: t(lang, 'briefingExportFailed', { reason: t(lang, failureKey[reason]) }) });

  const one = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await exportImage(exportText(store, lang));
      if (!r.ok) return fail(r.reason);
      const name = fileName(store, 'png');
      downloadBlob(r.blob, name);
      setMessage({ ok: true, text: t(lang, 'briefingExported', { file: name }) });
    } finally {
      setBusy(false);
    }
  };

  const all = async () => {
    const s = store.getState();
    const total = s.briefing?.chapters.length ?? 0;
    const back = s.briefingIndex;
    setBusy(true);
    const files: Record<string, Uint8Array> = {};
    try {
      for (let i = 0; i < total; i++) {
        setMessage({ ok: true, text: t(lang, 'briefingExporting', { n: i + 1, total }) });
        store.getState().goToChapter(i);
        // at the chapter's camera (its bounds framed for this map) at once, no flight
        const framed = store.getState().briefingChapterCamera;
        if (framed) map?.jumpTo(framed);
        const r = await exportImage(exportText(store, lang));
        if (!r.ok) return fail(r.reason);
        files[fileName(store, 'png')] = new Uint8Array(await r.blob.arrayBuffer());
      }
      const name = `briefing-${lang}.zip`;
      // PNGs are compressed already: store them
      const { zipSync } = await import('fflate');
      downloadBlob(new Blob([zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
      setMessage({ ok: true, text: t(lang, 'briefingExported', { file: name }) });
    } finally {
      store.getState().goToChapter(back);
      setBusy(false);
    }
  };

  return (
    <div className="briefing-export">
      <button type="button" disabled={busy} onClick={() => void one()} data-action="export-png">
        {t(lang, 'briefingExportPng')}
      </button>
      <button type="button" disabled={busy} onClick={() => void all()} data-action="export-all">
        {t(lang, 'briefingExportAll')}
      </button>
      <button type="button" onClick={() => printPage()} data-action="print">
        {t(lang, 'briefingPrint')}
      </button>
      {message && (
        <p className={message.ok ? 'briefing-export-msg' : 'briefing-export-msg error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
