/**
 * A chart as a file (pure): the chart's SVG inside one standalone SVG with its title and unit above
 * and its source line below, so the saved image says what it shows and where the figures are from.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FONT = "font-family=\"'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\"";

export function chartImageSvg(chart: string, size: { width: number; height: number }, text: { title: string; unit: string; source: string }): string {
  const top = 44;
  const bottom = 26;
  const w = size.width + 16;
  const h = size.height + top + bottom;
  const inner = chart.replace(/^<svg\b/, `<svg x="8" y="${top}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" ${FONT}>`,
    `<title>${esc(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="600" fill="#1f2328">${esc(text.title)}</text>`,
    `<text x="8" y="36" font-size="11" fill="#5f6670">${esc(text.unit)}</text>`,
    inner,
    `<text x="8" y="${h - 9}" font-size="10" fill="#5f6670">${esc(text.source)}</text>`,
    `</svg>`,
  ].join('\n');
}
