/**
 * The family name the page's own @font-face rules give the bundled Noto Sans SC slices
 * (src/app/font-rules.ts; the fallback at the end of styles.css's --ui-font-cjk; the map image
 * export). It is not the map's font name ('Noto Sans SC', the style's `text-font`): MapLibre draws
 * a character that none of the style's faces covers (︑, the vertical comma of its vertical labels)
 * with a CSS font named after that font stack, and under the same name it would load the page's
 * slices that cover the space (about 54 KB) and lay out all of the page's text again, while the
 * map is still loading.
 */
export const PAGE_FONT_FAMILY = 'Noto Sans SC UI';
