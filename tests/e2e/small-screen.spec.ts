// Small laptops: at 1024x700 and 1280x720 every section's actions (Edit, Delete, Save, …) sit inside
// the window without sideways scrolling, the navigation folds into a menu button where the window is
// narrow, and stacked toasts stay few and never hide the control that has focus. Screenshots go to
// test-results/small-screen/ (looked at by hand; see docs/accessibility.md).
import type { Page } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { eachTab, gotoSection, openApp, sectionIds, startSeeded, STATES, type Seeded } from './a11y-support';

let seeded: Seeded;
test.beforeAll(async () => {
  seeded = await startSeeded();
});
test.afterAll(async () => {
  await seeded.close();
});

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 720 },
];

/** Buttons, links and fields that are cut off sideways (by the window or a clipping box). */
async function cutOffActions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const main = document.getElementById('main')!;
    if (main.scrollWidth > main.clientWidth) out.push(`the page scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth) out.push(`the document scrolls sideways (${doc.scrollWidth} > ${doc.clientWidth})`);
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;
      let right = window.innerWidth;
      let left = 0;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible') continue;
        const c = a.getBoundingClientRect();
        right = Math.min(right, c.left + a.clientLeft + a.clientWidth);
        left = Math.max(left, c.left + a.clientLeft);
      }
      if (r.right > right + 1 || r.left < left - 1) {
        out.push(`${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}” is cut off (${Math.round(r.left)}–${Math.round(r.right)} px, visible ${Math.round(left)}–${Math.round(right)})`);
      }
      if (out.length > 10) break;
    }
    return out;
  });
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} every section's actions are on screen`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, seeded.server);
    // The sidebar folds into a menu button below 1100 px and stays open above.
    const menu = page.getByRole('button', { name: 'Menu' });
    if (size.width < 1100) await expect(menu).toBeVisible();
    else await expect(menu).toBeHidden();
    const problems: string[] = [];
    for (const id of await sectionIds(page)) {
      await gotoSection(page, id);
      await eachTab(page, async (tab) => {
        const where = tab ? `${id}/${tab}` : id;
        problems.push(...(await cutOffActions(page)).map((p) => `${where}: ${p}`));
        await page.screenshot({ path: `test-results/small-screen/${size.width}x${size.height}-${where.replace(/\W+/g, '-')}.png` });
      });
    }
    for (const state of STATES) {
      await page.reload();
      await gotoSection(page, state.section);
      await state.open(page);
      problems.push(...(await cutOffActions(page)).map((p) => `${state.name}: ${p}`));
      await page.screenshot({ path: `test-results/small-screen/${size.width}x${size.height}-state-${state.name.replace(/\W+/g, '-')}.png` });
    }
    // An entry being edited inline: Save and Cancel on screen too.
    await page.reload();
    await gotoSection(page, 'log');
    await page.getByRole('button', { name: 'Edit Routine Head on 2026-11-23' }).click();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
    problems.push(...(await cutOffActions(page)).map((p) => `log, editing: ${p}`));
    await page.screenshot({ path: `test-results/small-screen/${size.width}x${size.height}-log-editing.png` });
    expect(problems).toEqual([]);
  });
}

test('at 1024x700 stacked toasts stay few and never cover the focused control', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, seeded.server, 'log');
  // Four quick saves in a row: four toasts with Undo.
  const procedure = page.getByRole('combobox', { name: 'Procedure', exact: true });
  const names = ['Routine Head', 'Routine Chest', 'Sinuses', 'Orbits'];
  for (const name of names) {
    await procedure.fill(name);
    await page.getByLabel('Date performed').fill('2026-11-24');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByText(`Logged ${name} on 2026-11-24.`)).toBeVisible();
  }
  const toasts = page.locator('.toast');
  expect(await toasts.count()).toBeLessThanOrEqual(2);
  await page.screenshot({ path: 'test-results/small-screen/1024x700-toasts.png' });
  // Tab through the log with the toasts up: nothing that takes focus sits under them.
  const covered: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.closest('.toast-region')) return null;
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return at && at.closest('.toast-region') ? (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName) : null;
    });
    if (hit) covered.push(hit);
  }
  expect(covered).toEqual([]);
  // The toasts say what happened and offer Undo; the list of entries stays usable beside them.
  await expect(toasts.last()).toContainText('Logged Orbits on 2026-11-24.');
  await toasts.last().getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByText('Logged Orbits on 2026-11-24.')).toHaveCount(0);
});
