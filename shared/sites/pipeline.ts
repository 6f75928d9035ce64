// The outreach pipeline: which status may follow which. Pure, so the board, the service and the
// tests share one table. Moves go forward along prospect -> contacted -> follow-up -> agreed ->
// active -> ended, one step back to correct a slip, declined from any open stage (with a reason),
// and a declined or ended site may be tried again.
import type { FieldIssue } from '../result';
import { SITE_STATUS_LABELS, type SiteStatus } from './types';

export const TRANSITIONS: Record<SiteStatus, readonly SiteStatus[]> = {
  prospect: ['contacted', 'declined'],
  contacted: ['follow-up', 'agreed', 'declined', 'prospect'],
  'follow-up': ['agreed', 'declined', 'contacted'],
  agreed: ['active', 'declined', 'follow-up'],
  active: ['ended', 'agreed'],
  ended: ['active', 'prospect'],
  declined: ['prospect'],
};

/** Statuses in which a site is still being pursued: follow-ups count only there. */
export function isOpenOutreach(status: SiteStatus): boolean {
  switch (status) {
    case 'prospect':
    case 'contacted':
    case 'follow-up':
    case 'agreed':
    case 'active':
      return true;
    case 'ended':
    case 'declined':
      return false;
  }
}

export function allowedMoves(from: SiteStatus): readonly SiteStatus[] {
  return TRANSITIONS[from];
}

/** The problems with moving a site from `from` to `to`; empty when the move is allowed. */
export function moveIssues(from: SiteStatus, to: SiteStatus, reason: string | null | undefined): FieldIssue[] {
  if (from === to) return [{ path: 'to', message: `The site is already ${SITE_STATUS_LABELS[to].toLowerCase()}.` }];
  if (!TRANSITIONS[from].includes(to)) {
    const options = TRANSITIONS[from].map((s) => SITE_STATUS_LABELS[s].toLowerCase()).join(', ');
    return [
      {
        path: 'to',
        message: `A ${SITE_STATUS_LABELS[from].toLowerCase()} site cannot move to ${SITE_STATUS_LABELS[to].toLowerCase()}; it can move to ${options}.`,
      },
    ];
  }
  if (to === 'declined' && !reason?.trim()) return [{ path: 'reason', message: 'Say why the site declined, so you know later.' }];
  return [];
}
