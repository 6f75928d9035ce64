// A cache of prepared statements per connection, behind the connection's own `prepare()`.
//
// The backend writes `db.prepare(SQL).get(...)` where it needs a statement; compiling the SQL again
// on every call cost more than running it for most of the quick log's small statements (about a
// third of `entries.create` at 2,000 entries, see docs/benchmarks.md). The cache hands back the
// statement compiled last time for the same text, reset to what a fresh one would be: the modes
// `pluck()`, `raw()` and `expand()` persist on a statement, so they are switched off again. A
// statement still being iterated (`busy`) is never handed out; the caller gets a fresh one. SQLite
// recompiles a cached statement itself when the schema changes. Least recently used statements
// are dropped beyond CACHE_SIZE, so SQL built with varying text cannot grow it without bound.
import type { Database, Statement } from 'better-sqlite3';

export const CACHE_SIZE = 256;

export function cacheStatements(db: Database): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      // Most recently used last: a Map keeps insertion order.
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      return hit;
    }
    const stmt = compile(sql);
    if (!hit) {
      cache.set(sql, stmt);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  };
  db.prepare = prepare as Database['prepare'];
}
