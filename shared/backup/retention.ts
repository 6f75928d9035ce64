// Which backups to keep: the newest backup of each of the 7 most recent days that have one, of
// each of the 4 most recent weeks and of each of the 12 most recent months (grandfather-father-
// son, like restic's keep-daily/weekly/monthly). Pure: the caller lists files and deletes them.
//
// Buckets are UTC calendar days, Monday-based weeks and months of the backup's instant, so the
// rule never depends on the machine's time zone or on today's date. "The 7 most recent days"
// means days that HAVE a backup: a user away for a month still has 7 daily backups to choose from.
// On top of that, every backup from the 24 hours before the newest one is kept, so a backup the
// user just made is never deleted minutes later by a safety backup taken the same day.

export interface RetainedBackup {
  name: string;
  /** ISO-8601 instant the backup was taken. */
  createdAt: string;
}

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Keep everything this many hours older than the newest backup, or newer. */
  recentHours: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, recentHours: 24 };

export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

const DAY_MS = 86_400_000;

function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekKey(ms: number): string {
  // 1970-01-01 was a Thursday; shifting by 3 days makes every bucket start on a Monday.
  return `w${Math.floor((Math.floor(ms / DAY_MS) + 3) / 7)}`;
}

function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/**
 * Plans which backups to keep. `pinned` names are always kept (the backup an undo needs).
 * A backup whose date cannot be read is kept: deleting what we do not understand is never safe.
 */
export function planRetention(
  backups: readonly RetainedBackup[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
  pinned: ReadonlySet<string> = new Set(),
): RetentionPlan {
  const dated = backups
    .map((b) => ({ name: b.name, ms: Date.parse(b.createdAt) }))
    .sort((a, b) => (Number.isNaN(b.ms) ? -Infinity : b.ms) - (Number.isNaN(a.ms) ? -Infinity : a.ms) || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>(pinned);
  for (const b of dated) if (Number.isNaN(b.ms)) keep.add(b.name);
  const newest = dated.find((b) => !Number.isNaN(b.ms));
  if (newest) {
    for (const b of dated) if (b.ms >= newest.ms - policy.recentHours * 3_600_000) keep.add(b.name);
  }

  const buckets: Array<[(ms: number) => string, number]> = [
    [dayKey, policy.daily],
    [weekKey, policy.weekly],
    [monthKey, policy.monthly],
  ];
  for (const [key, limit] of buckets) {
    const seen = new Set<string>();
    for (const b of dated) {
      if (Number.isNaN(b.ms)) continue;
      const k = key(b.ms);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(b.name);
    }
  }
  const names = dated.map((b) => b.name);
  return { keep: names.filter((n) => keep.has(n)), remove: names.filter((n) => !keep.has(n)) };
}
