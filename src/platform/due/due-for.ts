/**
 * Reading the kept deadlines: what is due and overdue for a viewer, counted by team and paged in
 * SQL from due_items, each rule's items scoped to what the viewer may see. Overdue and days left
 * are worked out from today here, never stored.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../auth/sessions.ts';
import { teams, users } from '../auth/tables.ts';
import type { DbOrTx } from '../db/client.ts';
import { addDays, differenceInDays, type IsoDate } from '../dates/index.ts';
import { dueRulesFor, dueScope, type DueItem } from './rule.ts';
import { dueItems } from './tables.ts';

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

/** Narrowing a list: one team (null: items of no team), overdue or due soon only. */
export interface DueFilter {
  teamId?: string | null;
  status?: 'overdue' | 'soon';
}

/**
 * Who may see each item: for each scope column set on it, the module's condition on that record
 * (the household, the child). Applied to every rule alike; a scope nobody registered shows nothing.
 */
export function dueScopeCondition(viewer: SignedInUser): SQL {
  const parts: SQL[] = [];
  // An item is scoped by at least one record (due_items_scoped), so one the viewer may see has a
  // scope record in its list: when every scope is a short list (a caseload), saying so lets the
  // database find the items from the household, child and staff indexes instead of reading every
  // item due (a team's lists are long: reading the items due is quicker than looking each up).
  const reach: SQL[] = [];
  let few = true;
  for (const [name, column] of [
    ['household', dueItems.householdId],
    ['child', dueItems.childId],
    ['staff', dueItems.staffUserId],
  ] as const) {
    const visible = dueScope(name)?.(viewer);
    if (visible === undefined) parts.push(sql`${column} is null`);
    else if (visible === 'all') few = false;
    else if ('allBut' in visible) {
      few = false;
      parts.push(sql`(${column} is null or ${column} not in (${visible.allBut}))`);
    } else {
      const ids = 'few' in visible ? visible.few : visible;
      if (!('few' in visible)) few = false;
      parts.push(sql`(${column} is null or ${column} in (${ids}))`);
      reach.push(sql`${column} = any(array(${ids}))`);
    }
  }
  if (few && reach.length) parts.unshift(sql`(${sql.join(reach, sql` or `)})`);
  return parts.length ? and(...parts)! : sql`true`;
}

