// Type-ahead matching for the procedure combobox. Pure, so it is unit-tested without a browser.
import type { ProcedureOption } from '../../../shared/ipc/entries';

const MAX_SHOWN = 12;

/**
 * Names that start with the query first ("ct c" -> "CT Chest..."), then names where every typed
 * word starts a different word of the name ("he con" -> "CT Head with contrast"), then substring
 * matches.
 * Within each group the given order (catalog order, or most recently logged) is kept.
 */
export function matchProcedures(options: readonly ProcedureOption[], query: string): ProcedureOption[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!q) return options.slice(0, MAX_SHOWN);
  const words = q.split(' ');
  const groups: ProcedureOption[][] = [[], [], []];
  for (const o of options) {
    const name = o.name.toLowerCase();
    const nameWords = name.split(/[\s/(),-]+/);
    if (name.startsWith(q)) groups[0]!.push(o);
    else if (wordsStartWords(words, nameWords)) groups[1]!.push(o);
    else if (name.includes(q)) groups[2]!.push(o);
  }
  return groups.flat().slice(0, MAX_SHOWN);
}

/** Each typed word starts its own word of the name (greedy, in typing order). */
function wordsStartWords(typed: readonly string[], nameWords: readonly string[]): boolean {
  const used = new Set<number>();
  return typed.every((w) => {
    const i = nameWords.findIndex((nw, k) => !used.has(k) && nw.startsWith(w));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}
