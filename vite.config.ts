import { defineConfig } from 'vitest/config';

// The UI lives in ui/; its build goes to ui/dist, which Tauri embeds.
export default defineConfig({
  root: 'ui',
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // One small bundle: no module preload polyfill needed in WebKit.
    modulePreload: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
