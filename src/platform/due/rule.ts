import type { SQL } from 'drizzle-orm';
import type { Role } from '../access/roles.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import type { DbOrTx } from '../db/client.ts';
import type { IsoDate } from '../dates/index.ts';

/** The dates a reader asks about: items due on or before `until`, overdue ones included. */
export interface DueWindow {
  today: IsoDate;
  until: IsoDate;
}

/**
 * One thing due on a record under a rule, as a rule computes it and due_items keeps it: by when,
 * whose work it is, and who may see it. Computed without regard to any viewer.
 */
export interface KeptDueItem {
  recordId: string;
  dueOn: IsoDate;
  /** Not shown before this day (a placement that has not started yet). */
  shownFrom?: IsoDate | null;
  /** No longer due from this day on (the child leaves care, the placement ends). */
  shownUntil?: IsoDate | null;
  /** The fostering team the work falls to (the household's team), or null (a child not placed). */
  teamId: string | null;
  areaId: string | null;
  /** The worker it is allocated to, if any. */
  ownerUserId: string | null;
  /** Scope: the household whose readers may see it. */
  householdId: string | null;
  /** Scope: the child whose readers may see it. At least one of the three is set. */
  childId: string | null;
  /** Scope: the member of staff whose own record it is about (staff supervision and training). */
  staffUserId?: string | null;
  /** What the reader sees, e.g. "Riley Testchild (C-000123)". */
  label: string;
  /** What exactly is outstanding, when the rule covers more than one thing ("Not yet signed"). */
  detail?: string | null;
  /** The record's page. */
  href: string;
}

/** One thing that is due, as a reader is shown it. */
export interface DueItem {
  ruleId: string;
  /** 'child', 'household', 'placement' ... as in the audit trail. */
  recordType: string;
  recordId: string;
  label: string;
  detail?: string;
  href: string;
  dueOn: IsoDate;
  teamId: string | null;
  teamName?: string | null;
  areaId: string | null;
  ownerUserId: string | null;
  ownerName?: string | null;
}

/** A query (SQL) selecting one column of record ids, given the ids of changed records. */
export type AffectedRecords = (changedIds: SQL) => SQL;

/**
 * A statutory deadline: data about the rule (what it is, what it cites, what it counts from, the
 * period) plus how to compute its items for some records. Modules register their rules (see each
 * module's due.ts); the engine keeps the items in due_items, scopes them to each reader and
 * counts and pages them in SQL.
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
  /** The type of record its items are about ('child', 'household' ...). */
  recordType: string;
  /**
   * Changes to other types of record that move this rule's items: for each, the ids of this
   * rule's records affected by changes to those records (a supervision visit moves its
   * household's next visit). A change to a record of `recordType` always refreshes that record.
   */
  affectedBy?: Readonly<Record<string, AffectedRecords>>;
  /**
   * The items of these records (every record when null), for no viewer in particular. Items
   * already past their `shownUntil` on `today` may be left out (they would never be shown).
   */
  compute(db: DbOrTx, recordIds: readonly string[] | null, today: IsoDate): Promise<KeptDueItem[]>;
  /** Bump when a helper the computation uses changes, so start-up rebuilds the rule's items. */
  version?: number;
  /**
   * Its items change with the calendar as well as with its records (a half-year ending makes a
   * new review due with nothing written): the engine works them out again once a day
   * (`renewDailyDueRules`, at start-up and from the server's hourly pass).
   */
  renewDaily?: boolean;
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

/**
 * Who may see an item, by the record its scope column names: a module's query of the ids of
 * those records the viewer may see ("select id from households where <visible>"), the same
 * marked as a short list (`few`: a caseload, whose items are best found by their records), 'all',
 * or every record but a few (`allBut`: the ids the viewer may not see, for a viewer who sees nearly
 * everything). Uncorrelated queries, so the database looks the ids up once per read, not once per item.
 */
export type DueScopeCondition = (viewer: SignedInUser) => SQL | 'all' | { allBut: SQL } | { few: SQL };

/** The records an item may be scoped by: a household, a child, or a member of staff. */
export type DueScopeColumn = 'household' | 'child' | 'staff';

const scopes = new Map<DueScopeColumn, DueScopeCondition>();

/**
 * Registers who may see the items scoped by a household or a child. An item whose scope column
 * has no registered condition is shown to nobody.
 */
export function registerDueScope(column: DueScopeColumn, condition: DueScopeCondition): void {
  scopes.set(column, condition);
}

/** For tests: forget a scope. */
export function unregisterDueScope(column: DueScopeColumn): void {
  scopes.delete(column);
}

export function dueScope(column: DueScopeColumn): DueScopeCondition | undefined {
  return scopes.get(column);
}
