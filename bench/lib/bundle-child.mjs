// Bundles bench/lib/child.ts exactly as scripts/build-electron.mjs bundles Electron's main process
// (the same esbuild options, and the same vendor/ files for the libraries loaded on first use), so
// a bench child pays at start-up and in memory what the app pays. Run by spawn.ts in its own Node
// (esbuild plugins need the asynchronous build). Usage: node bundle-child.mjs <outfile>
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { common, lazyVendor, mainOnly, vendorBuilds } from '../../scripts/electron-bundle-options.mjs';

const outfile = process.argv[2];
const here = path.dirname(fileURLToPath(import.meta.url));
await build({ ...common, ...mainOnly, plugins: [lazyVendor], entryPoints: [path.join(here, 'child.ts')], outfile, logLevel: 'warning' });
for (const options of vendorBuilds(path.dirname(outfile))) await build({ ...options, logLevel: 'warning' });
