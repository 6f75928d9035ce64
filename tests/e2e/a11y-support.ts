// Shared by the accessibility, keyboard, zoom and small-screen specs: one seeded data folder per
// spec file (a realistic CT log, four sites, a candidate and a verifier), the list of sections read
// from the app's own navigation (so a section added later is covered without editing the specs),
// and the states worth checking: a paste preview, a batch open for signing, a planner proposal, an
// entry's history.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { seedProgressLog, type SeedDispatch } from '../helpers/progress-seed';

export const NOW = new Date('2026-11-24T15:00:00Z');

export interface Seeded {
  server: PreviewServer;
  close: () => Promise<void>;
}

/** A preview server with the real backend on a fresh folder, seeded through the backend API. */
export async function startSeeded(): Promise<Seeded> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'radledger-a11y-'));
  const server = await startPreviewServer({ dataDir, rendererDir: path.resolve('dist/renderer'), now: () => NOW });
  const dispatch = server.backend.dispatch as unknown as SeedDispatch;
  await seedProgressLog(dispatch);
  const must = async (channel: string, input?: unknown) => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
    return r.value;
  };
  // A few entries with notes, a simulated one, a time: the log's columns all have content.
  await must('entries.create', { trackId: 1, performedOn: '2026-11-23', performedAt: '09:40', procedureName: 'Routine Head', siteName: 'Mercy General', notes: 'Motion, repeated once', verifierName: 'Dana Okafor' });
  await must('entries.create', { trackId: 1, performedOn: '2026-11-23', procedureName: 'Routine Chest', siteName: 'Valley Imaging', simulated: true });
  // A wallet with two documents and a contact with a follow-up: the Sites tabs' tables have rows.
  await must('compliance.create', { kind: 'hipaa', issuedOn: '2026-01-15', expiresOn: '2027-01-15', hipaaSource: 'employer' });
  await must('compliance.create', { kind: 'immunization', label: 'Hepatitis B', issuedOn: '2025-03-01', expiresOn: '2026-12-10' });
  await must('sites.addContact', { siteId: 4, contactedOn: '2026-11-20', person: 'Alex Chen', role: 'CT supervisor', channel: 'phone', outcome: 'Call back after the holidays', nextFollowUpOn: '2026-12-01' });
  await must('signoff.saveCandidate', { name: 'Jamie Rivera', arrtId: '123456' });
  const { sites } = (await must('signoff.options')) as { sites: Array<{ id: number; name: string }> };
  await must('verifiers.save', { name: 'Dana Okafor', credentials: 'R.T.(R)(CT)(ARRT)', siteIds: sites.map((s) => s.id) });
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the app (token in the fragment) on a section and waits for its heading. */
export async function openApp(page: Page, server: PreviewServer, section = 'today', theme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('radledger.theme', t), theme);
  await page.goto(server.openUrl);
  await expect(page.locator('main#main')).toBeVisible();
  await gotoSection(page, section);
}

export async function gotoSection(page: Page, section: string): Promise<void> {
  await page.evaluate((s) => (window.location.hash = `/${s}`), section);
  await expect(page.locator('main h1').first()).toBeVisible();
  // Let the section's data arrive (pages show "Loading…" briefly).
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main').getByText('Loading…', { exact: true })).toHaveCount(0);
}

/** Every section: the ones in the navigation plus the linked-only ones (the Requirements editor). */
export async function sectionIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav[aria-label="Sections"] a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(2)));
  const hidden = ['catalogs'];
  return [...hrefs, ...hidden.filter((h) => !hrefs.includes(h))];
}

/** A state worth checking: how to open it from its section. */
export interface OpenState {
  name: string;
  section: string;
  open: (page: Page) => Promise<void>;
}

const WORKSHEET = ['Category\tProcedure\tRepetitions\tMandatory/Elective', 'Head\tRoutine head\t10\tMandatory', 'Chest\tRoutine chest\tten\tMandatory', 'Page 2 of 4'].join('\n');

export const STATES: OpenState[] = [
  {
    name: 'paste preview',
    section: 'catalogs',
    open: async (page) => {
      await page.locator('[data-catalog-key="arrt-ct"]').getByRole('button', { name: /^Fill from worksheet: ARRT Computed Tomography/ }).click();
      await page.getByLabel('Paste the table').fill(WORKSHEET);
      await expect(page.getByRole('table', { name: 'Parsed preview' })).toBeVisible();
    },
  },
  {
    name: 'batch open for signing',
    section: 'signoff',
    open: async (page) => {
      await page.getByLabel('Site').selectOption({ label: 'Mercy General' });
      await page.getByLabel('From').fill('2026-11-01');
      await page.getByRole('button', { name: 'Open the batch for signing' }).click();
      await expect(page.getByRole('region', { name: /Verifier sign-off: Dana Okafor/ })).toBeVisible();
    },
  },
  {
    name: 'planner proposal',
    section: 'plan',
    open: async (page) => {
      await page.getByLabel('Days on / days off').check();
      await page.getByRole('spinbutton', { name: 'Days on' }).fill('3');
      await page.getByRole('spinbutton', { name: 'Days off' }).fill('4');
      await page.getByLabel('First day on').fill('2026-11-23');
      await page.getByLabel('Target date').fill('2027-01-31');
      await page.getByRole('button', { name: 'Save roster' }).click();
      await expect(page.getByText('Not saved yet')).toHaveCount(0);
      await page.getByRole('button', { name: 'Propose rotation days' }).click();
      await expect(page.getByRole('table', { name: 'Proposed rotation days' })).toBeVisible();
    },
  },
  {
    name: 'entry history',
    section: 'log',
    open: async (page) => {
      await page.getByRole('button', { name: 'History of Routine Head on 2026-11-23' }).click();
      await expect(page.getByRole('dialog', { name: /History of entry/ })).toBeVisible();
    },
  },
];

/** Each tab of the current page (role="tab" inside <main>), clicked in turn; none = the page as is. */
export async function eachTab(page: Page, visit: (tab: string | null) => Promise<void>): Promise<void> {
  const tabs = page.locator('main [role="tab"]');
  const names = await tabs.allInnerTexts();
  if (names.length === 0) return visit(null);
  for (const name of names) {
    await page.locator('main').getByRole('tab', { name: name.trim(), exact: true }).click();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main').getByText('Loading…', { exact: true })).toHaveCount(0);
    await visit(name.trim());
  }
}
