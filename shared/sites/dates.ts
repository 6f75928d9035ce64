// Date-order rules for sites and the compliance wallet. Pure: the caller passes today.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { FieldIssue } from '../result';

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function complianceDateIssues(issuedOn: string | null, expiresOn: string | null, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (issuedOn && issuedOn > today) issues.push({ path: 'issuedOn', message: 'The issue date cannot be in the future.' });
  if (issuedOn && expiresOn && expiresOn < issuedOn) {
    issues.push({ path: 'expiresOn', message: `The expiry date cannot be before the issue date (${issuedOn}).` });
  }
  return issues;
}

export function contactDateIssues(contactedOn: string, nextFollowUpOn: string | null, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (contactedOn > today) issues.push({ path: 'contactedOn', message: 'The contact date cannot be in the future.' });
  if (nextFollowUpOn && nextFollowUpOn < contactedOn) {
    issues.push({ path: 'nextFollowUpOn', message: `The next follow-up cannot be before the contact date (${contactedOn}).` });
  }
  return issues;
}
