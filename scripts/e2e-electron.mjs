// Runs the Playwright _electron spec wherever an Electron binary exists, and says plainly when it
// cannot (instead of reporting a skipped test).
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const found = findElectronBinary();
if (!found.path) {
  console.log(`Electron E2E: NOT RUN on this machine: ${found.missing}.`);
  console.log('Electron E2E: the same UI is tested in Chromium against the preview server (npm run test:e2e).');
  process.exit(0);
}
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY;
const cmd = needsDisplay ? 'xvfb-run' : 'npx';
const args = needsDisplay ? ['-a', 'npx', 'playwright', 'test', '-c', 'playwright.electron.config.ts'] : ['playwright', 'test', '-c', 'playwright.electron.config.ts'];
const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ELECTRON_BINARY: found.path } });
process.exit(r.status ?? 1);
