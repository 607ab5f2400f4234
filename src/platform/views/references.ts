/**
 * A household (H-000123) or child (C-000123) reference, in any case, with or without the hyphen
 * and the leading zeros: the forms the reference could be stored in.
 */
export function referenceIn(q: string): { kind: 'household' | 'child'; references: string[] } | null {
  const match = /^([hc])-?(\d{1,12})$/i.exec(q.trim());
  if (!match) return null;
  const letter = match[1]!.toUpperCase();
  const digits = match[2]!;
  const references = [...new Set([`${letter}-${digits}`, `${letter}-${digits.padStart(6, '0')}`])];
  return { kind: letter === 'H' ? 'household' : 'child', references };
}
