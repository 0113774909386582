/** The statistics view's launcher strings (merged into src/i18n/index.ts; the view's own are in ./stats.ts). */
export const STATS_LAUNCH_STRINGS = {
  statsOpen: { zh: '统计', en: 'Statistics' },
  statsTitle: { zh: '统计与规划目标', en: 'Statistics and the plan’s targets' },
  statsClose: { zh: '关闭统计', en: 'Close the statistics' },
  statsLoading: { zh: '正在加载统计…', en: 'Loading the statistics…' },
} as const;
