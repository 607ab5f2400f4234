/**
 * The deadline engine: modules register their statutory deadlines (rule data plus how to compute
 * its items for some records) and who may see them; the engine keeps the items in due_items,
 * refreshed in the transaction that changes a record, and "My work" counts and pages them in SQL.
 */
export {
  dueRule,
  dueRules,
  dueRulesFor,
  dueScope,
  registerDueRule,
  registerDueScope,
  unregisterDueRule,
  unregisterDueScope,
  type AffectedRecords,
  type DueItem,
  type DueRule,
  type DueScopeCondition,
  type DueScopeColumn,
  type DueWindow,
  type KeptDueItem,
} from './rule.ts';
export {
  DUE_SOON_DAYS,
  NO_TEAM_NAME,
  dueCountsByRule,
  dueCountsByTeam,
  dueFor,
  dueScopeCondition,
  summariseByTeam,
  type DueEntry,
  type DueFilter,
  type DueOptions,
  type TeamSummary,
} from './due-for.ts';
export {
  ACCOUNT_RECORD,
  checkDueItems,
  definitionHash,
  rebuildChangedDueRules,
  renewDailyDueRules,
  rebuildDueItems,
  recordsIn,
  refreshDueItems,
  type DueItemsDifference,
} from './keep.ts';
export { latestStartForWorkingDays, workingDaysAfter } from './deadlines.ts';
