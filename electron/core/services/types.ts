import type { ChannelName, OutputOf, ParsedInputOf } from '../../../shared/ipc/contract';
import type { Ctx } from '../context';

export type Handler<K extends ChannelName> = (ctx: Ctx, input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;

/** A service module's handlers for the channels of one feature. */
export type HandlerMap<K extends ChannelName> = { [P in K]: Handler<P> };

/** The channel names declared by one `<feature>Channels` object. */
export type ChannelsOf<T> = keyof T & ChannelName;
