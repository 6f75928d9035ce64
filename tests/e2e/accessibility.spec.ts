// The axe gate: every section in both themes at 1366x768, plus the states that matter open (a paste
// preview, a batch open for signing, a planner proposal, an entry's history), checked against
// WCAG 2.0/2.1/2.2 A and AA. Any serious or critical violation fails, except the allow-listed ones
// below (third-party markup we cannot change, each with its reason). See docs/accessibility.md.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { openApp, gotoSection, sectionIds, startSeeded, STATES, type Seeded } from './a11y-support';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Rule id + CSS selector fragment -> why it is allowed. Only third-party markup belongs here. */
const ALLOWED: Array<{ rule: string; target: RegExp; reason: string }> = [];

let seeded: Seeded;
test.beforeAll(async () => {
  seeded = await startSeeded();
});
test.afterAll(async () => {
  await seeded.close();
});
test.use({ viewport: { width: 1366, height: 768 } });

async function audit(page: Page, where: string): Promise<string[]> {
  // Only violations are reported in full (passes would be serialised node by node: slow on long pages).
  const result = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  const problems: string[] = [];
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    const nodes = v.nodes.filter((n) => !ALLOWED.some((a) => a.rule === v.id && a.target.test(n.target.join(' '))));
    if (nodes.length === 0) continue;
    // One line per rule and page: the first place it happens, what axe says, how many more.
    const first = nodes[0]!;
    const why = first.failureSummary?.split('\n').slice(1, 2).join(' ').trim();
    problems.push(`${where}: ${v.id} (${v.impact}) at ${first.target.join(' ')}${nodes.length > 1 ? ` and ${nodes.length - 1} more` : ''} — ${why}`);
  }
  return problems;
}

for (const theme of ['light', 'dark'] as const) {
  test(`every section passes axe (WCAG 2.2 AA) in the ${theme} theme`, async ({ page }) => {
    await openApp(page, seeded.server, 'today', theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const problems: string[] = [];
    for (const id of await sectionIds(page)) {
      await gotoSection(page, id);
      problems.push(...(await audit(page, `${theme} ${id}`)));
    }
    expect(problems).toEqual([]);
  });

  test(`the states that matter pass axe in the ${theme} theme`, async ({ page }) => {
    await openApp(page, seeded.server, 'today', theme);
    const problems: string[] = [];
    for (const state of STATES) {
      await page.reload();
      await gotoSection(page, state.section);
      await state.open(page);
      problems.push(...(await audit(page, `${theme} ${state.name}`)));
    }
    expect(problems).toEqual([]);
  });
}

/** WCAG relative luminance contrast of two CSS rgb()/rgba() colours (alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
    const f = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// axe does not measure non-text contrast (WCAG 1.4.11): the border that shows where a field or a
// button is must reach 3:1 against what is behind it, in both themes.
for (const theme of ['light', 'dark'] as const) {
  test(`field and button borders reach 3:1 against their background in the ${theme} theme`, async ({ page }) => {
    await openApp(page, seeded.server, 'log', theme);
    const samples = await page.evaluate(() => {
      const bgOf = (el: Element): string => {
        for (let a: Element | null = el.parentElement; a; a = a.parentElement) {
          const bg = getComputedStyle(a).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      const picks = ['input[type="search"]', 'select:not([disabled])', 'textarea', 'input[type="date"]', '.btn:not(.btn-primary):not(:disabled)'];
      return picks.map((sel) => {
        const el = document.querySelector(sel)!;
        return { sel, border: getComputedStyle(el).borderTopColor, bg: bgOf(el) };
      });
    });
    const weak = samples.map((s) => ({ ...s, ratio: Math.round(contrast(s.border, s.bg) * 100) / 100 })).filter((s) => s.ratio < 3);
    expect(weak).toEqual([]);
  });
}
