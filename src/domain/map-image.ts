/** What an image export of the map is asked for, and what it answers (see src/map/export). */
import type { Lang } from './types';

export interface ExportText {
  lang: Lang;
  title: string;
  subtitle: string;
  /** shown under the legend (e.g. the chapter's target figures) */
  extra: string[];
}

export type ExportFailure = 'noMap' | 'noCanvas' | 'blank';
export type ExportResult = { ok: true; blob: Blob; width: number; height: number } | { ok: false; reason: ExportFailure; detail?: string };
