// Per-field messages from a 400 INVALID_FIELD answer: the server reports every bad field at once
// (`errors: [{field: 'body.durationIso', message}]`), and forms show each next to its input.
import { ApiError } from '../api/api-error.ts';

export type FieldMessages = Readonly<Record<string, string>>;

/** Messages keyed by the top-level input name: `body.entitlements.2.code` → `entitlements`. */
export function fieldMessages(error: unknown): FieldMessages {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.fieldErrors) {
    const name = problem.field.replace(/^body\./, '').split('.')[0] ?? problem.field;
    out[name] = out[name] ? `${out[name]}; ${problem.message}` : problem.message;
  }
  return out;
}

export function FieldError(props: { messages: FieldMessages; name: string }) {
  const message = props.messages[props.name];
  if (!message) return null;
  return (
    <span className="field-error" role="alert" data-testid={`field-error-${props.name}`}>
      {message}
    </span>
  );
}
