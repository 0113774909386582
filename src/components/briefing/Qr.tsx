import { useEffect, useState } from 'react';

/** A QR code of `text`, drawn locally as SVG (no service involved). */
export function Qr({ text, label, size = 128 }: { text: string; label: string; size?: number }) {
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
      <figcaption>{text}</figcaption>
    </figure>
  );
}
