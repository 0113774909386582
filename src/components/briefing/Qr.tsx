import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import type { Lang } from '../../domain/types';

/**
 * A QR code of a link, drawn locally as SVG (no service involved). A link that only works on this
 * computer (no public address configured, the page on a loopback address or a file) says so, in a
 * few quiet words for the room (the presenter's handout export says how to set a public address).
 */
export function Qr({ link, label, lang, size = 128 }: { link: { href: string; local: boolean }; label: string; lang: Lang; size?: number }) {
  const text = link.href;
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // the QR library loads when a code is first shown
    import('qrcode')
      .then((QRCode) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (live) setSrc(null);
      });
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <figure className="briefing-qr">
      {src ? <img src={src} width={size} height={size} alt={label} data-qr-text={text} /> : <div style={{ width: size, height: size }} />}
      <figcaption>
        {text}
        {link.local && (
          <span className="briefing-qr-local" role="note">
            {t(lang, 'briefingQrLocalRoom')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
