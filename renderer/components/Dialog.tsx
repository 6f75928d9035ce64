// The one dialog and panel of the app. Modal: it renders over a backdrop (outside the page tree) and
// makes the page inert, so Tab stays inside and nothing behind it takes focus or sits over it;
// Escape closes it; focus starts on the chosen control and, when it closes, goes back to the control
// that opened it. Labelled by its title, described by its text (aria-labelledby/-describedby).
// `panel` slides in from the right (an entry's history), `modal` sits in the middle (a question).
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Remembers what had focus when a panel opened and gives focus back to it when the panel goes. */
export function useReturnFocus(enabled = true): void {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!enabled) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const label = opener.current?.getAttribute('aria-label') ?? null;
    return () => {
      const target = opener.current;
      // Only when focus was left inside the closing panel (or dropped to the page): a panel that
      // closes because the user moved on elsewhere must not pull focus back.
      window.setTimeout(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected && active.id !== 'main') return;
        if (target?.isConnected) target.focus();
        else if (label) document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`)?.focus();
      }, 0);
    };
  }, []);
}

export function Dialog(props: {
  /** 'panel' (side sheet) or 'modal' (centred). */
  variant: 'panel' | 'modal';
  /** 'alertdialog' for a question that interrupts (asks before saving). */
  role?: 'dialog' | 'alertdialog';
  title: ReactNode;
  /** The text that says what the dialog is about; linked with aria-describedby. */
  description?: ReactNode;
  onClose: () => void;
  /** Where focus starts (default: the first control). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Shown in the header next to the title; a panel gets a Close button by default. */
  headerActions?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  const titleId = useId();
  const descId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useReturnFocus();

  // The page behind is inert while the dialog is open: no Tab stops, no clicks, hidden from AT.
  useLayoutEffect(() => {
    const root = document.getElementById('root');
    if (!root) return;
    const was = root.inert;
    root.inert = true;
    return () => {
      root.inert = was;
    };
  }, []);

  useEffect(() => {
    const target = props.initialFocus?.current ?? boxRef.current?.querySelector<HTMLElement>(FOCUSABLE) ?? boxRef.current;
    target?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose.current();
      return;
    }
    if (e.key !== 'Tab' || !boxRef.current) return;
    const items = Array.from(boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (document.activeElement === first || document.activeElement === boxRef.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <>
      <div className="dialog-backdrop" aria-hidden="true" onClick={() => onClose.current()} />
      <div
        ref={boxRef}
        className={`dialog dialog-${props.variant}${props.className ? ` ${props.className}` : ''}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={props.description ? descId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-head">
          <h2 className="card-title" id={titleId}>
            {props.title}
          </h2>
          {props.headerActions ??
            (props.variant === 'panel' ? (
              <button ref={closeRef} type="button" className="btn" onClick={() => onClose.current()}>
                Close
              </button>
            ) : null)}
        </div>
        {props.description ? <div id={descId}>{props.description}</div> : null}
        {props.children}
      </div>
    </>,
    document.body,
  );
}
