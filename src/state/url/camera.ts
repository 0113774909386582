/** The camera in the URL's hash, like MapLibre's: `#zoom/lat/lng` (e.g. `#10.50/31.2304/121.4737`). */
import type { Camera } from '../../domain/types';
import { CAMERA_LIMITS } from './types';
import type { NoticeCode } from './types';
import { roundTo } from './text';

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseCamera(hash: string, notice: (code: NoticeCode, value: string, reason: string) => void): Camera | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.trim() === '') return null;
  const parts = raw.split('/');
  if (parts.length !== 3) {
    notice('malformed', raw, parts.length > 3 ? 'too many parts (expected zoom/lat/lng)' : 'expected zoom/lat/lng');
    return null;
  }
  const nums = parts.map((p) => (NUMBER_RE.test(p) ? Number(p) : NaN));
  if (!nums.every(Number.isFinite)) {
    notice('malformed', raw, 'not a number (expected zoom/lat/lng)');
    return null;
  }
  const [zoom, lat, lng] = nums as [number, number, number];
  const camera: Camera = { zoom: roundTo(zoom, 2), lat: roundTo(lat, 4), lng: roundTo(lng, 4) };
  if (!isValidCamera(camera)) {
    notice('unknown-value', raw, 'camera out of range');
    return null;
  }
  return camera;
}

export function isValidCamera(c: unknown): c is Camera {
  if (typeof c !== 'object' || c === null) return false;
  const cam = c as Record<string, unknown>;
  return (Object.keys(CAMERA_LIMITS) as (keyof Camera)[]).every((k) => {
    const v = cam[k];
    const [lo, hi] = CAMERA_LIMITS[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
  });
}

export function formatCamera(c: Camera | null): string {
  if (!isValidCamera(c)) return '';
  const zoom = roundTo(c.zoom, 2);
  const lat = roundTo(c.lat, 4);
  const lng = roundTo(c.lng, 4);
  if (!isValidCamera({ zoom, lat, lng })) return '';
  return `#${zoom.toFixed(2)}/${lat.toFixed(4)}/${lng.toFixed(4)}`;
}
