import { describe, expect, it } from 'vitest';
import { dueFollowUps } from '../../../../shared/sites/followups';
import type { SiteContact, SiteStatus } from '../../../../shared/sites/types';

const TODAY = '2026-03-01';
let nextId = 1;
function contact(siteId: number, contactedOn: string, nextFollowUpOn: string | null, followUpDoneOn: string | null = null): SiteContact {
  return {
    id: nextId++, siteId, contactedOn, person: 'Dana Lee', role: 'CT supervisor', channel: 'phone',
    outcome: 'Call back', nextFollowUpOn, followUpDoneOn, createdAt: '2026-01-01T00:00:00.000Z',
  };
}
const site = (id: number, name: string, status: SiteStatus = 'contacted') => ({ id, name, status });

describe('follow-ups due', () => {
  it('lists the latest contact of open sites whose follow-up is today or past, oldest first', () => {
    const due = dueFollowUps(
      [site(1, 'Mercy General'), site(2, 'Valley Imaging'), site(3, 'North Clinic'), site(4, 'Lakeside', 'declined')],
      [
        contact(1, '2026-02-10', '2026-02-20'), // superseded by the next contact at the same site
        contact(1, '2026-02-21', '2026-03-01'), // due today
        contact(2, '2026-02-01', '2026-02-15'), // 14 days overdue
        contact(3, '2026-02-25', '2026-03-02'), // tomorrow: not yet
        contact(4, '2026-02-01', '2026-02-10'), // declined site: no follow-up
      ],
      TODAY,
    );
    expect(due.map((d) => [d.siteName, d.dueOn, d.daysOverdue])).toEqual([
      ['Valley Imaging', '2026-02-15', 14],
      ['Mercy General', '2026-03-01', 0],
    ]);
  });

  it('drops a follow-up once it is marked done', () => {
    expect(dueFollowUps([site(1, 'Mercy General')], [contact(1, '2026-02-21', '2026-02-25', '2026-02-26')], TODAY)).toEqual([]);
  });
});
