import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a plain React app. It is served from app:// in Electron and from the preview
// server in a browser, so every asset URL is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
});
