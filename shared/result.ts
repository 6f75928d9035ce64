// Errors are data: every IPC call resolves to one of these two shapes, never a thrown error.
// The set of kinds is closed so the UI can switch on it exhaustively.

export const ERROR_KINDS = [
  'validation', // the input is wrong; `issues` names the fields
  'not-found', // the record asked for does not exist
  'conflict', // the change clashes with existing data (duplicate, stale edit)
  'forbidden', // the caller is not allowed (wrong sender, bad token)
  'newer-database', // the data file was written by a newer RadLedger
  'corrupt-database', // the data file is damaged or is not a RadLedger database
  'storage', // disk full, read-only folder, file unreadable
  'internal', // a bug: the message is for a bug report
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. "performedOn" or "rows.3.procedure". */
  path: string;
  message: string;
}

export interface AppError {
  kind: ErrorKind;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: ErrorKind, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { kind, message, issues } : { kind, message },
});

/** A thrown error that carries an error kind; the dispatcher turns it into a failed Result. */
export class AppFailure extends Error {
  readonly kind: ErrorKind;
  readonly issues: FieldIssue[] | undefined;
  constructor(kind: ErrorKind, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppFailure';
    this.kind = kind;
    this.issues = issues;
  }
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}
