import type { DbOrTx } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';

/**
 * A household's year as the records of the service show it: what the annual review gathers
 * (courses attended, participation events, personal development plans agreed) from the modules that
 * keep them, never retyped. Each module declares what of its records belongs in the year; the review
 * names none of them.
 */

/** One thing the household did in the year: a course attended, a participation event, a PDP agreed. */
export interface HouseholdYearEntry {
  /** 'course', 'participation', 'pdp', 'participation-days' ... */
  kind: string;
  /** What it was, in words ("Safeguarding: keeping children safe online"). */
  title: string;
  /** Who took part ("Jordan Ellis"). */
  who: string;
  on: IsoDate;
  /** Hours or days, in words ("3 hours", "1 day"), if known. */
  amount?: string;
  /** The module's page for it, if any. */
  href?: string;
}

/**
 * What a module brings to a household's year, from `from` to `to` (both included), in the order it
 * should be read. Reads no viewer: the review's page has already checked the viewer may read the
 * household in full.
 */
export type HouseholdYearSource = (
  db: DbOrTx,
  householdId: string,
  from: IsoDate,
  to: IsoDate,
) => Promise<HouseholdYearEntry[]>;

const sources: HouseholdYearSource[] = [];

/** Called by `registerModules` for each module's declarations; registering one twice is harmless. */
export function registerHouseholdYearSource(source: HouseholdYearSource): void {
  if (!sources.includes(source)) sources.push(source);
}

/** The household's year from every module that declares a part of it, in the order the modules are listed. */
export async function householdYear(
  db: DbOrTx,
  householdId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<HouseholdYearEntry[]> {
  const parts = await Promise.all(sources.map((source) => source(db, householdId, from, to)));
  return parts.flat();
}
