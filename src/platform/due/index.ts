/**
 * The deadline engine: modules register their statutory deadlines (rule data plus one query);
 * "My work" asks what is due and overdue in a viewer's scope.
 */
export {
  dueRule,
  dueRules,
  dueRulesFor,
  registerDueRule,
  unregisterDueRule,
  type DueItem,
  type DueRule,
  type DueWindow,
} from './rule.ts';
export {
  DUE_SOON_DAYS,
  NO_TEAM_NAME,
  dueFor,
  summariseByTeam,
  type DueEntry,
  type DueOptions,
  type TeamSummary,
} from './due-for.ts';
export { latestStartForWorkingDays, workingDaysAfter } from './deadlines.ts';
