import { hasOwnCaseload, householdScope, ownCaseload } from '../../platform/access/scope.ts';
import { roleNames } from '../../platform/access/roles.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { timeBetweenInWords, type IsoDate } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  DUE_SOON_DAYS,
  dueCountsByTeam,
  dueFor,
  dueRules,
  dueRulesFor,
  type DueEntry,
  type DueRule,
  type TeamSummary,
} from '../../platform/due/index.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { horizons, statuses, type MyWorkQuery } from './forms.ts';

export const MY_WORK_PAGE_SIZE = 50;

/** The anchor of a rule on the rules page. */
export function ruleAnchor(ruleId: string): string {
  return `rule-${ruleId.replace(/\./g, '-')}`;
}

/**
 * The words and colour of an item's status tag: red when overdue (by how long, in words: "32
 * days", "over 2 years"), amber when due within 7 days.
 */
export function dueTag(entry: Pick<DueEntry, 'daysLeft' | 'dueOn'>, today: IsoDate): { text: string; classes: string } {
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (entry.daysLeft < 0) {
    return { text: `Overdue by ${timeBetweenInWords(entry.dueOn, today)}`, classes: 'govuk-tag--red' };
  }
  if (entry.daysLeft === 0) return { text: 'Due today', classes: 'govuk-tag--orange' };
  if (entry.daysLeft <= DUE_SOON_DAYS) return { text: `Due in ${days(entry.daysLeft)}`, classes: 'govuk-tag--orange' };
  return { text: `Due in ${days(entry.daysLeft)}`, classes: 'govuk-tag--grey' };
}

/** Whether the viewer oversees more than one team (and so sees the summary by team). */
function overseesTeams(user: SignedInUser): boolean {
  const scope = householdScope(user).kind;
  return scope === 'all' || scope === 'area';
}

/** The link to the list filtered to one team and (optionally) status. */
function teamHref(query: MyWorkQuery, team: TeamSummary, status?: keyof typeof statuses): string {
  const params = new URLSearchParams();
  if (query.rule) params.set('rule', query.rule);
  params.set('team', team.teamId ?? 'none');
  if (status) params.set('status', status);
  params.set('within', query.within);
  return `/my-work?${params.toString()}`;
}

/** The counts of the list as filtered: one team's (or all teams') row, narrowed to a status. */
function shownCounts(byTeam: readonly TeamSummary[], team: string | undefined, status: MyWorkQuery['status']) {
  const rows = team ? byTeam.filter((row) => (row.teamId ?? 'none') === team) : byTeam;
  const sum = (pick: (row: TeamSummary) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const overdue = sum((r) => r.overdue);
  const dueSoon = sum((r) => r.dueSoon);
  if (status === 'overdue') return { total: overdue, overdue, dueSoon: 0 };
  if (status === 'soon') return { total: dueSoon, overdue: 0, dueSoon };
  return { total: sum((r) => r.total), overdue, dueSoon };
}

/**
 * My work: what is due and overdue in the viewer's scope, soonest first, filtered and paged;
 * for those who oversee several teams, a summary by team above the list. Two queries on the
 * kept deadlines, run side by side: the counts by team (grouped in SQL) and one page (ordered by
 * due date, limited).
 */
export async function myWork(db: Db, user: SignedInUser, query: MyWorkQuery, today: IsoDate, url: string) {
  const rules = dueRulesFor(user);
  const rule = rules.find((r) => r.id === query.rule);
  // A caseworker's My work is their own caseload unless they ask for their team's.
  const caseworker = hasOwnCaseload(user);
  const viewer = caseworker && query.whose === 'mine' ? ownCaseload(user) : user;
  const options = { today, horizonDays: Number(query.within), ruleIds: rule ? [rule.id] : undefined };
  const oversees = overseesTeams(user);
  const team = oversees ? query.team : undefined;
  const pageOf = (page: number) =>
    dueFor(db, viewer, {
      ...options,
      teamId: team === undefined ? undefined : team === 'none' ? null : team,
      status: query.status,
      limit: MY_WORK_PAGE_SIZE,
      offset: (page - 1) * MY_WORK_PAGE_SIZE,
    });
  // The counts and the page asked for are read side by side; a page past the end (the list got
  // shorter) is read again as the last page.
  const [byTeam, asked] = await Promise.all([dueCountsByTeam(db, viewer, options), pageOf(query.page)]);
  const summary = oversees ? byTeam : null;
  const counts = shownCounts(byTeam, team, query.status);
  const pages = Math.max(1, Math.ceil(counts.total / MY_WORK_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const entries = !counts.total ? [] : page === query.page ? asked : await pageOf(page);
  const ruleTitles = new Map(rules.map((r) => [r.id, r.title]));
  const option = (value: string, text: string, current: string | undefined) => ({
    value,
    text,
    selected: value === (current ?? ''),
  });
  return {
    rules,
    rule,
    hasRules: rules.length > 0,
    filtered: Boolean(rule || team || query.status || (caseworker && query.whose === 'team')),
    selects: {
      whose: caseworker
        ? [option('mine', 'My caseload', query.whose), option('team', 'My team’s households', query.whose)]
        : null,
      rule: [option('', 'All deadlines', rule?.id), ...rules.map((r) => option(r.id, r.title, rule?.id))],
      team: summary
        ? [option('', 'All teams', team), ...summary.map((row) => option(row.teamId ?? 'none', row.teamName, team))]
        : null,
      status: [
        option('', 'Overdue and due', query.status),
        ...Object.entries(statuses).map(([value, text]) => option(value, text, query.status)),
      ],
      within: Object.entries(horizons).map(([value, text]) => option(value, text, query.within)),
    },
    counts,
    summary: summary?.map((row) => ({
      ...row,
      hrefs: {
        overdue: teamHref(query, row, 'overdue'),
        dueSoon: teamHref(query, row, 'soon'),
        all: teamHref(query, row),
      },
    })),
    items: entries.map((entry) => ({
      ...entry,
      ruleTitle: ruleTitles.get(entry.ruleId) ?? entry.ruleId,
      ruleHref: `/my-work/rules#${ruleAnchor(entry.ruleId)}`,
      tag: dueTag(entry, today),
    })),
    pagination: pagination(url, page, MY_WORK_PAGE_SIZE, counts.total),
  };
}

/**
 * Roles as a list in a sentence: "Head of fostering, team manager and supervising social worker".
 * Only the first is capitalised (an abbreviation such as LADO keeps its capitals).
 */
export function rolesInWords(names: readonly string[]): string {
  const words = names.map((name, i) =>
    i === 0 || /^[A-Z]{2}/.test(name) ? name : name[0]!.toLowerCase() + name.slice(1),
  );
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

/** Every deadline rule Hearth knows, with what it cites and who sees it. */
export function deadlineRules() {
  return dueRules().map((rule: DueRule) => ({
    id: rule.id,
    anchor: ruleAnchor(rule.id),
    title: rule.title,
    cites: rule.cites,
    countsFrom: rule.countsFrom,
    period: rule.period,
    shownTo: rolesInWords(rule.audience.map((role) => roleNames[role])),
  }));
}
