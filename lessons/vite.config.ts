/**
 * The interactive lesson site: `npm run lessons` serves it, `npm run lessons:build` writes a static
 * copy to out/lessons/ (relative URLs, so it works from any folder of a web server, offline).
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import { mnistDigits } from './mnist-asset';

const here = __dirname;

export default defineConfig({
  root: here,
  // Relative asset URLs: the built folder can be served from a sub-path such as GitHub Pages'.
  base: './',
  plugins: [mnistDigits()],
  resolve: {
    alias: {
      'node:fs': path.resolve(here, 'src/node-stub.ts'),
      'node:path': path.resolve(here, 'src/node-stub.ts'),
    },
  },
  worker: { format: 'es' },
  server: { fs: { allow: [path.resolve(here, '..')] } },
  build: {
    outDir: path.resolve(here, '../out/lessons'),
    emptyOutDir: true,
    // The engine, Markdown and Vega-Lite make one large script; nothing is fetched from elsewhere.
    chunkSizeWarningLimit: 2500,
  },
});
