// The end of every create form: the API's error (if any), then Cancel and the submit button.
import { ErrorBanner } from './feedback.tsx';

export interface FormFooterProps {
  error: unknown;
  /** data-testid of the error banner. */
  errorTestId: string;
  onCancel: () => void;
  busy: boolean;
  /** The form is incomplete: submitting is pointless. */
  incomplete: boolean;
  /** data-testid of the submit button. */
  submitTestId: string;
  label: string;
  busyLabel: string;
}

export function FormFooter(props: FormFooterProps) {
  return (
    <>
      <div className="full-row">
        <ErrorBanner error={props.error} testId={props.errorTestId} />
      </div>
      <div className="form-actions full-row">
        <button type="button" className="button button-ghost" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={props.busy || props.incomplete}
          data-testid={props.submitTestId}
        >
          {props.busy ? props.busyLabel : props.label}
        </button>
      </div>
    </>
  );
}
