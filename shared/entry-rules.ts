// Rules every new or edited log entry must pass, whatever the door it comes through (the quick
// log, a shift, an edit, a spreadsheet import). Pure: the caller passes today and the track.
import type { FieldIssue } from './result';

export interface EntryDateContext {
  today: string; // ISO date, the user's local day
  trackStart: string; // ISO date
}

export function entryDateIssues(performedOn: string, ctx: EntryDateContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (performedOn > ctx.today) issues.push({ path: 'performedOn', message: 'The date cannot be in the future.' });
  if (performedOn < ctx.trackStart) {
    issues.push({ path: 'performedOn', message: `The date is before this track starts (${ctx.trackStart}).` });
  }
  return issues;
}
