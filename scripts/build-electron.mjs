// Bundles the main process and the preload into CommonJS files under dist/electron.
// A sandboxed preload cannot require() our modules, so it must be a single bundle.
import { build } from 'esbuild';
import { common, mainOnly } from './electron-bundle-options.mjs';

await build({ ...common, ...mainOnly, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
