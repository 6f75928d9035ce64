// The main-side handle() wrapper: every channel of the contract is registered through it. It
// rejects senders that are not our window showing our origin, then hands the raw argument to
// the dispatcher, which parses it with zod before any service code runs.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../core/dispatch';
import { isAppUrl } from './trusted-url';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, windowContentsId: number | undefined): boolean {
  if (windowContentsId === undefined || event.sender.id !== windowContentsId) return false;
  const frame = event.senderFrame;
  // Only the top frame of our window, showing app://radledger.
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, windowContentsId: () => number | undefined): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, windowContentsId())) {
        return fail('forbidden', 'This request did not come from the RadLedger window.');
      }
      return dispatch(channel, input);
    });
  }
}
