import { useEffect, useRef, useState } from 'react';
import { clauseList, t } from '../../i18n';
import type { ReactNode } from 'react';
import { currentChapter } from '../../state/slices/briefing';
import { chapterLink } from '../../state/url/bindings/briefing';
import { useAppStore } from '../../state/store';
import { Notices } from '../Notices';
import { Caption, ChapterFigures } from './Caption';
import { Controls, DetourBadge, FullscreenOnly } from './Controls';
import { ExportControls } from './ExportControls';
import { Progress } from './Progress';
import { Qr } from './Qr';
import { AudienceStatus, BriefingLegend, LangSwitch, LegendToggle } from './RoomTools';
import { isAudienceWindow, openAudienceWindow, shareLink } from './dom';
import { useFollowRoomScroll, useSendRoomScroll, useTopOnChapter } from './room-scroll';

function useChapter() {
  const chapter = useAppStore(currentChapter);
  const index = useAppStore((s) => s.briefingIndex);
  const total = useAppStore((s) => s.briefing?.chapters.length ?? 0);
  const lang = useAppStore((s) => s.lang);
  return { chapter, index, total, lang };
}

/**
 * Says the chapter to a screen reader when it changes ("Chapter 3 of 9: title"), in every view:
 * a polite live region, out of sight, that holds only that line.
 */
function ChapterAnnouncer() {
  const { chapter, index, total, lang } = useChapter();
  const text = chapter ? t(lang, 'chapterAnnounce', { n: index + 1, total, title: lang === 'zh' ? chapter.title_zh : chapter.title_en }) : '';
  return (
    <p className="briefing-announce" role="status" aria-live="polite" aria-atomic="true" data-testid="briefing-announce">
      {text}
    </p>
  );
}

/** The projector's view: the map, and beside it the chapter in large type. */
export function AudienceView({ map, digits }: { map: ReactNode; digits: string }) {
  const { chapter, index, total, lang } = useChapter();
  // the projector's window, opened by the presenter view: no export tools, no QR code that works only on this computer
  const [projector] = useState(() => isAudienceWindow());
  const qr = chapter ? shareLink(chapterLink(index + 1, lang)) : null;
  // led by a presenter window, the room's window shows the chapter and nothing to press: the
  // presenter drives it (a tour on its own, or a window whose presenter closed, keeps its controls)
  const led = useAppStore((s) => s.briefingPresenterConnected);
  // led, the panel scrolls with the presenter's through the chapter's figures (the room cannot scroll it)
  const panel = useRef<HTMLElement>(null);
  useTopOnChapter(panel, index);
  useFollowRoomScroll(panel, led);
  return (
    <div className="briefing briefing-audience" data-role="audience" data-chapter-index={index} data-led={led || undefined}>
      <main className="map-area">
        {map}
        <BriefingLegend />
        <DetourBadge />
        <Notices />
      </main>
      <aside className="briefing-panel" ref={panel}>
        {!led && (
          <div className="briefing-room-tools">
            <LegendToggle />
            <LangSwitch />
          </div>
        )}
        {chapter ? <Caption chapter={chapter} n={index + 1} total={total} lang={lang} /> : <p>{t(lang, 'briefingLoading')}</p>}
        <BriefingLegend print />
        <div className="briefing-panel-foot">
          {!projector && !led && <ExportControls />}
          {qr && !(projector && qr.local) && <Qr link={qr} label={t(lang, 'briefingQrAlt', { n: index + 1 })} lang={lang} />}
          {!led && <p className="briefing-keys">{t(lang, 'briefingKeys')}</p>}
        </div>
        {/* last, and held at the panel's foot while a long chapter scrolls above it */}
        <div className="briefing-panel-nav">{led ? <FullscreenOnly /> : <Controls />}</div>
      </aside>
      <BottomBar digits={digits} />
      <Blank />
      <ChapterAnnouncer />
    </div>
  );
}

/** The audience window gone black (B or “.” on the clicker, or the presenter's button). */
function Blank() {
  const on = useAppStore((s) => s.briefingBlank);
  return on ? <div className="briefing-blank" data-testid="briefing-blank" aria-hidden="true" /> : null;
}

/** The presenter's pointer, spotlight and blank switches (the same as the keys P, S, B). */
function PointerTools() {
  const lang = useAppStore((s) => s.lang);
  const mode = useAppStore((s) => s.briefingPointerMode);
  const blank = useAppStore((s) => s.briefingBlank);
  const setMode = useAppStore((s) => s.setPointerMode);
  const setBlank = useAppStore((s) => s.setBriefingBlank);
  return (
    <div className="briefing-pointer-tools" role="group">
      <button type="button" aria-pressed={mode === 'pointer'} onClick={() => setMode(mode === 'pointer' ? 'off' : 'pointer')} data-action="pointer">
        {t(lang, 'briefingPointer')}
      </button>
      <button type="button" aria-pressed={mode === 'spotlight'} onClick={() => setMode(mode === 'spotlight' ? 'off' : 'spotlight')} data-action="spotlight">
        {t(lang, 'briefingSpotlight')}
      </button>
      <button type="button" aria-pressed={blank} onClick={() => setBlank(!blank)} data-action="blank">
        {t(lang, 'briefingBlank')}
      </button>
    </div>
  );
}

