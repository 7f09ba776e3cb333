import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// `vite build --config web/vite.config.ts` → web/dist, served by `entrepot serve`.
// `vite --config web/vite.config.ts` serves the app with the API proxied to a running server.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.ENTREPOT_API ?? 'http://127.0.0.1:8080' },
  },
});
