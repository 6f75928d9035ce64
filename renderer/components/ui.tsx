// Small shared UI pieces: fields that show their error, banners, page headers, toasts.
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppError } from '../../shared/result';
import { useReturnFocus } from './Dialog';

export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  grow?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.grow ? ' grow' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint ? (
        <span className="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="error" id={errId} role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** Field-level messages from a failed call, keyed by field path. */
export function fieldErrors(error: AppError | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path || '_';
    out[key] = out[key] ? `${out[key]} ${issue.message}` : issue.message;
  }
  return out;
}

export function Banner(props: { tone: 'info' | 'warn' | 'error' | 'ok'; children: ReactNode }) {
  return (
    <div className={`banner banner-${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** A form's end: its non-field error, the submit button, and Cancel when the form can be dismissed. */
export function FormFooter(props: { error: AppError | null; submitLabel: string; busy?: boolean; onCancel?: (() => void) | undefined }) {
  // A form that can be dismissed is a panel: when it goes, focus goes back to what opened it.
  useReturnFocus(props.onCancel !== undefined);
  return (
    <>
      {props.error && !props.error.issues ? <Banner tone="error">{props.error.message}</Banner> : null}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={props.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button className="btn" type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}

export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle ? <p>{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="row">{props.actions}</div> : null}
    </header>
  );
}

interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void } | undefined;
}

const ToastContext = createContext<(message: string, action?: Toast['action']) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

/** How many toasts show at once: the newest ones; older ones leave early (their undo stays on Ctrl+Z). */
export const MAX_TOASTS = 2;

/** Toasts announce saves and offer undo; they stay 8 s so a tired user can react. */
export function ToastProvider(props: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const regionRef = useRef<HTMLDivElement>(null);
  const push = useCallback((message: string, action?: Toast['action']) => {
    const id = next.current++;
    setToasts((t) => [...t.slice(-(MAX_TOASTS - 1)), { id, message, action }]);
    window.setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 8000);
  }, []);
  const value = useMemo(() => push, [push]);
  // The page keeps the toasts' height free below its content (--toast-space), so focus scrolling
  // and the last rows of a page never stay hidden under them.
  useEffect(() => {
    const region = regionRef.current;
    if (!region || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const ro = new ResizeObserver(() => {
      const h = region.getBoundingClientRect().height;
      root.style.setProperty('--toast-space', h > 0 ? `${Math.ceil(h) + 16}px` : '0px');
    });
    ro.observe(region);
    return () => ro.disconnect();
  }, []);
  return (
    <ToastContext.Provider value={value}>
      {props.children}
      <div className="toast-region" role="status" aria-live="polite" ref={regionRef}>
        {toasts.map((t) => (
          <div className="toast" key={t.id}>
            <span>{t.message}</span>
            {t.action ? (
              <button
                className="btn-link"
                onClick={() => {
                  t.action?.run();
                  setToasts((all) => all.filter((x) => x.id !== t.id));
                }}
              >
                {t.action.label}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
