// The Log page's undo stack: every change that can be taken back is offered once, in a toast
// with an Undo button; Ctrl+Z (outside a text being typed) runs the most recent step.
import { useCallback, useEffect, useRef } from 'react';
import { useToast } from '../ui';

export interface UndoStep {
  label: string;
  run: () => Promise<void>;
}
/** Announces a change in a toast and keeps its undo step. */
export type OfferUndo = (message: string, step: UndoStep) => void;

const MAX_STEPS = 50;

export function useUndoStack(): OfferUndo {
  const steps = useRef<UndoStep[]>([]);
  const toast = useToast();

  const runStep = useCallback(
    async (step: UndoStep) => {
      if (!steps.current.includes(step)) return; // already undone
      steps.current = steps.current.filter((s) => s !== step);
      try {
        await step.run();
      } catch (err) {
        // A step refused by the backend (e.g. it would void a newer signature) says why.
        toast(`Could not undo the ${step.label}: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      toast(`Undone: ${step.label}.`);
    },
    [toast],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      // Inside a field with text, Ctrl+Z belongs to the field's own typing history.
      const t = e.target;
      if (t instanceof HTMLTextAreaElement && t.value !== '') return;
      if (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type) && t.value !== '') return;
      const step = steps.current.at(-1);
      if (!step) return;
      e.preventDefault();
      void runStep(step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runStep]);

  return useCallback(
    (message: string, step: UndoStep) => {
      steps.current = [...steps.current.slice(-(MAX_STEPS - 1)), step];
      toast(message, { label: 'Undo', run: () => void runStep(step) });
    },
    [toast, runStep],
  );
}
