// A labelled text input of a form (`label.field`): the caption, the input, then whatever belongs
// under it (a field error, a hint). Inputs are controlled; `onChange` receives the new text.
import type { ReactNode } from 'react';

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'email' | 'number' | 'date';
  placeholder?: string;
  maxLength?: number;
  min?: number;
  testId?: string;
  /** Classes added to `field`, e.g. `field-grow`. */
  className?: string;
  /** Shown after the input, typically a field error. */
  children?: ReactNode;
}

export function fieldClass(extra: string | undefined): string {
  return extra ? `field ${extra}` : 'field';
}

export function TextField(props: TextFieldProps) {
  return (
    <label className={fieldClass(props.className)}>
      <span>{props.label}</span>
      <input
        type={props.type}
        value={props.value}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        min={props.min}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
      {props.children}
    </label>
  );
}
