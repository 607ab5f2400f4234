import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/tables.ts';

/** A business plan for one period (usually a financial year): its vision, targets and actions. */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  vision: text('vision').notNull().default(''),
  /** draft, active or archived. */
  status: text('status').notNull().default('draft'),
  rolledOverFromPlanId: uuid('rolled_over_from_plan_id').references((): AnyPgColumn => plans.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A target of a plan, tied to the National Minimum Standards it serves. */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** The NMS references, as written ("NMS 3.8, 4.6 and 5.1"). */
    standards: text('standards').notNull().default(''),
  },
  (t) => [index('plan_targets_plan_idx').on(t.planId)],
);

/** An action under a target, in the service's four columns. */
export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => planTargets.id),
    /** "7.1" */
    number: text('number').notNull(),
    whatWeWant: text('what_we_want').notNull(),
    /** Roles (and teams) who will do it. */
    who: text('who').notNull().default(''),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    byWhen: date('by_when'),
    byWhenText: text('by_when_text').notNull().default(''),
    achievedAndTarget: text('achieved_and_target').notNull().default(''),
    howMeasured: text('how_measured').notNull().default(''),
    /** open or completed. */
    status: text('status').notNull().default('open'),
    carriedForwardFromActionId: uuid('carried_forward_from_action_id').references((): AnyPgColumn => planActions.id),
  },
  (t) => [index('plan_actions_target_idx').on(t.targetId)],
);

/** Scorecard measures (by id, as registered in platform/measures) that evidence an action. */
export const planActionMeasures = pgTable(
  'plan_action_measures',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    measureId: text('measure_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.measureId] })],
);

/**
 * Deadline rules (by id, as registered in platform/due) whose work an action is about: the action's
 * page shows what is due and overdue under each, as My work counts it for the reader.
 */
export const planActionRules = pgTable(
  'plan_action_rules',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    ruleId: text('rule_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.ruleId] })],
);

/** A dated progress update on an action, with its red/amber/green status. */
export const planUpdates = pgTable(
  'plan_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id),
    onDate: date('on_date').notNull(),
    /** red, amber or green. */
    rag: text('rag').notNull(),
    narrative: text('narrative').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_updates_action_idx').on(t.actionId, t.onDate)],
);
