// The one IPC contract: channel name -> zod argument schema -> result type. Everything that
// crosses the process boundary is declared here; main's handle(), the preload, the preview server
// and the renderer's `api` type are all derived from this object.
//
// To add a feature: write shared/ipc/<feature>.ts exporting `<feature>Channels`, spread it below,
// and register its handlers in electron/core/services/index.ts.
import type { z } from 'zod';
import type { Result } from '../result';
import { appChannels } from './app';
import { exportJsonChannels } from './exportjson';
import { importChannels } from './import';
import { nameChannels } from './names';
import { backupChannels } from './backups';
import { catalogChannels } from './catalogs';
import { complianceChannels } from './compliance';
import { dashboardChannels } from './dashboard';
import type { Channel } from './define';
import { documentChannels } from './documents';
import { educationChannels } from './education';
import { entryChannels } from './entries';
import { planningChannels } from './planning';
import { reviewChannels } from './review';
import { siteChannels } from './sites';
import { signoffChannels } from './signoff';
import { startChannels } from './start';
import { trackChannels } from './tracks';
import { verifierChannels } from './verifiers';

export const contract = {
  ...appChannels,
  ...exportJsonChannels,
  ...importChannels,
  ...nameChannels,
  ...backupChannels,
  ...trackChannels,
  ...catalogChannels,
  ...entryChannels,
  ...siteChannels,
  ...complianceChannels,
  ...verifierChannels,
  ...signoffChannels,
  ...documentChannels,
  ...dashboardChannels,
  ...planningChannels,
  ...educationChannels,
  ...startChannels,
  ...reviewChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

/** What a caller passes (defaults not yet applied). */
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>;
/** What a handler receives (after zod parsing and defaults). */
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = Contract[K] extends Channel<z.ZodType, infer O> ? O : never;

export type Namespace<K extends string = ChannelName> = K extends `${infer NS}.${string}` ? NS : never;

type Verb<K extends ChannelName> = undefined extends InputOf<K>
  ? (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>
  : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;

/** The renderer's API: `api.tracks.create({...})`, one named verb per channel. */
export type Api = {
  [NS in Namespace]: {
    [K in ChannelName as K extends `${NS}.${infer V}` ? V : never]: Verb<K>;
  };
};

export type Invoke = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;

/** Builds the nested `api` object from the contract's channel names and one transport function. */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    (api[ns] ??= {})[verb] = (input?: unknown) => invoke(name, input);
  }
  return api as unknown as Api;
}

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
