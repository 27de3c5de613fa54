// A labelled select, in the two looks the console uses: `SelectField` inside forms and `Picker` in
// page headers and filter bars. Options are `{id, name}` so entity lists (organizations, products,
// environments) can be passed as they come from the API.
import type { ReactNode } from 'react';
import { fieldClass } from './text-field.tsx';

export interface SelectOption<V extends string = string> {
  id: V;
  name: ReactNode;
}

export interface SelectProps<V extends string = string> {
  label: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: readonly SelectOption<V>[];
  /** The label of a first option with the value '' ("All products", "Choose…"); none when absent. */
  placeholder?: ReactNode;
  disabled?: boolean;
  testId?: string;
}

/** Lists of codes (models, statuses) as options, labelled by themselves or by `labels`. */
export function codeOptions<V extends string>(
  codes: readonly V[],
  labels?: Readonly<Record<V, string>>,
): SelectOption<V>[] {
  return codes.map((code) => ({ id: code, name: labels ? labels[code] : code }));
}

/** The one markup behind both looks: only the classes of the label and its caption differ. */
function LabelledSelect<V extends string>(
  props: SelectProps<V> & { labelClass: string; captionClass?: string; children?: ReactNode },
) {
  return (
    <label className={props.labelClass}>
      <span className={props.captionClass}>{props.label}</span>
      <select
        value={props.value}
        disabled={props.disabled}
        // Only the placeholder's '' lies outside V, and callers that offer one use plain strings.
        onChange={(e) => props.onChange(e.target.value as V)}
        data-testid={props.testId}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      {props.children}
    </label>
  );
}

export function SelectField<V extends string>(
  props: SelectProps<V> & { className?: string; children?: ReactNode },
) {
  return <LabelledSelect {...props} labelClass={fieldClass(props.className)} />;
}

export function Picker<V extends string>(props: SelectProps<V>) {
  return <LabelledSelect {...props} labelClass="picker" captionClass="picker-label" />;
}
