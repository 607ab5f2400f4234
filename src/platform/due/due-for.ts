import type { SignedInUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { addDays, differenceInDays, type IsoDate } from '../dates/index.ts';
import { dueRulesFor, type DueItem } from './rule.ts';

/** Items due within this many days (or overdue) are tagged "due soon". */
export const DUE_SOON_DAYS = 7;

/** A due item as the reader sees it: how many days are left, and whether it is late. */
export interface DueEntry extends DueItem {
  /** Days from today to the due date: 0 due today, negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  /** Due today or within DUE_SOON_DAYS days (not overdue). */
  dueSoon: boolean;
}

export interface DueOptions {
  today: IsoDate;
  /** Items due up to this many days after today, and every overdue item. */
  horizonDays: number;
  /** Only these rules (ids); default every rule for the viewer's role. */
  ruleIds?: readonly string[];
}

function compareEntries(a: DueEntry, b: DueEntry): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.label.localeCompare(b.label, 'en-GB') || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);
}

/**
 * What is due and overdue for a viewer, soonest first: every rule for their role, each asked for
 * the items in the viewer's scope due on or before today + horizonDays.
 */
export async function dueFor(db: Db, viewer: SignedInUser, options: DueOptions): Promise<DueEntry[]> {
  const { today } = options;
  const until = addDays(today, options.horizonDays);
  const rules = dueRulesFor(viewer).filter((rule) => !options.ruleIds || options.ruleIds.includes(rule.id));
  const perRule = await Promise.all(rules.map((rule) => rule.items(db, viewer, { today, until })));
  const entries: DueEntry[] = [];
  for (const items of perRule) {
    for (const item of items) {
      if (item.dueOn > until) continue;
      const daysLeft = differenceInDays(item.dueOn, today);
      entries.push({ ...item, daysLeft, overdue: daysLeft < 0, dueSoon: daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS });
    }
  }
  return entries.sort(compareEntries);
}

/** One row of the service-wide summary: a team (or none) and its counts. */
export interface TeamSummary {
  teamId: string | null;
  teamName: string;
  overdue: number;
  dueSoon: number;
  total: number;
}

/** The name used for items that belong to no team (a child not placed with a household). */
export const NO_TEAM_NAME = 'Not placed with a household';

/** Counts per team, teams in name order, the no-team row last. */
export function summariseByTeam(entries: readonly DueEntry[]): TeamSummary[] {
  const byTeam = new Map<string | null, TeamSummary>();
  for (const entry of entries) {
    let row = byTeam.get(entry.teamId);
    if (!row) {
      row = {
        teamId: entry.teamId,
        teamName: entry.teamId === null ? NO_TEAM_NAME : (entry.teamName ?? 'Unnamed team'),
        overdue: 0,
        dueSoon: 0,
        total: 0,
      };
      byTeam.set(entry.teamId, row);
    }
    row.total += 1;
    if (entry.overdue) row.overdue += 1;
    if (entry.dueSoon) row.dueSoon += 1;
  }
  return [...byTeam.values()].sort((a, b) => {
    if (a.teamId === null || b.teamId === null) return a.teamId === null ? 1 : -1;
    return a.teamName.localeCompare(b.teamName, 'en-GB');
  });
}
