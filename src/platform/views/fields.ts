/**
 * A form's fields as data, so one macro (formField in field-macros.njk) draws each with GOV.UK
 * components: a step's form is a list of fields, filled from what the user typed.
 */

export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

export type Field =
  | { type: 'date'; name: string; label: string; hint?: string }
  | { type: 'text'; name: string; label: string; hint?: string; width?: 2 | 5 | 10 | 20; autocomplete?: string }
  | { type: 'textarea'; name: string; label: string; hint?: string; rows?: number }
  | { type: 'radios'; name: string; label: string; hint?: string; choices: Choice[]; inline?: boolean }
  | { type: 'checkboxes'; name: string; label: string; hint?: string; choices: Choice[] }
  | { type: 'select'; name: string; label: string; hint?: string; choices: Choice[] }
  | { type: 'hidden'; name: string; value: string };

/** Choices from a list of values and their names (and hints). */
export function choicesOf<K extends string>(
  values: readonly K[],
  names: Record<K, string>,
  hints?: Partial<Record<K, string>>,
): Choice[] {
  return values.map((value) => ({ value, text: names[value], ...(hints?.[value] ? { hint: hints[value] } : {}) }));
}

/** A GOV.UK date input with the pattern's example as its hint. */
export const dateField = (name: string, label: string, hint = 'For example, 14 11 2026'): Field => ({
  type: 'date',
  name,
  label,
  hint,
});

export const yesNo: Choice[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

const asList = (value: unknown) => new Set([value ?? []].flat().map(String));
const text = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

/** A field ready for the template: its value, or its items checked or selected, from the form's values. */
export function fieldView(field: Field, values: Record<string, unknown>) {
  switch (field.type) {
    case 'date':
      return {
        ...field,
        parts: {
          day: text(values[`${field.name}-day`]),
          month: text(values[`${field.name}-month`]),
          year: text(values[`${field.name}-year`]),
        },
      };
    case 'radios':
    case 'checkboxes': {
      const chosen = asList(values[field.name]);
      return {
        ...field,
        items: field.choices.map((c) => ({
          value: c.value,
          text: c.text,
          checked: chosen.has(c.value),
          ...(c.hint ? { hint: { text: c.hint } } : {}),
        })),
      };
    }
    case 'select': {
      const chosen = text(values[field.name]);
      return {
        ...field,
        items: [{ value: '', text: 'Choose' }, ...field.choices].map((c) => ({ ...c, selected: c.value === chosen })),
      };
    }
    case 'hidden':
      return field;
    default:
      return { ...field, value: text(values[field.name]) };
  }
}

/** The fields ready for the template. */
export function formFields(fields: Field[], values: Record<string, unknown>) {
  return fields.map((f) => fieldView(f, values));
}
