import { describe, expect, it } from 'vitest';
import { allowedMoves, moveIssues, TRANSITIONS } from '../../../../shared/sites/pipeline';
import { SITE_STATUSES } from '../../../../shared/sites/types';

describe('outreach pipeline', () => {
  it('walks the whole happy path one step at a time', () => {
    const path = ['prospect', 'contacted', 'follow-up', 'agreed', 'active', 'ended'] as const;
    for (let i = 1; i < path.length; i++) expect(moveIssues(path[i - 1]!, path[i]!, null)).toEqual([]);
  });

  it('refuses skipping ahead and names the allowed moves', () => {
    expect(moveIssues('prospect', 'active', null)).toEqual([
      { path: 'to', message: 'A prospect site cannot move to active; it can move to contacted, declined.' },
    ]);
    expect(moveIssues('declined', 'agreed', null)[0]!.path).toBe('to');
  });

  it('needs a reason to decline, and refuses a move to the same status', () => {
    expect(moveIssues('contacted', 'declined', '  ')).toEqual([{ path: 'reason', message: 'Say why the site declined, so you know later.' }]);
    expect(moveIssues('contacted', 'declined', 'No students this year')).toEqual([]);
    expect(moveIssues('agreed', 'agreed', null)[0]!.message).toBe('The site is already agreed.');
  });

  it('lets every open stage decline, and a declined site be tried again', () => {
    for (const s of ['prospect', 'contacted', 'follow-up', 'agreed'] as const) expect(allowedMoves(s)).toContain('declined');
    expect(allowedMoves('declined')).toEqual(['prospect']);
  });

  it('never offers a move to the same status and only names known statuses', () => {
    for (const from of SITE_STATUSES) {
      for (const to of TRANSITIONS[from]) {
        expect(to).not.toBe(from);
        expect(SITE_STATUSES).toContain(to);
      }
    }
  });
});
