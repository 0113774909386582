/**
 * Over the map: the drop target for site files (a file dropped anywhere on the page is taken;
 * the veil shows while one is dragged) and the card of the picked imported site.
 */
import { Suspense, useEffect, useState } from 'react';
import { t } from '../../i18n';
import { lazyPart } from '../lazy-part';
import { PanelBoundary } from '../PanelBoundary';
import { importSiteFile } from '../../state/link-client';
import { useAppStore, useStoreApi } from '../../state/store';
import { prepareImport } from './prepare-import';

/** The card loads with the first site picked (there are none before an import). */
const SiteCard = lazyPart(
  () => import('./SiteCard'),
  (m) => m.SiteCard,
);
import './sites.css';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types ?? []).includes('Files');

function CardWhenPicked() {
  const picked = useAppStore((s) => s.selectedSite !== null);
  const lang = useAppStore((s) => s.lang);
  if (!picked) return null;
  return (
    <PanelBoundary name={t(lang, 'panel_card')}>
      <Suspense fallback={null}>
        <SiteCard />
      </Suspense>
    </PanelBoundary>
  );
}

export function SitesOverlay() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // a file on its way: the import's preparation starts now
      if (depth === 0) prepareImport(store);
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      const files = e.dataTransfer?.files;
      depth = 0;
      setDragging(false);
      if (!files || files.length === 0) return;
      e.preventDefault();
      const f = files[0]!;
      if (files.length > 1) store.getState().addNotice(t(store.getState().lang, 'sitesDropOne', { file: f.name }));
      void importSiteFile(store, f);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [store]);

  return (
    <>
      {/* a card over the map: the point the map flew to is kept clear of it (MapController) */}
      <div className="sites-card-slot" data-map-cover="card">
        <CardWhenPicked />
      </div>
      {dragging && (
        <div className="sites-drop" data-testid="sites-drop" aria-hidden="true">
          <p>{t(lang, 'sitesDropHere')}</p>
        </div>
      )}
    </>
  );
}
