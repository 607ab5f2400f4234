/**
 * Keeping due_items in step with the records: a module that changes a record calls
 * refreshDueItems in the same transaction; a full rebuild recomputes every rule (the demo loader,
 * `npm run due:rebuild`, and start-up after a rule's definition changed); checkDueItems compares
 * a fresh computation with what is kept.
 */
import { createHash } from 'node:crypto';
import { inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/sql.ts';
import { allBankHolidays, todayInLondon, type IsoDate } from '../dates/index.ts';
import { refreshFactsAffectedBy } from '../measures/facts.ts';
import { dueRule, dueRules, type DueRule, type KeptDueItem } from './rule.ts';
import { dueItems, dueRuleDefinitions } from './tables.ts';

/** Rows per insert statement (15 columns each: well inside PostgreSQL's 65,535 parameters). */
const INSERT_BATCH = 1000;

/** `column in (ids)` for some records, or true for every record (ids null). */
export function recordsIn(column: SQL | Column, ids: readonly string[] | null): SQL {
  if (ids === null) return sql`true`;
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

async function insertItems(tx: DbOrTx, rule: DueRule, items: readonly KeptDueItem[]): Promise<void> {
  for (let from = 0; from < items.length; from += INSERT_BATCH) {
    await tx.insert(dueItems).values(
      items.slice(from, from + INSERT_BATCH).map((item) => ({
        ruleId: rule.id,
        recordType: rule.recordType,
        recordId: item.recordId,
        dueOn: item.dueOn,
        shownFrom: item.shownFrom ?? null,
        shownUntil: item.shownUntil ?? null,
        teamId: item.teamId,
        areaId: item.areaId,
        ownerUserId: item.ownerUserId,
        householdId: item.householdId,
        childId: item.childId,
        staffUserId: item.staffUserId ?? null,
        label: item.label,
        detail: item.detail ?? null,
        href: item.href,
      })),
    );
  }
}

/** The items a rule computes that could still be shown on or after `today`. */
async function computeLive(db: DbOrTx, rule: DueRule, ids: readonly string[] | null, today: IsoDate) {
  const items = await rule.compute(db, ids, today);
  return items.filter((item) => !item.shownUntil || item.shownUntil > today);
}

/**
 * The record type of a change to a user account (a role, team or area changed, an account made,
 * closed or opened again): every kept item it owns is worked out again (its work may pass to
 * someone else), and each rule's `affectedBy.user` names the records whose work it may take on.
 */
export const ACCOUNT_RECORD = 'user';

/** For each rule, the records of its kept items whose `column` names one of these records. */
async function keptItemsNaming(tx: DbOrTx, column: SQL, changed: SQL): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ rule_id: string; record_id: string }>(
    tx,
    sql`select distinct rule_id, record_id::text as record_id from due_items where ${column} in ${changed}`,
  );
  const byRule = new Map<string, string[]>();
  for (const row of rows) byRule.set(row.rule_id, [...(byRule.get(row.rule_id) ?? []), row.record_id]);
  return byRule;
}

/**
 * The column of a kept item that names a record of this type, if any: an item copies its owner,
 * and its team, area and words from its household or child, so a change to any of them recomputes
 * every item that names it, whatever rule made it (a rule's `affectedBy` is for the items a change
 * may add).
 */
const namingColumn: Record<string, SQL> = {
  [ACCOUNT_RECORD]: sql`owner_user_id`,
  household: sql`household_id`,
  child: sql`child_id`,
};

