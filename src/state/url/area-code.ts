/**
 * A drawn area in a URL, compactly: the ring's corners at 1e-4° (≈ 10 m, finer than a hand-drawn
 * corner), the first absolute and the rest as differences, each number zigzag-varint coded and the
 * bytes written as base64url. A 12-corner area takes about 60 characters.
 */
import type { Polygon } from 'geojson';

export const AREA_PRECISION = 1e4;
/** The most characters an area may take in a link (longer ones are left out, with a notice). */
export const MAX_AREA_CHARS = 600;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function pushVarint(out: number[], n: number): void {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  while (z >= 0x80) {
    out.push((z % 0x80) | 0x80);
    z = Math.floor(z / 0x80);
  }
  out.push(z);
}

/** The code of a polygon's outer ring (the closing corner is implied), or null if it is not a ring. */
export function encodeArea(p: Polygon): string | null {
  const ring = p.coordinates[0];
  if (!ring || ring.length < 4) return null;
  const corners = ring.slice(0, -1);
  const bytes: number[] = [];
  let px = 0;
  let py = 0;
  for (const c of corners) {
    const x = Math.round(c[0]! * AREA_PRECISION);
    const y = Math.round(c[1]! * AREA_PRECISION);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    pushVarint(bytes, x - px);
    pushVarint(bytes, y - py);
    px = x;
    py = y;
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += B64[c & 63]!;
  }
  return out;
}

/** The polygon of a code, or a reason it is not one. */
export function decodeArea(code: string): { ok: true; area: Polygon } | { ok: false; reason: string } {
  if (code.length > MAX_AREA_CHARS) return { ok: false, reason: `area code longer than ${MAX_AREA_CHARS} characters` };
  const bits: number[] = [];
  for (const ch of code) {
    const v = B64.indexOf(ch);
    if (v < 0) return { ok: false, reason: 'not an area code' };
    bits.push(v);
  }
  const bytes: number[] = [];
  for (let i = 0; i < bits.length; i += 4) {
    const [a, b, c, d] = [bits[i]!, bits[i + 1], bits[i + 2], bits[i + 3]];
    if (b === undefined) return { ok: false, reason: 'not an area code' };
    bytes.push((a << 2) | (b >> 4));
    if (c !== undefined) bytes.push(((b & 15) << 4) | (c >> 2));
    if (d !== undefined) bytes.push(((c! & 3) << 6) | d);
  }
  const nums: number[] = [];
  let z = 0;
  let scale = 1;
  for (const byte of bytes) {
    z += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
      if (scale > 2 ** 35) return { ok: false, reason: 'not an area code' };
    } else {
      nums.push(z % 2 === 0 ? z / 2 : -(z + 1) / 2);
      z = 0;
      scale = 1;
    }
  }
  if (scale !== 1 || nums.length % 2 !== 0) return { ok: false, reason: 'not an area code' };
  const ring: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < nums.length; i += 2) {
    x += nums[i]!;
    y += nums[i + 1]!;
    const lng = x / AREA_PRECISION + 0; // no -0
    const lat = y / AREA_PRECISION;
    if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return { ok: false, reason: 'a corner is outside the world' };
    ring.push([lng, lat]);
  }
  if (ring.length < 3) return { ok: false, reason: 'an area needs at least 3 corners' };
  ring.push([ring[0]![0], ring[0]![1]]);
  return { ok: true, area: { type: 'Polygon', coordinates: [ring] } };
}
