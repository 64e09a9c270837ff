// One Vite config for the viewer build and for vitest.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: '.',
  build: { outDir: 'viewer/dist', emptyOutDir: true },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
