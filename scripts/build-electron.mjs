// Bundles the main process and the preload into CommonJS files under dist/electron, and the large
// libraries the main process loads on first use into dist/electron/vendor (see LAZY_VENDOR).
// A sandboxed preload cannot require() our modules, so it must be a single bundle.
import { build } from 'esbuild';
import { common, lazyVendor, mainOnly, vendorBuilds } from './electron-bundle-options.mjs';

await build({ ...common, ...mainOnly, plugins: [lazyVendor], entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' });
for (const options of vendorBuilds('dist/electron')) await build(options);
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('built dist/electron/main.cjs (+ vendor/) and dist/electron/preload.cjs');
