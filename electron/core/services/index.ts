// Every channel of the contract has exactly one handler here; the type makes a missing one a
// compile error.
import type { ChannelName } from '../../../shared/ipc/contract';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { complianceHandlers } from './compliance';
import { entryHandlers } from './entries';
import { siteHandlers } from './sites';
import { trackHandlers } from './tracks';
import type { HandlerMap } from './types';

export const handlers: HandlerMap<ChannelName> = {
  ...appHandlers,
  ...backupHandlers,
  ...trackHandlers,
  ...entryHandlers,
  ...siteHandlers,
  ...complianceHandlers,
};
