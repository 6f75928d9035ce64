import type { verifierChannels } from '../../../shared/ipc/verifiers';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import { archiveVerifier, getVerifier, insertVerifier, listVerifiers, missingSiteIds, updateVerifier } from '../tables/verifiers';
import type { ChannelsOf, HandlerMap } from './types';

export const verifierHandlers: HandlerMap<ChannelsOf<typeof verifierChannels>> = {
  'verifiers.list': (ctx) => listVerifiers(ctx.db),

  'verifiers.save': (ctx, input) => {
    const now = ctx.now().toISOString();
    const fields = { name: input.name, credentials: input.credentials, arrtId: input.arrtId, email: input.email, siteIds: [...new Set(input.siteIds)] };
    return ctx.db.transaction(() => {
      const unknown = missingSiteIds(ctx.db, fields.siteIds);
      if (unknown.length > 0) throw new AppFailure('validation', 'A chosen site no longer exists.', [{ path: 'siteIds', message: 'Choose the sites again.' }]);
      if (input.id === undefined) {
        const id = insertVerifier(ctx.db, fields, now);
        const created = getVerifier(ctx.db, id)!;
        appendAudit(ctx.db, now, 'verifier', id, 'create', null, created);
        return created;
      }
      const before = getVerifier(ctx.db, input.id);
      if (!before || !updateVerifier(ctx.db, input.id, fields, now)) throw new AppFailure('not-found', 'That verifier no longer exists.');
      const after = getVerifier(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'verifier', input.id, 'update', before, after);
      return after;
    })();
  },

  // Archived, never deleted: signatures keep naming the person who signed.
  'verifiers.archive': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const before = getVerifier(ctx.db, input.id);
      if (!before || !archiveVerifier(ctx.db, input.id, now)) throw new AppFailure('not-found', 'That verifier no longer exists.');
      appendAudit(ctx.db, now, 'verifier', input.id, 'delete', before, null);
      return { archived: input.id };
    })();
  },
};
