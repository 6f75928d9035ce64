// Walks a zod 4 schema's definition tree (the contract's channel inputs) so tests can check every
// object and every string in it, and build an input that puts one value at one string field.
import type { z } from 'zod';

type Def = {
  type: string;
  [k: string]: unknown;
};
type Schema = { _zod: { def: Def } };

const defOf = (s: unknown): Def => (s as Schema)._zod.def;

export interface StringLeaf {
  /** Field path as the dispatcher reports it in `issues[].path` (joined with "."). */
  path: Array<string | number>;
  schema: z.ZodString;
  /** True for the key of a z.record: its issue path holds the key itself. */
  isRecordKey: boolean;
  /** The whole channel input with `value` at this field (literal discriminators filled in). */
  build: (value: string) => unknown;
}

export interface ObjectNode {
  path: Array<string | number>;
  strict: boolean;
  keys: string[];
  /** The whole channel input with this object replaced by `value`. */
  build: (value: Record<string, unknown>) => unknown;
}

export interface Walk {
  strings: StringLeaf[];
  objects: ObjectNode[];
}

/** Literal fields of an object (discriminators), so a union branch is chosen when we build. */
function literalFields(shape: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shape)) {
    const d = defOf(v);
    if (d.type === 'literal') out[k] = (d.values as unknown[])[0];
  }
  return out;
}

export function walkSchema(root: unknown): Walk {
  const strings: StringLeaf[] = [];
  const objects: ObjectNode[] = [];
  const seen = new Set<unknown>();

  const visit = (schema: unknown, path: Array<string | number>, wrap: (v: unknown) => unknown, depth: number): void => {
    if (depth > 40) return;
    const def = defOf(schema);
    switch (def.type) {
      case 'string':
        strings.push({ path, schema: schema as z.ZodString, isRecordKey: false, build: (v) => wrap(v) });
        return;
      case 'object': {
        const shape = def.shape as Record<string, unknown>;
        const catchall = def.catchall ? defOf(def.catchall).type : undefined;
        const fill = literalFields(shape);
        objects.push({ path, strict: catchall === 'never', keys: Object.keys(shape), build: (v) => wrap({ ...fill, ...v }) });
        for (const [key, child] of Object.entries(shape)) {
          visit(child, [...path, key], (v) => wrap({ ...fill, [key]: v }), depth + 1);
        }
        return;
      }
      case 'array':
        visit(def.element, [...path, 0], (v) => wrap([v]), depth + 1);
        return;
      case 'tuple':
        (def.items as unknown[]).forEach((item, i) => visit(item, [...path, i], (v) => wrap(Object.assign([], { [i]: v })), depth + 1));
        return;
      case 'record': {
        const keyDef = defOf(def.keyType);
        if (keyDef.type === 'string') {
          strings.push({ path, schema: def.keyType as z.ZodString, isRecordKey: true, build: (v) => wrap({ [v]: null }) });
        }
        visit(def.valueType, [...path, 'key'], (v) => wrap({ key: v }), depth + 1);
        return;
      }
      case 'union':
        for (const option of def.options as unknown[]) visit(option, path, wrap, depth + 1);
        return;
      case 'intersection':
        visit(def.left, path, wrap, depth + 1);
        visit(def.right, path, wrap, depth + 1);
        return;
      case 'pipe':
        visit(def.in, path, wrap, depth + 1);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        visit(def.innerType, path, wrap, depth + 1);
        return;
      case 'lazy': {
        if (seen.has(schema)) return;
        seen.add(schema);
        visit((def.getter as () => unknown)(), path, wrap, depth + 1);
        return;
      }
      default:
        return; // numbers, booleans, enums, literals, undefined, transforms...
    }
  };

  visit(root, [], (v) => v, 0);
  return { strings, objects };
}

const LENGTH_CHECKS = new Set(['max_length', 'min_length', 'length_equals', 'overwrite']);

/**
 * The string's length bound that stops the parse (`abort: true`), or null when there is none or a
 * pattern, refinement or format check could run before it.
 */
export function abortingMaxLength(schema: z.ZodString): number | null {
  const def = defOf(schema);
  if (typeof def.format === 'string' && def.format !== 'regex') return null; // z.email() etc.: the format runs first
  const checks = ((def.checks as unknown[]) ?? []).map((c) => defOf(c) as Def & { check: string; abort?: boolean; maximum?: number });
  for (const c of checks) {
    if (c.check === 'max_length' && c.abort === true) return c.maximum ?? null;
    if (!LENGTH_CHECKS.has(c.check)) return null;
  }
  return null;
}
