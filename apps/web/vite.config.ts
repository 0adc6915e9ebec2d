import { defineConfig } from 'vite';

/*
 * The console. `npm run build:web` writes dist/web, which the API serves at `/`;
 * `npm run dev:web` serves it on :5173 and passes /api to the API (API_ORIGIN, default :3000).
 * Paths are relative to the repository root, where the npm scripts run. `build:web` sets
 * NODE_ENV=production itself: under `npm test` (NODE_ENV=test) Vite otherwise built React's
 * development runtime (jsx-dev-runtime, 176 KB gzipped more, and a far slower page).
 */
export default defineConfig({
  root: 'apps/web',
  base: '/',
  // Vite 8 compiles TSX with Oxc; React's automatic runtime needs no plugin for a build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The benchmark reads it to add up what each route loads first.
    manifest: true,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; a SPA has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000' },
  },
});