/** The items a viewer is shown today within the window (every overdue one included), or null: none. */
function shownTo(viewer: SignedInUser, options: DueOptions, filter: DueFilter = {}): SQL | null {
  const { today } = options;
  const ruleIds = dueRulesFor(viewer)
    .map((rule) => rule.id)
    .filter((id) => !options.ruleIds || options.ruleIds.includes(id));
  if (!ruleIds.length) return null;
  const conditions: SQL[] = [
    sql`${dueItems.ruleId} in (${sql.join(
      ruleIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    sql`${dueItems.dueOn} <= ${addDays(today, options.horizonDays)}`,
    sql`(${dueItems.shownFrom} is null or ${dueItems.shownFrom} <= ${today})`,
    sql`(${dueItems.shownUntil} is null or ${dueItems.shownUntil} > ${today})`,
    dueScopeCondition(viewer),
  ];
  if (filter.teamId !== undefined) {
    conditions.push(filter.teamId === null ? isNull(dueItems.teamId) : eq(dueItems.teamId, filter.teamId));
  }
  if (filter.status === 'overdue') conditions.push(sql`${dueItems.dueOn} < ${today}`);
  if (filter.status === 'soon') {
    conditions.push(sql`${dueItems.dueOn} between ${today} and ${addDays(today, DUE_SOON_DAYS)}`);
  }
  return and(...conditions)!;
}

function toEntry(row: Omit<DueItem, 'detail'> & { detail: string | null }, today: IsoDate): DueEntry {
  const daysLeft = differenceInDays(row.dueOn, today);
  return {
    ...row,
    detail: row.detail ?? undefined,
    daysLeft,
    overdue: daysLeft < 0,
    dueSoon: daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS,
  };
}

/**
 * A page of what is due and overdue for a viewer, soonest first (then by rule and label), read
 * with `order by due_on ... limit` from the kept items; no limit gives them all.
 */
export async function dueFor(
  db: DbOrTx,
  viewer: SignedInUser,
  options: DueOptions & DueFilter & { limit?: number; offset?: number },
): Promise<DueEntry[]> {
  const where = shownTo(viewer, options, options);
  if (!where) return [];
  const query = db
    .select({
      ruleId: dueItems.ruleId,
      recordType: dueItems.recordType,
      recordId: dueItems.recordId,
      label: dueItems.label,
      detail: dueItems.detail,
      href: dueItems.href,
      dueOn: dueItems.dueOn,
      teamId: dueItems.teamId,
      teamName: teams.name,
      areaId: dueItems.areaId,
      ownerUserId: dueItems.ownerUserId,
      ownerName: users.displayName,
    })
    .from(dueItems)
    .leftJoin(teams, eq(teams.id, dueItems.teamId))
    .leftJoin(users, eq(users.id, dueItems.ownerUserId))
    .where(where)
    .orderBy(
      asc(dueItems.dueOn),
      asc(dueItems.ruleId),
      asc(dueItems.label),
      asc(dueItems.recordId),
      asc(dueItems.detail),
      asc(dueItems.id),
    );
  const rows = await (options.limit === undefined ? query : query.limit(options.limit).offset(options.offset ?? 0));
  return rows.map((row) => toEntry(row, options.today));
}

/** One row of the summary by team: a team (or none) and its counts. */
export interface TeamSummary {
  teamId: string | null;
  teamName: string;
  overdue: number;
  dueSoon: number;
  total: number;
}

/** The name used for items that belong to no team: a child not placed with a household, a member of staff with no team, an area's review. */
export const NO_TEAM_NAME = 'No team';

function sortSummary(rows: TeamSummary[]): TeamSummary[] {
  return rows.sort((a, b) => {
    if (a.teamId === null || b.teamId === null) return a.teamId === null ? 1 : -1;
    return a.teamName.localeCompare(b.teamName, 'en-GB');
  });
}

/**
 * Counts per team of what a viewer is shown (overdue, due soon, all), counted in SQL with one
 * grouped query: teams in name order, the no-team row last.
 */
export async function dueCountsByTeam(
  db: DbOrTx,
  viewer: SignedInUser,
  options: DueOptions & Pick<DueFilter, 'status'>,
): Promise<TeamSummary[]> {
  const where = shownTo(viewer, options, { status: options.status });
  if (!where) return [];
  const { today } = options;
  const rows = await db
    .select({
      teamId: dueItems.teamId,
      teamName: teams.name,
      overdue: sql<number>`(count(*) filter (where ${dueItems.dueOn} < ${today}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${dueItems.dueOn} between ${today} and ${addDays(today, DUE_SOON_DAYS)}))::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(dueItems)
    .leftJoin(teams, eq(teams.id, dueItems.teamId))
    .where(where)
    .groupBy(dueItems.teamId, teams.name);
  return sortSummary(
    rows.map((row) => ({
      ...row,
      teamName: row.teamId === null ? NO_TEAM_NAME : (row.teamName ?? 'Unnamed team'),
    })),
  );
}

/**
 * Counts per rule of what a viewer is shown (overdue, due soon, all within the window), counted in
 * SQL with one grouped query; a rule with nothing due, or not the viewer's work, is left out.
 */
export async function dueCountsByRule(
  db: DbOrTx,
  viewer: SignedInUser,
  options: DueOptions,
): Promise<Map<string, Omit<TeamSummary, 'teamId' | 'teamName'>>> {
  const where = shownTo(viewer, options);
  if (!where) return new Map();
  const { today } = options;
  const rows = await db
    .select({
      ruleId: dueItems.ruleId,
      overdue: sql<number>`(count(*) filter (where ${dueItems.dueOn} < ${today}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${dueItems.dueOn} between ${today} and ${addDays(today, DUE_SOON_DAYS)}))::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(dueItems)
    .where(where)
    .groupBy(dueItems.ruleId);
  return new Map(rows.map(({ ruleId, ...counts }) => [ruleId, counts]));
}

/** Counts per team of entries already read (teams by name, items with no team last). */
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
  return sortSummary([...byTeam.values()]);
}