/** Record ids as a parenthesised list of uuids, for `in`. */
const uuidList = (ids: readonly string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** For each rule, the ids of its records that a change to these records affects. */
async function affectedKeys(tx: DbOrTx, recordType: string, ids: readonly string[]) {
  const changed = uuidList(ids);
  const column = namingColumn[recordType];
  const owned = column ? await keptItemsNaming(tx, column, changed) : new Map<string, string[]>();
  const keys = new Map<DueRule, Set<string>>();
  for (const rule of dueRules()) {
    const mine = new Set<string>([...(rule.recordType === recordType ? ids : []), ...(owned.get(rule.id) ?? [])]);
    const affected = rule.affectedBy?.[recordType];
    if (affected) {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select distinct affected.id::text as id from (${affected(changed)}) as affected(id) where affected.id is not null`,
      );
      for (const row of rows) mine.add(row.id);
    }
    if (mine.size) keys.set(rule, mine);
  }
  return keys;
}

/**
 * Recomputes the due items of every rule touched by a change to these records (of `recordType`:
 * 'household', 'child', 'placement', 'supervision' ...), inside the caller's transaction, so the
 * kept deadlines change exactly when the record does; and, before them, the rows of the kept facts
 * that declare they follow such records (KeptFacts.affectedBy): every change calls this. Holds a
 * transaction lock on each affected record, so two changes to one record cannot both insert its
 * items.
 */
export async function refreshDueItems(
  tx: DbOrTx,
  recordType: string,
  ids: readonly (string | null | undefined)[],
  today: IsoDate = todayInLondon(),
): Promise<void> {
  const changed = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (!changed.length) return;
  // The kept facts that follow these records move with them, first: a rule may read them.
  await refreshFactsAffectedBy(tx, recordType, uuidList(changed));
  const keys = await affectedKeys(tx, recordType, changed);
  if (!keys.size) return;
  const all = [...new Set([...keys.values()].flatMap((set) => [...set]))].sort();
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 8)) from (values ${sql.join(
      all.map((id) => sql`(${id}::text)`),
      sql`, `,
    )}) as v(k) order by k`,
  );
  for (const [rule, set] of keys) {
    const recordIds = [...set];
    await tx
      .delete(dueItems)
      .where(sql`${dueItems.ruleId} = ${rule.id} and ${recordsIn(dueItems.recordId, recordIds)}`);
    await insertItems(tx, rule, await computeLive(tx, rule, recordIds, today));
  }
}

/**
 * What a rule's computation is: start-up rebuilds a rule's items when this changes. The bank
 * holidays are part of it: a calendar refreshed from GOV.UK (a new year's holidays, a holiday
 * added) moves the deadlines counted in working days, so every rule is rebuilt once, at the first
 * start with the new calendar, rather than each record keeping its old day until it next changes.
 */
export function definitionHash(rule: DueRule, bankHolidays: readonly IsoDate[] = allBankHolidays()): string {
  const affected = Object.entries(rule.affectedBy ?? {}).map(([type, fn]) => [type, String(fn)]);
  return createHash('sha256')
    .update(JSON.stringify([rule.id, rule.recordType, rule.version ?? 0, String(rule.compute), affected, bankHolidays]))
    .digest('hex')
    .slice(0, 32);
}

async function recordDefinitions(tx: DbOrTx, rules: readonly DueRule[]): Promise<void> {
  for (const rule of rules) {
    const values = {
      title: rule.title,
      cites: rule.cites,
      definitionHash: definitionHash(rule),
      rebuiltAt: new Date(),
    };
    await tx
      .insert(dueRuleDefinitions)
      .values({ id: rule.id, ...values })
      .onConflictDoUpdate({ target: dueRuleDefinitions.id, set: values });
  }
}

/**
 * Recomputes the items of these rules (default: every registered rule) from the records, in one
 * transaction, and forgets the items of rules no longer registered. Changes to records wait
 * while it runs (a table lock), so none is lost between the delete and the insert.
 */
export async function rebuildDueItems(
  db: Db,
  options: { ruleIds?: readonly string[]; today?: IsoDate } = {},
): Promise<{ rules: number; items: number }> {
  const today = options.today ?? todayInLondon();
  const rules = options.ruleIds
    ? options.ruleIds.map((id) => dueRule(id)).filter((r): r is DueRule => r !== undefined)
    : dueRules();
  let items = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${dueItems} in share row exclusive mode`);
    const registered = dueRules().map((r) => r.id);
    await tx.delete(dueItems).where(
      sql`${dueItems.ruleId} not in (${sql.join(
        registered.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    await tx.delete(dueRuleDefinitions).where(
      sql`${dueRuleDefinitions.id} not in (${sql.join(
        registered.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const rule of rules) {
      await tx.delete(dueItems).where(sql`${dueItems.ruleId} = ${rule.id}`);
      const computed = await computeLive(tx, rule, null, today);
      await insertItems(tx, rule, computed);
      items += computed.length;
    }
    await recordDefinitions(tx, rules);
  });
  return { rules: rules.length, items };
}

/**
 * Rebuilds the items of the rules whose definition changed since they were last built (or that
 * were never built), and of none other: cheap enough to run at every start-up.
 */
export async function rebuildChangedDueRules(db: Db, today?: IsoDate): Promise<string[]> {
  const stored = new Map(
    (await db.select().from(dueRuleDefinitions)).map((row) => [row.id, row.definitionHash] as const),
  );
  const changed = dueRules()
    .filter((rule) => stored.get(rule.id) !== definitionHash(rule))
    .map((rule) => rule.id);
  const gone = [...stored.keys()].some((id) => !dueRule(id));
  if (changed.length || gone) await rebuildDueItems(db, { ruleIds: changed, today });
  return changed;
}

/**
 * Rebuilds the items of the rules that renew daily (`DueRule.renewDaily`) when they were last
 * built before `today` (in London); returns their ids. A few small rules: cheap to run hourly.
 */
export async function renewDailyDueRules(db: Db, today: IsoDate = todayInLondon()): Promise<string[]> {
  const daily = dueRules().filter((rule) => rule.renewDaily);
  if (!daily.length) return [];
  const builtToday = new Set(
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from ${dueRuleDefinitions}
          where (${dueRuleDefinitions.rebuiltAt} at time zone 'Europe/London')::date >= ${today}::date`,
      )
    ).map((row) => row.id),
  );
  const stale = daily.filter((rule) => !builtToday.has(rule.id)).map((rule) => rule.id);
  if (stale.length) await rebuildDueItems(db, { ruleIds: stale, today });
  return stale;
}

/** The columns that say what an item is: compared between the kept table and a rebuild. */
function itemKey(ruleId: string, item: KeptDueItem): string {
  return JSON.stringify([
    ruleId,
    item.recordId,
    item.dueOn,
    item.shownFrom ?? null,
    item.shownUntil ?? null,
    item.teamId,
    item.areaId,
    item.ownerUserId,
    item.householdId,
    item.childId,
    item.staffUserId ?? null,
    item.label,
    item.detail ?? null,
    item.href,
  ]);
}

export interface DueItemsDifference {
  /** Items a rebuild would add (missing from the kept table). */
  missing: string[];
  /** Items kept that a rebuild would not produce (stale). */
  extra: string[];
  checked: number;
}

/**
 * Compares the kept items with a fresh computation of every rule (items still shown on or after
 * today only: one past its last day may linger until its record next changes, unseen).
 */
export async function checkDueItems(db: DbOrTx, today: IsoDate = todayInLondon()): Promise<DueItemsDifference> {
  const counts = new Map<string, number>();
  const rules = dueRules();
  for (const rule of rules) {
    for (const item of await computeLive(db, rule, null, today)) {
      const key = itemKey(rule.id, item);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const kept = await db
    .select()
    .from(dueItems)
    .where(
      sql`(${dueItems.shownUntil} is null or ${dueItems.shownUntil} > ${today}) and ${inArray(
        dueItems.ruleId,
        rules.map((r) => r.id).concat(['-']),
      )}`,
    );
  const extra: string[] = [];
  for (const row of kept) {
    const key = itemKey(row.ruleId, row);
    const n = counts.get(key) ?? 0;
    if (n === 0) extra.push(key);
    else if (n === 1) counts.delete(key);
    else counts.set(key, n - 1);
  }
  const missing = [...counts].flatMap(([key, n]) => Array<string>(n).fill(key));
  return { missing, extra, checked: kept.length };
}
