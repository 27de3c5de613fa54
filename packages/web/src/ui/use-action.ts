// One user action at a time for a form or a button: busy while it runs, and its failure kept for
// the error banner (cleared when the next attempt starts). Every create form and row action of the
// console follows this shape, so they all disable and report the same way.
import { type FormEvent, useState } from 'react';

export interface Action {
  busy: boolean;
  error: unknown;
  /** Runs `work`; a rejection lands in `error`, never escapes. */
  run(work: () => Promise<unknown>): Promise<void>;
  /** A form's onSubmit: keeps the browser from navigating, then runs `work`. */
  handleSubmit(work: () => Promise<unknown>): (event: FormEvent) => void;
}

export interface ActionOptions {
  /**
   * Stay busy after a success. For forms their parent closes on success: clearing busy first would
   * re-enable the submit button for a moment and allow a second, duplicate submit.
   */
  keepBusyOnSuccess?: boolean;
}

export function useAction(options: ActionOptions = {}): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { keepBusyOnSuccess = false } = options;

  async function run(work: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
      if (!keepBusyOnSuccess) setBusy(false);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  function handleSubmit(work: () => Promise<unknown>) {
    return (event: FormEvent) => {
      event.preventDefault();
      void run(work);
    };
  }

  return { busy, error, run, handleSubmit };
}
