/** UI strings for moving around without a mouse (merged into src/i18n/index.ts). */
export const A11Y_STRINGS = {
  skipLinks: { zh: '跳转', en: 'Skip to' },
  mapRegion: { zh: '地图', en: 'Map' },
  skipMap: { zh: '跳到地图', en: 'Skip to the map' },
  skipFilters: { zh: '跳到筛选', en: 'Skip to the filters' },
  skipList: { zh: '跳到园区列表', en: 'Skip to the park list' },
  headerActions: { zh: '视图', en: 'Views' },
  areaFromView: { zh: '用当前视图', en: 'Use the current view' },
  areaFromViewHint: {
    zh: '把地图当前显示的范围设为所选范围（无需鼠标）',
    en: 'Set the chosen area to what the map shows now (no mouse needed)',
  },
  chapterAnnounce: { zh: '第 {n} 章，共 {total} 章：{title}', en: 'Chapter {n} of {total}: {title}' },
} as const;
