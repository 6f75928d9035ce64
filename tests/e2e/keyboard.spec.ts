// Keyboard use, checked in the real renderer: Tab through every section (and with the paste preview
// and an entry's history open) and require each focused element to be visible — inside the
// viewport, not covered by another element (elementFromPoint at its centre), its focus ring not
// clipped by a scrolling ancestor. Then: the skip link lands on the page, changing section moves
// focus to the new heading and names the document, and closing a panel or dialog gives focus back
// to the control that opened it. See docs/accessibility.md.
import type { Page } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { gotoSection, openApp, sectionIds, startSeeded, STATES, type Seeded } from './a11y-support';

let seeded: Seeded;
test.beforeAll(async () => {
  seeded = await startSeeded();
});
test.afterAll(async () => {
  await seeded.close();
});
test.use({ viewport: { width: 1366, height: 768 } });

/** At most this many Tab stops per page: enough for every control above a long list. */
const MAX_STOPS = 90;

/** What is wrong with how the focused element is shown, or null when it is fully visible. */
function focusProblem(): string | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}”`;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return `${name} has no size`;
  if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
    return `${name} is outside the viewport (${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)})`;
  }
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const hit = document.elementFromPoint(cx, cy);
  const own = (n: Element | null) => n !== null && (el.contains(n) || n.contains(el) || (n instanceof HTMLLabelElement && n.control === el));
  if (!own(hit)) {
    const by = hit as HTMLElement | null;
    return `${name} is covered by ${by?.tagName.toLowerCase()}.${by?.className}`;
  }
  // The focus ring (outline + offset) must not be cut by an ancestor that clips its overflow.
  const style = getComputedStyle(el);
  const ring = Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset)) - 0.5;
  for (let a = el.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const c = a.getBoundingClientRect();
    const bx = a.clientLeft;
    const by = a.clientTop;
    const left = c.left + bx;
    const top = c.top + by;
    const right = left + a.clientWidth;
    const bottom = top + a.clientHeight;
    const clipX = s.overflowX !== 'visible';
    const clipY = s.overflowY !== 'visible';
    if ((clipX && (r.left - ring < left - 0.5 || r.right + ring > right + 0.5)) || (clipY && (r.top - ring < top - 0.5 || r.bottom + ring > bottom + 0.5))) {
      return `${name} (or its focus ring) is clipped by ${a.tagName.toLowerCase()}.${a.className}`;
    }
  }
  return null;
}

/** Tabs from the top of the page until focus leaves the page content or MAX_STOPS is reached. */
async function tabThrough(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < MAX_STOPS; i++) {
    await page.keyboard.press('Tab');
    let problem = await page.evaluate(focusProblem);
    // Judge what the user sees once the page has settled: the browser's focus scroll and the
    // scroll padding kept clear of toasts and sticky bars are applied over the next frames, which
    // on a loaded machine can take longer than two. A problem still there after half a second of
    // frames is one a user would see.
    for (let settle = 0; problem && settle < 10; settle++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (settle > 0) await page.waitForTimeout(50);
      problem = await page.evaluate(focusProblem);
    }
    if (problem && !seen.has(problem)) {
      seen.add(problem);
      problems.push(`${where}: ${problem}`);
    }
    // Wrapped around to the browser chrome / document start: done.
    if (await page.evaluate(() => document.activeElement === document.body)) break;
  }
  return problems;
}

test('every Tab stop on every section is visible: in view, not covered, not clipped', async ({ page }) => {
  await openApp(page, seeded.server);
  const problems: string[] = [];
  for (const id of await sectionIds(page)) {
    await gotoSection(page, id);
    problems.push(...(await tabThrough(page, id)));
  }
  expect(problems).toEqual([]);
});

test('with a paste preview, a proposal or an entry’s history open, every Tab stop is visible', async ({ page }) => {
  await openApp(page, seeded.server);
  const problems: string[] = [];
  for (const state of STATES) {
    await page.reload();
    await gotoSection(page, state.section);
    await state.open(page);
    problems.push(...(await tabThrough(page, state.name)));
  }
  expect(problems).toEqual([]);
});

test('the skip link moves to the page; a section change focuses its heading and names the document', async ({ page }) => {
  await openApp(page, seeded.server, 'progress');
  await page.reload(); // a fresh start on Progress: nothing focused yet
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/progress$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  // Focus is in the page now: the next Tab stop is inside <main>, not the navigation.
  expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).toBe(true);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Sites/ }).click();
  const h1 = page.getByRole('heading', { level: 1 }).first();
  await expect(h1).toBeFocused();
  await expect(page).toHaveTitle(/^Sites · RadLedger$/);
  // Log puts the cursor in its quick-log field instead (a page's own first field wins).
  await page.keyboard.press('Alt+2');
  await expect(page).toHaveTitle('Log · RadLedger');
  await expect(page.getByRole('combobox', { name: 'Procedure', exact: true })).toBeFocused();
});

test('panels and dialogs trap Tab, close on Escape and give focus back to their opener', async ({ page }) => {
  await openApp(page, seeded.server, 'log');
  // History: opened from the keyboard, Tab stays inside, Escape returns to the row's button.
  const opener = page.getByRole('button', { name: 'History of Routine Head on 2026-11-23' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const history = page.getByRole('dialog', { name: /History of entry/ });
  await expect(history).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await history.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Closed with its button: focus returns as well.
  await page.keyboard.press('Enter');
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(opener).toBeFocused();

  // The notes-privacy question: a modal alert dialog linked to its question, Escape goes back.
  await page.getByRole('combobox', { name: 'Procedure', exact: true }).fill('Routine Head');
  await page.getByLabel('Notes', { exact: true }).fill('pt John Smith tolerated well');
  const save = page.getByRole('button', { name: 'Save entry' });
  await save.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('alertdialog', { name: 'Notes may identify a patient' });
  await expect(ask).toBeVisible();
  await expect(ask).toHaveAccessibleDescription(/Remove the flagged text before saving\?/);
  await expect(ask.getByRole('button', { name: 'Remove them and save' })).toBeFocused();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await ask.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await ask.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(save).toBeFocused();
  // Nothing was saved: the notes are still there for the user to fix.
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('pt John Smith tolerated well');
});

test('inline panels (a track form, a site) give focus back to the button that opened them', async ({ page }) => {
  await openApp(page, seeded.server, 'log');
  const editTrack = page.getByRole('button', { name: 'Edit track' });
  await editTrack.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Edit track' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toHaveCount(0);
  await expect(editTrack).toBeFocused();

  await gotoSection(page, 'sites');
  const open = page.getByRole('button', { name: 'Open Northside Clinic' });
  await open.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: /Northside Clinic/ }).filter({ has: page.getByRole('button', { name: 'Close' }) });
  await detail.getByRole('button', { name: 'Close' }).click();
  await expect(open).toBeFocused();
});
