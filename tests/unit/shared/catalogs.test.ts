// Every shipped catalog validates, and no ARRT catalog holds a number its source does not confirm.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGS } from '../../../shared/catalog/builtin';
import { EXAMPLE_LABEL, parseCatalogJson, sourcedNumbers, type Catalog } from '../../../shared/catalog/schema';
import { derivedText } from '../../../shared/catalog/versions';
import { DISCIPLINES } from '../../../shared/disciplines';
import { addMonthsIso } from '../../../shared/engine/calendar';

const dir = path.resolve(__dirname, '../../../resources/catalogs');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const parsed = files.map((f) => ({ file: f, result: parseCatalogJson(readFileSync(path.join(dir, f), 'utf8')) }));
const arrt = BUILTIN_CATALOGS.filter((c) => c.kind === 'arrt');
const byKey = (key: string) => BUILTIN_CATALOGS.find((c) => c.key === key)!;

describe('shipped catalogs', () => {
  it.each(parsed)('$file validates against the schema', ({ result }) => {
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('loads every file in resources/catalogs, with unique keys', () => {
    expect(BUILTIN_CATALOGS.length).toBe(files.length);
    expect(new Set(BUILTIN_CATALOGS.map((c) => c.key)).size).toBe(files.length);
  });

  it('covers all eight ARRT disciplines', () => {
    expect([...new Set(arrt.map((c) => c.discipline))].sort()).toEqual(DISCIPLINES.map((d) => d.code).sort());
  });

  it.each(arrt.map((c) => [c.key, c] as const))('%s holds only confirmed numbers (or figures derived from a stated rule, marked so)', (_key, c: Catalog) => {
    const unconfirmed = sourcedNumbers(c).filter((s) => !s.confirmed && !s.derived);
    expect(unconfirmed).toEqual([]);
    expect((c.education?.categories ?? []).filter((x) => !x.confirmed)).toEqual([]);
  });

  it('ships the confirmed daily caps, the 24-month window and structured education for every ARRT catalog', () => {
    for (const c of arrt) {
      expect(c.dailyCap?.value).toBe(DISCIPLINES.find((d) => d.code === c.discipline)!.dailyCap);
      expect(c.dailyCapAppliesFrom?.value).toBe('2020-01-01');
      expect(c.windowMonths?.value).toBe(24);
      expect(c.education).toMatchObject({ totalCredits: { value: 16 }, minPerCategory: { value: 1 } });
    }
  });

  it('holds no procedure list where ARRT\u2019s is unknown, and no invented repetition counts', () => {
    for (const c of arrt.filter((x) => x.key !== 'arrt-m-2020-07')) {
      expect(c.proceduresStatus).toBe('unknown');
      expect(c.categories).toEqual([]);
    }
    // Mammography 2020 lists only what ARRT's 2020 update states, and stays "partial".
    const m2020 = byKey('arrt-m-2020-07');
    expect(m2020.proceduresStatus).toBe('partial');
    const reps = m2020.categories.flatMap((k) => k.procedures).filter((p) => p.repetitionsRequired).map((p) => [p.id, p.repetitionsRequired!.value]);
    expect(reps).toEqual([
      ['phantom-image-quality', 10],
      ['repeat-analysis', 1],
      ['mammography-image-evaluation', 1],
    ]);
  });

  it('marks version end dates worked out from the 24-month rule as derived, never as confirmed', () => {
    const derived = arrt.flatMap((c) => sourcedNumbers(c).filter((s) => s.derived).map((s) => ({ key: c.key, ...s })));
    expect(derived.map((d) => [d.key, d.path, d.value, d.confirmed, d.derived?.from])).toEqual([
      ['arrt-m-2020-07', 'expiresOn', '2027-09-01', false, '2025-09-01'],
      ['arrt-vi-2017-07', 'expiresOn', '2025-07-01', false, '2023-07-01'],
    ]);
    for (const c of arrt.filter((x) => x.expiresOn)) {
      // Counted from the successor's effective date, 24 months on.
      expect(c.expiresOn!.derived?.from).toBe(c.supersededBy?.effectiveDate.value);
      expect(c.expiresOn!.value).toBe(addMonthsIso(c.expiresOn!.derived!.from, 24));
      expect(derivedText(c.expiresOn!.derived!)).toBe(`derived: 24 months after ${c.supersededBy!.effectiveDate.value}`);
    }
  });

  it('ships the mammography 2025 rules and the version dates', () => {
    const m2025 = byKey('arrt-m-2025-09');
    expect(m2025).toMatchObject({
      effectiveDate: { value: '2025-09-01' },
      perPatientPerDay: { value: 2 },
      perQcTestPerDay: { value: 1 },
      mqsaRequired: { value: true },
      groupRules: [{ type: 'minElectives', categoryId: null, count: { value: 5 } }],
    });
    expect(byKey('arrt-m-2020-07')).toMatchObject({ supersededBy: { key: 'arrt-m-2025-09' }, expiresOn: { value: '2027-09-01' } });
    expect(byKey('arrt-vi-2017-07')).toMatchObject({ supersededBy: { key: 'arrt-vi-2023-07' }, expiresOn: { value: '2025-07-01' } });
    expect(byKey('arrt-mr-2020-01').effectiveDate?.value).toBe('2020-01-01');
    expect(byKey('arrt-ci-2017-07').effectiveDate?.value).toBe('2017-07-01');
    for (const key of ['arrt-ct', 'arrt-bd', 'arrt-vs', 'arrt-bs']) expect(byKey(key).effectiveDate).toBeNull();
  });

  it('labels the example catalog as not ARRT requirements', () => {
    const examples = BUILTIN_CATALOGS.filter((c) => c.kind === 'example');
    expect(examples.map((c) => c.label)).toEqual([EXAMPLE_LABEL]);
    expect(examples[0]!.proceduresStatus).toBe('complete');
  });
});

describe('catalog import validation', () => {
  it('names the field that is wrong', () => {
    const bad = JSON.parse(readFileSync(path.join(dir, 'example.json'), 'utf8'));
    bad.categories[0].procedures[0].repetitionsRequired.value = -2;
    bad.categories[0].procedures[1].id = 'routine-head';
    const r = parseCatalogJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['categories.0.procedures.0.repetitionsRequired.value', 'categories.0.procedures.1.id']);
  });

  it('refuses text that is not JSON, and unknown fields', () => {
    expect(parseCatalogJson('not json')).toMatchObject({ ok: false, issues: [{ path: '' }] });
    const extra = JSON.parse(readFileSync(path.join(dir, 'arrt-ct.json'), 'utf8'));
    extra.dailyLimit = 9;
    expect(parseCatalogJson(JSON.stringify(extra)).ok).toBe(false);
  });

  it('refuses an example catalog without its label', () => {
    const ex = JSON.parse(readFileSync(path.join(dir, 'example.json'), 'utf8'));
    ex.label = 'CT requirements';
    expect(parseCatalogJson(JSON.stringify(ex))).toMatchObject({ ok: false, issues: [{ path: 'label' }] });
  });
});
