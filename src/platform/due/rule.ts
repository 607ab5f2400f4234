import type { Role } from '../access/roles.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';

/** The dates a rule is asked about: items due on or before `until`, overdue ones included. */
export interface DueWindow {
  today: IsoDate;
  until: IsoDate;
}

/** One thing that is due: a record, what is due on it, by when, and whose work it is. */
export interface DueItem {
  ruleId: string;
  /** 'child', 'household', 'placement' ... as in the audit trail. */
  recordType: string;
  recordId: string;
  /** What the reader sees, e.g. "Riley Testchild (C-000123)". */
  label: string;
  /** What exactly is outstanding, when the rule covers more than one thing ("Not yet signed"). */
  detail?: string;
  /** The record's page. */
  href: string;
  dueOn: IsoDate;
  /** The fostering team the work falls to (the household's team), or null (a child not placed). */
  teamId: string | null;
  teamName?: string | null;
  areaId: string | null;
  /** The worker it is allocated to, if any. */
  ownerUserId: string | null;
  ownerName?: string | null;
}

/**
 * A statutory deadline: data about the rule (what it is, what it cites, what it counts from, the
 * period) plus one query. Modules register their rules (see each module's due.ts); the engine
 * stays generic.
 */
export interface DueRule {
  /** '<module>.<what>', e.g. 'children.initial-health-assessment'. */
  id: string;
  /** 'Initial health assessment' */
  title: string;
  /** The regulation, standard or guidance the deadline comes from. */
  cites: string;
  /** 'the date the child became looked after' */
  countsFrom: string;
  /** 'within 20 working days' */
  period: string;
  /** The roles whose work this is (and who oversee it): only they are shown its items. */
  audience: readonly Role[];
  /**
   * The items due on or before `window.until` (overdue included), scoped to what the viewer may
   * see (householdVisibleTo / childVisibleTo). One SQL query; dates computed in TS or SQL.
   */
  items(db: Db, viewer: SignedInUser, window: DueWindow): Promise<DueItem[]>;
}

const rules = new Map<string, DueRule>();

/** Registers (or replaces, by id) a deadline rule. */
export function registerDueRule(rule: DueRule): void {
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(rule.id)) {
    throw new Error(`Due rule id must be '<module>.<what>' in lower case: ${JSON.stringify(rule.id)}`);
  }
  rules.set(rule.id, rule);
}

/** Every registered rule, in a stable order (by title). */
export function dueRules(): DueRule[] {
  return [...rules.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}

export function dueRule(id: string): DueRule | undefined {
  return rules.get(id);
}

/** The rules whose items this viewer is shown. */
export function dueRulesFor(viewer: Pick<SignedInUser, 'role'>): DueRule[] {
  return dueRules().filter((rule) => rule.audience.includes(viewer.role));
}

/** For tests: forget a rule. */
export function unregisterDueRule(id: string): void {
  rules.delete(id);
}
