/** What the exported image says, from the store's state: the legend of the visible groups, texts, scale. */
import { t } from '../../i18n';
import type { AppState } from '../../state/store';
import type { Lang } from '../../domain/types';
import { HIGHLIGHT_COLOR, LAYER_GROUPS } from '../layers';
import type { LegendItem } from '../layers';
import { OVERLAY_LEGEND, SCHEMATIC_MARK, applicableItems } from '../../theme/legend';
import type { ExportContent } from './layout';
import { scaleBar } from './scale';
import type { ExportText } from '../../domain/map-image';
import { currentChapter } from '../../state/slices/briefing';
import { selectDotColours } from '../../state/selectors/parks';

/** An entry's text in the export's language, with the schematic mark where it applies. */
function legendLabel(s: AppState, item: LegendItem, lang: Lang): string {
  const mark = item.schematic ? (lang === 'zh' ? `（${SCHEMATIC_MARK.zh}）` : ` (${SCHEMATIC_MARK.en})`) : '';
  if (typeof item.label === 'string') return t(lang, item.label) + mark;
  const text = item.label[lang];
  if (!text.startsWith('sector:')) return text + mark;
  const node = s.derived?.sectorNodes.get(text.slice(7));
  return (node ? (lang === 'zh' ? node.name_zh : node.name_en) : text.slice(7)) + mark;
}

/** The content for a map of this size and ground resolution. */
export function exportContent(s: AppState, text: ExportText, map: { width: number; height: number; metresPerPixel: number }): ExportContent {
  const lang = text.lang;
  const bar = scaleBar(map.metresPerPixel, 140);
  const now = { filtered: s.sectorFilter.length > 0, sites: s.siteSets.length > 0, point: s.chosenPoint !== null };
  // with a sector filter on, the colours the dots can show, and no other
  const colours = selectDotColours(s);
  const overlays = applicableItems(OVERLAY_LEGEND, now);
  const chapter = currentChapter(s);
  return {
    mapWidth: map.width,
    mapHeight: map.height,
    title: text.title,
    subtitle: text.subtitle,
    caption: chapter ? (lang === 'zh' ? chapter.caption_zh : chapter.caption_en) : '',
    legendTitle: t(lang, 'legend'),
    groups: LAYER_GROUPS.filter((g) => s.layerVisibility[g.id])
      .map((g) => ({
        label: t(lang, g.label),
        items: applicableItems(g.legend, now, colours).map((item) => ({ swatch: item.swatch, label: legendLabel(s, item, lang) })),
      }))
      .concat(
        overlays.length
          ? [{ label: t(lang, 'legendOverlays'), items: overlays.map((item) => ({ swatch: item.swatch, label: legendLabel(s, item, lang) })) }]
          : [],
      ),
    highlight:
      s.briefingHighlight.length > 0
        ? { swatch: { kind: 'line', color: HIGHLIGHT_COLOR, width: 3.5 }, label: lang === 'zh' ? '本章重点' : 'Highlighted in this chapter' }
        : null,
    extra: text.extra,
    scaleBar: { px: bar.px, label: bar.label },
    source: t(lang, 'briefingSource'),
  };
}

/** Every text the image shows (to load the font for them first). */
export const contentTexts = (c: ExportContent): string[] => [
  c.title,
  c.subtitle,
  c.caption,
  c.legendTitle,
  c.source,
  c.scaleBar.label,
  ...c.groups.flatMap((g) => [g.label, ...g.items.map((i) => i.label)]),
  ...(c.highlight ? [c.highlight.label] : []),
  ...c.extra,
];
