// The ordered list of schema migrations. Append only; never edit or reorder a shipped step.
import { m001Initial } from './001-initial';
import { m002Catalogs } from './002-catalogs';
import { m003Capture } from './003-capture';
import { m004Sites } from './004-sites';
import { m005Signoff } from './005-signoff';
import { m006Planning } from './006-planning';
import { m008LogSearch } from './008-log-search';
import { m009Review } from './009-review';
import { m010Education } from './010-education';
import { m011RosterKinds } from './011-roster-kinds';
import { m012ImportHistory } from './012-import-history';
import { m013CatalogOrigin } from './013-catalog-origin';
import { m014AttachmentNames } from './014-attachment-names';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [
  m001Initial,
  m002Catalogs,
  m003Capture,
  m004Sites,
  m005Signoff,
  m006Planning,
  m008LogSearch,
  m009Review,
  m010Education,
  m011RosterKinds,
  m012ImportHistory,
  m013CatalogOrigin,
  m014AttachmentNames,
];

export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
