/** The words for the payments module's codes: age bands, skill levels' fees, levels of need. */

/** The DfE national minimum allowance age bands, youngest first. */
export const ageBands = [
  { key: 'allowance0To4', from: 0, to: 4, name: 'Aged 0 to 4' },
  { key: 'allowance5To10', from: 5, to: 10, name: 'Aged 5 to 10' },
  { key: 'allowance11To15', from: 11, to: 15, name: 'Aged 11 to 15' },
  { key: 'allowance16To17', from: 16, to: 17, name: 'Aged 16 to 17' },
] as const;
export type AllowanceKey = (typeof ageBands)[number]['key'];

/** The fee for each skill level (the household's `skill_level`). */
export const feeLevels = [
  { key: 'feeLevel1', level: 1, name: 'Level 1' },
  { key: 'feeLevel2', level: 2, name: 'Level 2 (Skilled)' },
  { key: 'feeLevel3', level: 3, name: 'Level 3 (Advanced)' },
] as const;
export type FeeKey = (typeof feeLevels)[number]['key'];

/** The age band of a child of this age (in whole years); 16 to 17 for anyone older. */
export function ageBandOf(age: number) {
  return ageBands.find((b) => age >= b.from && age <= b.to) ?? ageBands[ageBands.length - 1]!;
}

/** The child's assessed level of need, as the funding panel agrees it. */
export const needLevels = ['moderate', 'high', 'complex'] as const;
export type NeedLevel = (typeof needLevels)[number];

export const needLevelNames: Record<NeedLevel, string> = {
  moderate: 'Moderate',
  high: 'High',
  complex: 'Complex',
};

export const needLevelName = (level: string) => (needLevelNames as Record<string, string>)[level] ?? level;

/** What a rule or measure cites. */
export const NMS_28 = 'Fostering Services: National Minimum Standards (2011), standard 28.5';
export const TARGET_6_1 = 'business plan Target 6, action 6.1';
export const TARGET_6 =
  'Target 6: all carers know what payments they will receive; disability enhancements agreed at funding panel and reviewed yearly (NMS 28)';

/** A disability enhancement is reviewed this many months after it is agreed. */
export const REVIEW_MONTHS = 12;
