import { useState } from 'react';
import { FONT_SLICES } from 'virtual:font-faces';
import { clauseList, t } from '../../i18n';
import type { ExportFailure } from '../../domain/map-image';
import type { HandoutChapter, HandoutText } from '../../export/handout-layout';
import { chapterLink } from '../../state/url/bindings/briefing';
import { useMapActions } from '../map-actions';
import { currentChapter } from '../../state/slices/briefing';
import { useAppStore, useStoreApi } from '../../state/store';
import type { AppStore } from '../../state/store';
import { figureLines } from './Caption';
import { downloadBlob, printPage, shareLink } from './dom';
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

/** What the current chapter's handout page says beside the map (notes: in the page, else none). */
function handoutText(store: AppStore, lang: Lang, notes: boolean): HandoutText {
  const s = store.getState();
  const ch = currentChapter(s)!;
  const n = s.briefingIndex + 1;
  const total = s.briefing!.chapters.length;
  const link = shareLink(chapterLink(n, lang));
  const zh = lang === 'zh';
  return {
    kicker: `${t(lang, 'briefingChapterOf', { n, total })} · ${zh ? s.briefing!.title_zh : s.briefing!.title_en}`,
    title: zh ? ch.title_zh : ch.title_en,
    caption: zh ? ch.caption_zh : ch.caption_en,
    figuresTitle: t(lang, 'briefingTargets'),
    figures: figureLines(ch, lang),
    clauses: t(lang, 'briefingClauses', { list: clauseList(ch.clauses, lang) }),
    notes: notes ? { title: t(lang, 'briefingNotes'), text: zh ? ch.notes_zh : ch.notes_en } : null,
    link: { href: link.href, label: t(lang, 'briefingHandoutScan'), warning: link.local ? t(lang, 'briefingQrLocal') : null },
    page: t(lang, 'briefingHandoutPage', { n, total }),
  };
}

/** Reads a font slice the app serves (or carries, in the single-file package). */
const readFont = async (url: string) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
};

/**
 * PNG of this chapter, a ZIP of every chapter, a PDF handout and editable slides of every
 * chapter, and print. Failures are said, never written.
 */
export function ExportControls() {
  const store = useStoreApi();
  const map = useMapActions();
  const exportImage = (text: ReturnType<typeof exportText>) =>
    map ? map.exportImage(text) : Promise.resolve({ ok: false as const, reason: 'noMap' as const });
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState(false);
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

  /**
   * Visits every chapter at its camera and asks `take` for what to keep of it; stops at the first
   * failure (said, nothing written), else hands the list to `write`. Comes back to the chapter it left.
   */
  async function eachChapter<T>(take: () => Promise<{ ok: true; value: T } | { ok: false; reason: ExportFailure }>, write: (items: T[]) => Promise<void>) {
    const s = store.getState();
    const total = s.briefing?.chapters.length ?? 0;
    const back = s.briefingIndex;
    setBusy(true);
    const items: T[] = [];
    try {
      for (let i = 0; i < total; i++) {
        setMessage({ ok: true, text: t(lang, 'briefingExporting', { n: i + 1, total }) });
        store.getState().goToChapter(i);
        // at the chapter's camera (its bounds framed for this map) at once, no flight
        const framed = store.getState().briefingChapterCamera;
        if (framed) map?.jumpTo(framed);
        const r = await take();
        if (!r.ok) return fail(r.reason);
        items.push(r.value);
      }
      await write(items);
    } catch (e) {
      setMessage({ ok: false, text: t(lang, 'briefingExportFailed', { reason: (e as Error).message }) });
    } finally {
      store.getState().goToChapter(back);
      setBusy(false);
    }
  }

  const saved = (bytes: Uint8Array, type: string, name: string) => {
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    setMessage({ ok: true, text: t(lang, 'briefingExported', { file: name }) });
  };

  const all = () =>
    eachChapter(
      async () => {
        const r = await exportImage(exportText(store, lang));
        if (!r.ok) return r;
        return { ok: true, value: [fileName(store, 'png'), new Uint8Array(await r.blob.arrayBuffer())] as const };
      },
      async (pngs) => {
        // PNGs are compressed already: store them
        const { zipSync } = await import('fflate');
        saved(zipSync(Object.fromEntries(pngs), { level: 0 }), 'application/zip', `briefing-${lang}.zip`);
      },
    );

  /** a chapter's map figure and words, for the PDF (notes as asked) or the slides (notes always, in the slide's notes) */
  const chapter = async (withNotes: boolean) => {
    if (!map) return { ok: false as const, reason: 'noMap' as const };
    const r = await map.exportFigure(lang);
    if (!r.ok) return r;
    return { ok: true as const, value: { figure: r.figure, text: handoutText(store, lang, withNotes) } satisfies HandoutChapter };
  };
  const title = () => {
    const b = store.getState().briefing!;
    return lang === 'zh' ? b.title_zh : b.title_en;
  };

  const pdf = () =>
    eachChapter(
      () => chapter(notes),
      async (chapters) => {
        const name = `briefing-handout-${lang}.pdf`;
        setMessage({ ok: true, text: t(lang, 'briefingMaking', { file: name }) });
        const { makeHandoutPdf } = await import('../../export/handout-pdf');
        saved(await makeHandoutPdf(chapters, { title: title(), lang, fontSlices: FONT_SLICES, readFont }), 'application/pdf', name);
      },
    );

  const pptx = () =>
    eachChapter(
      () => chapter(true),
      async (chapters) => {
        const name = `briefing-slides-${lang}.pptx`;
        setMessage({ ok: true, text: t(lang, 'briefingMaking', { file: name }) });
        const { makeHandoutPptx } = await import('../../export/handout-pptx');
        saved(await makeHandoutPptx(chapters, { title: title(), lang }), 'application/vnd.openxmlformats-officedocument.presentationml.presentation', name);
      },
    );

  return (
    <div className="briefing-export" aria-busy={busy}>
      <button type="button" disabled={busy} onClick={() => void one()} data-action="export-png">
        {t(lang, 'briefingExportPng')}
      </button>
      <button type="button" disabled={busy} onClick={() => void all()} data-action="export-all">
        {t(lang, 'briefingExportAll')}
      </button>
      <button type="button" disabled={busy} onClick={() => void pdf()} data-action="export-pdf">
        {t(lang, 'briefingExportPdf')}
      </button>
      <button type="button" disabled={busy} onClick={() => void pptx()} data-action="export-pptx">
        {t(lang, 'briefingExportPptx')}
      </button>
      <label className="briefing-export-notes">
        <input type="checkbox" checked={notes} disabled={busy} onChange={(e) => setNotes(e.target.checked)} data-action="export-notes" />
        {t(lang, 'briefingExportWithNotes')}
      </label>
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
