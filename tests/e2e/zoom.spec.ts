// Reflow (WCAG 1.4.10): at 320 CSS px wide — 400 % zoom of a 1280 px window — no page scrolls
// sideways, and the navigation is one menu button away. Screenshots of every section go to
// test-results/zoom-400/ (looked at by hand; see docs/accessibility.md).
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
// 1280x1024 at 400 %: WCAG's own reference for reflow.
test.use({ viewport: { width: 320, height: 256 } });

/** Every scrolling box of the page shell that scrolls sideways, with by how much. */
async function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // The shell marks a box that overflows as a scroll region in the animation frame after the
    // content changed (components/scrollRegions.ts): measure once that frame has run. A CI run
    // measured the Plan page in between and flagged its calendar, which scrolls by design.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const out: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth) out.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    const main = document.getElementById('main')!;
    if (main.scrollWidth > main.clientWidth) out.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
    // Content that sticks out of the window (clipped instead of reflowed) counts as well, unless it
    // sits in a region the user can scroll by keyboard (data tables may scroll in two dimensions).
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, h1, h2, h3, p, label'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= window.innerWidth + 1) continue;
      if (el.closest('[data-scroll-region], .visually-hidden')) continue;
      out.push(`${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}” ends at ${Math.round(r.right)} px`);
      if (out.length > 8) break;
    }
    return out;
  });
}

/** The page scrolls inside <main>, so a full-page shot would show one screen: grow the window's
 * height (not its width, so the layout stays the 320 px one) for the picture, then shrink it back. */
async function tallShot(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => document.getElementById('main')!.scrollHeight + 60);
  const tall = Math.min(height, 6000);
  await page.setViewportSize({ width: 320, height: tall });
  // In pieces of 1000 px, so each picture can be read at its real size.
  for (let y = 0, n = 1; y < tall; y += 1000, n++) {
    await page.screenshot({ path: file.replace(/\.png$/, `-${n}.png`), clip: { x: 0, y, width: 320, height: Math.min(1000, tall - y) } });
  }
  await page.setViewportSize({ width: 320, height: 256 });
}

test('at 400 % zoom no section scrolls sideways', async ({ page }) => {
  await openApp(page, seeded.server);
  const problems: string[] = [];
  for (const id of await sectionIds(page)) {
    await gotoSection(page, id);
    await eachTab(page, async (tab) => {
      const where = tab ? `${id}/${tab}` : id;
      problems.push(...(await sidewaysScroll(page)).map((p) => `${where}: ${p}`));
      await tallShot(page, `test-results/zoom-400/${where.replace(/\W+/g, '-')}.png`);
    });
  }
  expect(problems).toEqual([]);
});

test('at 400 % zoom the states that matter do not scroll sideways either', async ({ page }) => {
  await openApp(page, seeded.server);
  const problems: string[] = [];
  for (const state of STATES) {
    await page.reload();
    await gotoSection(page, state.section);
    await state.open(page);
    problems.push(...(await sidewaysScroll(page)).map((p) => `${state.name}: ${p}`));
    await tallShot(page, `test-results/zoom-400/state-${state.name.replace(/\W+/g, '-')}.png`);
  }
  expect(problems).toEqual([]);
});

test('at 400 % zoom the navigation is behind a menu button that opens, moves and closes', async ({ page }) => {
  await openApp(page, seeded.server, 'today');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: /^Sites/ })).toBeHidden();
  // From the keyboard: the menu is the first stop after the skip link.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const sites = nav.getByRole('link', { name: /^Sites/ });
  await expect(sites).toBeVisible();
  await page.screenshot({ path: 'test-results/zoom-400/menu-open.png' });
  // The page under the open menu takes no Tab stops: focus stays in the navigation.
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).toBe(false);
  }
  await menu.focus();
  // Escape closes it and focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(sites).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await sites.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeFocused();
  await expect(sites).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
