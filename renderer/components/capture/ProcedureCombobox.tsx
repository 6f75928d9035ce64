// Type-ahead procedure search (WAI-ARIA combobox with a listbox popup). Focus stays in the input;
// the highlighted option is announced through aria-activedescendant. Arrow keys move, Enter picks
// the highlighted option (a second Enter then saves the form), Escape closes the list.
// With a catalog the first match is highlighted as the user types (only catalog names are valid).
// Without one nothing is highlighted until the user presses an arrow key: otherwise Enter after a
// new name that prefixes an old one ("CT Head" vs "CT Head with contrast") would swap it silently.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ProcedureOption } from '../../../shared/ipc/entries';
import { matchProcedures } from './match';

export function ProcedureCombobox(props: {
  id: string;
  describedBy: string | undefined;
  value: string;
  options: readonly ProcedureOption[];
  invalid: boolean;
  /** Highlight the first match while typing (catalog mode). */
  autoHighlight: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
  onChange: (name: string, procedureId: string | null) => void;
  placeholder?: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => matchProcedures(props.options, props.value), [props.options, props.value]);
  const shown = open && matches.length > 0;
  const activeOption = shown && active >= 0 ? matches[Math.min(active, matches.length - 1)] : undefined;

  function pick(o: ProcedureOption) {
    props.onChange(o.name, o.id);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((a) => (matches.length ? (a + 1) % matches.length : -1));
        return;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        setActive((a) => (matches.length ? (a <= 0 ? matches.length - 1 : a - 1) : -1));
        return;
      case 'Enter':
        // With the list open, Enter chooses; with it closed, Enter falls through and saves the form.
        if (activeOption) {
          e.preventDefault();
          pick(activeOption);
        }
        return;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        }
        return;
      default:
        return;
    }
  }

  return (
    <div className="combo">
      <input
        id={props.id}
        ref={props.inputRef}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${matches.indexOf(activeOption)}` : undefined}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => {
          // Typing a name by hand detaches it from any catalog id picked before.
          props.onChange(e.target.value, null);
          setOpen(e.target.value.trim() !== '');
          setActive(props.autoHighlight ? 0 : -1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul className="combo-list" id={listId} role="listbox" aria-label="Matching procedures" hidden={!shown}>
        {shown
          ? matches.map((o, i) => (
              <li
                key={`${o.id ?? ''}|${o.name}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={o === activeOption}
                className={o === activeOption ? 'combo-option active' : 'combo-option'}
                // mousedown, not click: it fires before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
              >
                <span>{o.name}</span>
                <span className="combo-group">{o.group}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
