/**
 * The installable app and its offline copy (vite-plugin-pwa → Workbox's generateSW): the web app
 * manifest, and what the service worker precaches. Every file of a build is precached under one
 * service-worker version (revisioned), so a page never gets data from one build and code from
 * another; a new build waits until the user reloads (registerType 'prompt', src/app/service-worker.ts).
 */
import type { ManifestOptions } from 'vite-plugin-pwa';

export const PWA_MANIFEST: Partial<ManifestOptions> = {
  name: '上海战略性新兴产业集群地图 · Shanghai Strategic Emerging Industries Cluster Map',
  short_name: '上海产业集群地图',
  description: 'Shanghai 14th Five-Year Plan for strategic emerging industries: the layout, the parks and a briefing (offline).',
  lang: 'zh-CN',
  // relative to the manifest: the app works from whatever path it is served under
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#1f2328',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

export const PWA_WORKBOX = {
  // the shell, the lazy chunks, MapLibre's worker (.mjs), the data (public/geo), the map's font slices and its labels' pack, the icons
  globPatterns: ['**/*.{html,js,mjs,css,json,geojson,woff2,woff2pack,svg,png,webmanifest}'],
  // the map library's chunk is over Workbox's 2 MB default
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // any navigation inside the app's scope (?tour=3, ?view=presenter…) is the app's page
  navigateFallback: 'index.html',
  cleanupOutdatedCaches: true,
};
