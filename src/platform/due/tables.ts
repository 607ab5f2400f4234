import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The deadlines, kept: one row per thing due on a record under a rule, refreshed by the deadline
 * engine in the transaction that changes the record (refreshDueItems) and rebuilt in full by
 * `npm run due:rebuild`. Only the due date is stored; overdue and days left are worked out from
 * today when the rows are read. Names (team, worker) are joined when read, so a renamed team or
 * worker needs no refresh. Who may see a row is decided when it is read, from its scope columns.
 */
export const dueItems = pgTable(
  'due_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The rule ('<module>.<what>'); what it cites is on due_rules. */
    ruleId: text('rule_id').notNull(),
    /** 'child', 'household', 'placement', 'supervision' (as in the audit trail) and its id. */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Shown from this day (a placement that has not started yet); null: from now. */
    shownFrom: date('shown_from', { mode: 'string' }),
    /** No longer due from this day (the child leaves care, the placement ends); null: until changed. */
    shownUntil: date('shown_until', { mode: 'string' }),
    /** The team the work falls to (the household's), or null (a child not placed with a household). */
    teamId: uuid('team_id'),
    areaId: uuid('area_id'),
    /** The worker it is allocated to, if any. */
    ownerUserId: uuid('owner_user_id'),
    /** Scope: the household whose readers may see the item (null: no household condition). */
    householdId: uuid('household_id'),
    /** Scope: the child whose readers may see the item (null: no child condition). */
    childId: uuid('child_id'),
    /** Scope: the member of staff (a user) whose own record the item is about, as staff supervision (null: none). */
    staffUserId: uuid('staff_user_id'),
    label: text('label').notNull(),
    detail: text('detail'),
    href: text('href').notNull(),
  },
  (t) => [
    // Every item is scoped by a household, a child or a member of staff: none is visible to everyone by omission.
    check(
      'due_items_scoped',
      sql`${t.householdId} is not null or ${t.childId} is not null or ${t.staffUserId} is not null`,
    ),
    index('due_items_rule_record_idx').on(t.ruleId, t.recordId),
    // Every column My work filters and counts by, so a count of what a viewer sees is read from the
    // index alone (an index-only scan of the items due by the horizon).
    index('due_items_due_on_idx').on(
      t.dueOn,
      t.ruleId,
      t.teamId,
      t.householdId,
      t.childId,
      t.staffUserId,
      t.shownFrom,
      t.shownUntil,
    ),
    index('due_items_team_due_on_idx').on(t.teamId, t.dueOn),
    index('due_items_owner_due_on_idx').on(t.ownerUserId, t.dueOn),
    index('due_items_household_idx').on(t.householdId),
    index('due_items_child_idx').on(t.childId),
    index('due_items_staff_user_idx').on(t.staffUserId),
  ],
);

/**
 * The rules whose items due_items holds: what each cites, and a hash of its definition, so a
 * start-up after a rule changed rebuilds that rule's items (and only then).
 */
export const dueRuleDefinitions = pgTable('due_rules', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  cites: text('cites').notNull(),
  definitionHash: text('definition_hash').notNull(),
  rebuiltAt: timestamp('rebuilt_at', { withTimezone: true }).notNull().defaultNow(),
});
