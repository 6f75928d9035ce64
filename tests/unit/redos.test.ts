// Static ReDoS check: every regular expression in electron/, shared/ and renderer/ (literals and
// `new RegExp(...)` built from constants) is checked with recheck, a maintained ReDoS analyser.
// A pattern that can backtrack super-linearly fails the test with recheck's attack string.
// recheck runs here on its pure-JavaScript backend (no JVM, no native binary, no network).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

process.env.RECHECK_BACKEND = 'pure';
const { checkSync } = await import('recheck');

const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['electron', 'shared', 'renderer'];

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mjs|js)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Expressions made only of string constants: literals, templates, String.raw, +, [..].join(..). */
function isStringConstant(n: ts.Node, consts: Set<string>): boolean {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return true;
  if (ts.isIdentifier(n)) return consts.has(n.text);
  if (ts.isParenthesizedExpression(n)) return isStringConstant(n.expression, consts);
  if (ts.isTemplateExpression(n)) return n.templateSpans.every((s) => isStringConstant(s.expression, consts));
  if (ts.isTaggedTemplateExpression(n)) {
    return n.tag.getText() === 'String.raw' && (ts.isNoSubstitutionTemplateLiteral(n.template) || n.template.templateSpans.every((s) => isStringConstant(s.expression, consts)));
  }
  if (ts.isBinaryExpression(n)) return n.operatorToken.kind === ts.SyntaxKind.PlusToken && isStringConstant(n.left, consts) && isStringConstant(n.right, consts);
  if (ts.isArrayLiteralExpression(n)) return n.elements.every((e) => isStringConstant(e, consts));
  if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'join') {
    return isStringConstant(n.expression.expression, consts) && n.arguments.every((a) => isStringConstant(a, consts));
  }
  return false;
}

function evaluate(expr: ts.Node, env: Record<string, unknown>): unknown {
  const js = ts.transpile(`(${expr.getText()})`, { target: ts.ScriptTarget.ES2022 });
  return new Function(...Object.keys(env), `return ${js.trim().replace(/;$/, '')}`)(...Object.values(env)) as unknown;
}

function regexesIn(file: string): { found: Found[]; unresolved: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const rel = path.relative(ROOT, file);
  const at = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  // Top-level string constants, in source order, so `new RegExp(`...${MONTH}...`)` can be rebuilt.
  const consts = new Set<string>();
  const env: Record<string, unknown> = {};
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && isStringConstant(d.initializer, consts)) {
        env[d.name.text] = evaluate(d.initializer, env);
        consts.add(d.name.text);
      }
    }
  }
  const found: Found[] = [];
  const unresolved: string[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText();
      const slash = lit.lastIndexOf('/');
      found.push({ where: at(n), source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const [pattern, flags] = n.arguments ?? [];
      if (pattern && isStringConstant(pattern, consts) && (!flags || isStringConstant(flags, consts))) {
        found.push({ where: at(n), source: String(evaluate(pattern, env)), flags: flags ? String(evaluate(flags, env)) : '' });
      } else {
        unresolved.push(at(n));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { found, unresolved };
}

const scanned = FOLDERS.flatMap((f) => sourceFiles(path.join(ROOT, f))).map(regexesIn);
const patterns = scanned.flatMap((s) => s.found);

describe('no regular expression in the source can backtrack super-linearly', () => {
  it('finds the patterns (literals and new RegExp) across electron/, shared/ and renderer/', () => {
    expect(patterns.length).toBeGreaterThan(100);
    expect(patterns.some((p) => p.where.startsWith('shared/phi.ts'))).toBe(true);
  });

  it('builds every new RegExp from constants, so its pattern can be checked', () => {
    expect(scanned.flatMap((s) => s.unresolved)).toEqual([]);
  });

  it('recheck finds every pattern safe', () => {
    const bad: string[] = [];
    for (const p of patterns) {
      const t0 = performance.now();
      // A fixed seed: recheck's fuzzer is random, and a test must give the same answer every run.
      const d = checkSync(p.source, p.flags, { timeout: 20_000, randomSeed: 14 });
      if (process.env.REDOS_TIMES) console.log(Math.round(performance.now() - t0), p.where);
      if (d.status === 'safe') continue;
      const detail =
        d.status === 'vulnerable'
          ? `${d.complexity.summary}, attack ${JSON.stringify(d.attack.pattern)}`
          : `unknown (${d.error.kind})`;
      bad.push(`${p.where} /${p.source}/${p.flags}: ${detail}`);
    }
    expect(bad).toEqual([]);
  }, 300_000);
});
