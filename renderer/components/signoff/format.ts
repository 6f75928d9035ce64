import type { EntrySignState, SignatureValidity, SignatureView } from '../../../shared/ipc/signoff';

/** "2026-06-15 14:00" in the user's local time, from an ISO instant. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localDate(iso: string): string {
  return localDateTime(iso).slice(0, 10);
}

export function validityText(v: SignatureValidity): string {
  switch (v.state) {
    case 'valid':
      return 'Valid';
    case 'void':
      return v.on ? `Voided by an edit on ${localDate(v.on)}; sign again` : `Void: ${v.reason}; sign again`;
    case 'partly-void': {
      const n = v.voidEntryIds.length;
      return `Void for ${n} ${n === 1 ? 'entry' : 'entries'} (${v.reason}${v.on ? ` on ${localDate(v.on)}` : ''}); valid for the rest`;
    }
  }
}

export const SIGN_STATE_LABELS: Record<EntrySignState, string> = {
  unsigned: 'Not signed',
  signed: 'Signed',
  'signed-on-paper': 'Signed on paper',
  void: 'Signature void',
  rejected: 'Rejected',
  'needs-correction': 'Needs correction',
};

export function signStateTone(s: EntrySignState): 'ok' | 'warn' | 'danger' | 'info' {
  switch (s) {
    case 'signed':
    case 'signed-on-paper':
      return 'ok';
    case 'void':
    case 'rejected':
      return 'danger';
    case 'needs-correction':
      return 'warn';
    case 'unsigned':
      return 'info';
  }
}

export function methodText(s: Pick<SignatureView, 'method'>): string {
  switch (s.method) {
    case 'drawn':
      return 'drawn signature';
    case 'typed':
      return 'typed name';
    case 'paper':
      return 'signed on paper (scan attached)';
  }
}
