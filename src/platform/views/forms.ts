import { z } from 'zod';

/** Errors shaped for the GOV.UK error summary and each field's inline message. */
export interface FormErrors {
  list: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; input: Record<string, unknown> };

/** No NUL bytes anywhere: PostgreSQL rejects them, so they get a message instead of a 500. */
const NUL = '\u0000';

export function hasNulByte(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(hasNulByte);
  if (value && typeof value === 'object') return Object.values(value).some(hasNulByte);
  return false;
}

/** Builds FormErrors from a list of (field, message), first message per field wins. */
export function formErrors(issues: { field: string; message: string }[]): FormErrors {
  const errors: FormErrors = { list: [], fields: {} };
  for (const { field, message } of issues) {
    if (errors.fields[field]) continue;
    errors.fields[field] = { text: message };
    errors.list.push({ text: message, href: `#${field}` });
  }
  return errors;
}

/** What the user typed, as the form posted it, without its CSRF token: to show the form again. */
export const bodyOf = (body: unknown): Record<string, unknown> => {
  const values = { ...((body ?? {}) as Record<string, unknown>) };
  delete values._csrf;
  return values;
};

/**
 * Validates a submitted form with a zod schema. On failure, returns errors for the page and
 * the user's input (without the CSRF token), so the form can be shown again with nothing lost.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const input = { ...((body ?? {}) as Record<string, unknown>) };
  delete input._csrf;
  if (hasNulByte(input)) {
    const field = Object.keys(input).find((k) => hasNulByte(input[k])) ?? 'form';
    return {
      ok: false,
      errors: formErrors([{ field, message: 'Remove the invalid character from this answer' }]),
      input,
    };
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: formErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message }))),
    input,
  };
}

/** Runs a check of the whole form when the named fields are valid, so it shows beside every other field's message. */
export const whenValid = (...fields: string[]) => ({
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
});

const characters = (max: number) => `${max.toLocaleString('en-GB')} characters or fewer`;

/** Trimmed text; empty means missing. Too long, the message names the field ("Enter who attended in 1,000 characters or fewer"). */
export const requiredText = (message: string, max = 500) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${message} in ${characters(max)}`);

/** Trimmed text or null. `what` names the answer in the too-long message ("Enter what the children said in ..."). */
export const optionalText = (max = 2000, what?: string) =>
  z
    .string()
    .trim()
    .max(max, what ? `Enter ${what} in ${characters(max)}` : `Must be ${characters(max)}`)
    .optional()
    .transform((v) => (v ? v : null));

/**
 * The reason asked when a record made in error is removed (the page is remove-with-reason.njk, given
 * the same `what` and `done`): "Enter why the visit is being removed", or "… cancelled".
 */
export const removalForm = (what: string, done = 'removed') =>
  z.object({ reason: requiredText(`Enter why the ${what} is being ${done}`, 500) });
