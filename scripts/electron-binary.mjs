// Where the Electron binary is, without triggering electron's lazy download (which needs a host
// that some machines cannot reach). Returns { path } or { missing: reason }.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return { missing: 'the electron package has not downloaded its binary yet (it fetches it on first run, from a host this machine cannot reach)' };
  }
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const bin = override ? path.join(override, rel) : path.join(pkg, 'dist', rel);
  return existsSync(bin) ? { path: bin } : { missing: `no Electron binary at ${bin}` };
}