/** For an iframe in a slide or a page: the map and the chapter controls, nothing else. */
export function EmbedView({ map }: { map: ReactNode }) {
  const { chapter, index, total, lang } = useChapter();
  return (
    <div className="briefing briefing-embed" data-role="embed" data-chapter-index={index}>
      <main className="map-area">
        {map}
        <Notices />
      </main>
      <footer className="briefing-bottom">
        <Controls fullscreen={false} />
        <span className="briefing-embed-title" data-chapter={chapter?.id}>
          {index + 1} / {total} · {chapter ? (lang === 'zh' ? chapter.title_zh : chapter.title_en) : ''}
        </span>
        <Progress />
      </footer>
      <ChapterAnnouncer />
    </div>
  );
}

/** The progress bar, and the chapter number being typed for a jump. */
function BottomBar({ digits }: { digits: string }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <footer className="briefing-bottom">
      <Progress />
      {digits && (
        <span className="briefing-digits" role="status">
          {t(lang, 'briefingJump', { n: digits })}
        </span>
      )}
    </footer>
  );
}

function Elapsed() {
  const lang = useAppStore((s) => s.lang);
  const start = useAppStore((s) => s.briefingStartedAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const secs = start ? Math.max(0, Math.floor((now - start) / 1000)) : 0;
  const mm = String(Math.floor(secs / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  return (
    <p className="briefing-elapsed">
      <span>{t(lang, 'briefingElapsed')}</span> <time data-testid="briefing-elapsed">{`${mm}:${ss}`}</time>
    </p>
  );
}

/** The presenter's laptop screen: notes, the next chapter, the clock; the audience window follows it. */
export function PresenterView({ map, digits }: { map: ReactNode; digits: string }) {
  const { chapter, index, total, lang } = useChapter();
  const next = useAppStore((s) => s.briefing?.chapters[s.briefingIndex + 1] ?? null);
  const panel = useRef<HTMLElement>(null);
  useTopOnChapter(panel, index);
  useSendRoomScroll(panel);
  return (
    <div className="briefing briefing-presenter" data-role="presenter" data-chapter-index={index}>
      <header className="briefing-presenter-head">
        <p className="briefing-presenter-title">
          <strong>{t(lang, 'briefingPresenterView')}</strong> · {t(lang, 'briefingChapterOf', { n: index + 1, total })}
        </p>
        <Elapsed />
        <PointerTools />
        <LegendToggle />
        <LangSwitch />
        <button type="button" onClick={() => openAudienceWindow(chapterLink(index + 1, lang))} data-action="open-audience">
          {t(lang, 'briefingOpenAudience')}
        </button>
        <AudienceStatus />
      </header>
      <main className="map-area">
        {map}
        <BriefingLegend />
        <DetourBadge />
        <Notices />
      </main>
      <aside className="briefing-panel" ref={panel}>
        {chapter && (
          <>
            <section className="briefing-notes" data-chapter={chapter.id}>
              <h1>{lang === 'zh' ? chapter.title_zh : chapter.title_en}</h1>
              <h2>{t(lang, 'briefingNotes')}</h2>
              <p>{lang === 'zh' ? chapter.notes_zh : chapter.notes_en}</p>
              <p className="briefing-said">{lang === 'zh' ? chapter.caption_zh : chapter.caption_en}</p>
              {/* the figures the room sees (the targets chapter) */}
              <ChapterFigures chapter={chapter} lang={lang} />
              <p className="briefing-clauses">{t(lang, 'briefingClauses', { list: clauseList(chapter.clauses, lang) })}</p>
            </section>
            <section className="briefing-next" data-next={next?.id ?? ''}>
              <h2>{t(lang, 'briefingNextUp')}</h2>
              {next ? (
                <>
                  <h3>
                    {index + 2}. {lang === 'zh' ? next.title_zh : next.title_en}
                  </h3>
                  <p>{lang === 'zh' ? next.caption_zh : next.caption_en}</p>
                  <ul className="briefing-chips">
                    {next.layers
                      .filter((l) => l !== 'basemap' && l !== 'districts')
                      .map((l) => (
                        <li key={l}>{t(lang, `group_${l}`)}</li>
                      ))}
                  </ul>
                </>
              ) : (
                <p>{t(lang, 'briefingLast')}</p>
              )}
            </section>
          </>
        )}
        <div className="briefing-panel-foot">
          <ExportControls />
          <p className="briefing-keys">{t(lang, 'briefingKeys')}</p>
        </div>
        <div className="briefing-panel-nav">
          <Controls />
        </div>
      </aside>
      <BottomBar digits={digits} />
      <ChapterAnnouncer />
    </div>
  );
}
