/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vite runs this file with Node.js; the project's types are the browser's, so only what is used here is declared.
declare const process: { env: Record<string, string | undefined> };

// The gateway that `npm run dev` talks to: `./portal up` serves it on 8080.
const gateway = process.env.PORTAL_GATEWAY_URL ?? 'http://localhost:8080';
// Everything the gateway answers itself or routes to the services; the browser stays on Vite's origin, so the
// gateway's session cookie and CSRF cookie work as in production.
const proxied = ['/api', '/login', '/logout', '/oauth2', '/openapi', '/swagger-ui'];

export default defineConfig({
  plugins: [react()],
  build: {
    // Maven packages target/classes into the portal-ui jar; the gateway serves its static/ folder.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // the budget that counts is gzipped and checked by scripts/bundle-budget.mjs; this only quiets Vite's own raw-size warning
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, xfwd: true }])),
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
    // One jsdom per worker instead of one per file: 8x faster on two cores. The setup file resets what a test can
    // leave behind (rendered trees, cookies, storage, stubbed globals).
    pool: 'threads',
    isolate: false,
    // long form tests type many characters: on a loaded two-core machine they may need more than the default 5 s
    testTimeout: 20_000,
  },
});
