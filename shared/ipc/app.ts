import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  /** 'electron' inside the desktop app, 'preview' in the browser preview. */
  host: 'electron' | 'preview';
}

export const appChannels = {
  'app.info': channel<AppInfo>()(z.undefined()),
};
