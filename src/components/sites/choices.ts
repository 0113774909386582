/** The choices of the sites panel: coordinate systems and text encodings, with their names. */
import type { Crs } from '../../geo/crs';
import type { TextEncodingId } from '../../io/decode';
import type { StringKey } from '../../i18n';

export const CRS_CHOICES: readonly { crs: Crs; label: StringKey; short: string }[] = [
  { crs: 'wgs84', label: 'sitesCrsWgs84', short: 'WGS-84' },
  { crs: 'gcj02', label: 'sitesCrsGcj02', short: 'GCJ-02' },
  { crs: 'bd09', label: 'sitesCrsBd09', short: 'BD-09' },
];

/** How each encoding is named (as src/io/decode.ts reads them). */
export const ENCODING_NAMES: Record<TextEncodingId, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};
export const ENCODINGS = Object.keys(ENCODING_NAMES) as TextEncodingId[];
