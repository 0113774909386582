/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fontFacesPlugin } from './build/font-faces-plugin.ts';
import { preloadGeoPlugin } from './build/preload-geo-plugin.ts';

export default defineConfig({
  plugins: [react(), fontFacesPlugin(), preloadGeoPlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { chunkSizeWarningLimit: 1600 },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 30000,
  },
});
