// The web app's build (`vite build` → dist/, which the API serves) and its dev server (`vite`), which
// proxies the API so that the app always talks to its own origin, as it does when the API serves it.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.RHYTHM_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle for a signed-in app (React, Mantine, the pages): ~640 kB, ~195 kB gzipped. Splitting
    // it per page would save little, since every page uses the same components.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/openapi.json': api, '/docs': api },
  },
});
