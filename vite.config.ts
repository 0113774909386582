/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fontFacesPlugin } from './build/font-faces-plugin.ts';
import { preloadGeoPlugin } from './build/preload-geo-plugin.ts';
import { cspPlugin } from './build/csp-plugin.ts';

export default defineConfig({
  plugins: [react(), fontFacesPlugin(), preloadGeoPlugin(), cspPlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { chunkSizeWarningLimit: 1600 },
  test: {
    testTimeout: 30000,
    // Two environments, two projects: pure logic in Node, React components in jsdom.
    // Browser specs (tests/e2e/*.spec.ts) run under node:test, never here.
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: { name: 'component', environment: 'jsdom', include: ['tests/component/**/*.test.{ts,tsx}'], setupFiles: ['./tests/setup-component.ts'] },
      },
    ],
  },
});
