// `npm run preview`: serve the built renderer and the backend on loopback and print the URL.
import path from 'node:path';
import os from 'node:os';
import { startPreviewServer } from './server';

const dataDir = process.env.RADLEDGER_DATA_DIR?.trim() || path.join(os.homedir(), '.radledger-preview');
const server = await startPreviewServer({
  dataDir,
  rendererDir: path.resolve('dist/renderer'),
  port: process.env.PORT ? Number(process.env.PORT) : 0,
});
console.log(`RadLedger preview (data: ${dataDir})`);
console.log(`Open: ${server.openUrl}`);
console.log('Press Ctrl+C to stop.');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
