// Every channel of the contract has exactly one handler here; the type makes a missing one a
// compile error.
import type { ChannelName } from '../../../shared/ipc/contract';
import { appHandlers } from './app';
import { exportJsonHandlers } from './exportjson';
import { importHandlers } from './import';
import { nameHandlers } from './names';
import { backupHandlers } from './backups';
import { catalogHandlers } from './catalogs';
import { complianceHandlers } from './compliance';
import { dashboardHandlers } from './dashboard';
import { documentHandlers } from './documents';
import { educationHandlers } from './education';
import { entryHandlers } from './entries';
import { planningHandlers } from './planning';
import { reviewHandlers } from './review';
import { siteHandlers } from './sites';
import { signoffHandlers } from './signoff';
import { startHandlers } from './start';
import { trackHandlers } from './tracks';
import type { HandlerMap } from './types';
import { verifierHandlers } from './verifiers';

export const handlers: HandlerMap<ChannelName> = {
  ...appHandlers,
  ...exportJsonHandlers,
  ...importHandlers,
  ...nameHandlers,
  ...backupHandlers,
  ...trackHandlers,
  ...catalogHandlers,
  ...entryHandlers,
  ...siteHandlers,
  ...complianceHandlers,
  ...verifierHandlers,
  ...signoffHandlers,
  ...documentHandlers,
  ...dashboardHandlers,
  ...planningHandlers,
  ...educationHandlers,
  ...startHandlers,
  ...reviewHandlers,
};
