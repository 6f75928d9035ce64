// The preload exposes one object, `window.api`, with a named verb per contract channel. The
// renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type ChannelName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel: ChannelName, input: unknown) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
);
