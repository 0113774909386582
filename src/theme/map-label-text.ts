/**
 * Text the map's labels add to the data's names. The label font (build/font-faces-plugin.ts) is
 * cut to the characters the map draws: these, the names in public/geo, and printable ASCII.
 */
export const SCHEMATIC_SUFFIX = { zh: '（示意）', en: ' (schematic)' } as const;
export const AIRPORT_PREFIX = '✈ ';

/** Every character above, for the font's cut. */
export const MAP_LABEL_TEXT = SCHEMATIC_SUFFIX.zh + SCHEMATIC_SUFFIX.en + AIRPORT_PREFIX;
