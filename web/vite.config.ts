import { fileURLToPath } from 'node:url';

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The C++ server serves dist/ (index.html for client-side routes, dist/assets/* with an
// immutable Cache-Control, which is safe only because Vite puts a content hash in every name).
const devServer = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: devServer, ws: true },
      '/health': devServer,
      '/ready': devServer,
      // The built-in Twilio stand-in (TELEPHONY=sim) answers the simulated device here.
      '/sim': devServer,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/__tests__/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup-tests.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole journeys (sign in, load, call, save) on a busy machine: see testing/setup-tests.ts.
    testTimeout: 20_000,
  },
});
