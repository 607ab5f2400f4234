/**
 * The deadlines linked to an action, in the words its page, the plan's Word document and the
 * quarterly review use: each rule's title and what it cites, and the counts of what is overdue and
 * due in the next 7 days (one grouped count of the kept deadlines). The action's page counts them
 * as My work does for its reader by default (a caseworker's own caseload), linking to My work
 * filtered by the rule; the Word document counts them for the whole service.
 */
import { ownCaseload } from '../../platform/access/scope.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { DUE_SOON_DAYS, dueCountsByRule, dueRule, dueRulesFor } from '../../platform/due/index.ts';

/** The window My work shows by default, and so the one counted here. */
const WITHIN_DAYS = 28;

export interface DeadlineCounts {
  overdue: number;
  dueSoon: number;
  total: number;
}

export interface LinkedDeadline {
  title: string;
  cites: string;
  period: string;
  /** Null when the rule is not counted for the reader (not their work, or not counted here). */
  counts: DeadlineCounts | null;
  /** The counts in words: "2 overdue and 1 due in the next 7 days; 5 in all, looking 4 weeks ahead". */
  countsText: string | null;
  href: string | null;
}

export interface LinkedDeadlines {
  /** The linked rules Hearth keeps, by title. */
  deadlines: LinkedDeadline[];
  /** Links to a rule Hearth no longer has (renamed or retired): said, never shown by id. */
  noLongerKept: number;
  /** "1 deadline linked to this action is no longer kept by Hearth", or null when none. */
  noLongerKeptText: string | null;
}

/** Counts in words, as the action's page says them. */
function countsInWords(counts: DeadlineCounts): string {
  return `${counts.overdue} overdue and ${counts.dueSoon} due in the next ${DUE_SOON_DAYS} days; ${counts.total} in all, looking ${WITHIN_DAYS / 7} weeks ahead`;
}

function noLongerKeptInWords(count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? '1 deadline linked to this action is no longer kept by Hearth'
    : `${count} deadlines linked to this action are no longer kept by Hearth`;
}

const NOTHING_DUE: DeadlineCounts = { overdue: 0, dueSoon: 0, total: 0 };

/**
 * An action's linked deadlines in words: each rule Hearth keeps, by title, counted from `counts`
 * when it is in `counted` (a counted rule missing from `counts` has nothing due), and how many
 * links name a rule Hearth no longer keeps. With no counts, as the quarterly review lists them.
 */
export function deadlinesInWords(
  ruleIds: readonly string[],
  counts: ReadonlyMap<string, DeadlineCounts> = new Map(),
  counted: ReadonlySet<string> = new Set(),
): LinkedDeadlines {
  const rules = ruleIds
    .map((id) => dueRule(id))
    .filter((r) => r !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const deadlines = rules.map((rule) => {
    const ruleCounts = counted.has(rule.id) ? (counts.get(rule.id) ?? NOTHING_DUE) : null;
    return {
      title: rule.title,
      cites: rule.cites,
      period: rule.period,
      counts: ruleCounts,
      countsText: ruleCounts ? countsInWords(ruleCounts) : null,
      href: ruleCounts ? `/my-work?rule=${encodeURIComponent(rule.id)}&within=${WITHIN_DAYS}` : null,
    };
  });
  const noLongerKept = ruleIds.length - rules.length;
  return { deadlines, noLongerKept, noLongerKeptText: noLongerKeptInWords(noLongerKept) };
}

/**
 * What a viewer is shown of these rules, counted with one grouped count however many actions link
 * them; it gives each action's linked deadlines in words, counted where the rule is their work.
 */
async function countedFor(
  db: DbOrTx,
  viewer: SignedInUser,
  ruleIds: readonly string[],
  today: IsoDate,
): Promise<(actionRuleIds: readonly string[]) => LinkedDeadlines> {
  const theirs = new Set(dueRulesFor(viewer).map((r) => r.id));
  const wanted = [...new Set(ruleIds)].filter((id) => theirs.has(id));
  const counts = wanted.length
    ? await dueCountsByRule(db, viewer, { today, horizonDays: WITHIN_DAYS, ruleIds: wanted })
    : new Map<string, DeadlineCounts>();
  return (actionRuleIds) => deadlinesInWords(actionRuleIds, counts, theirs);
}

/** An action's linked deadlines as its page shows them to a reader. */
export async function linkedDeadlines(
  db: DbOrTx,
  viewer: SignedInUser,
  ruleIds: readonly string[],
  today: IsoDate,
): Promise<LinkedDeadlines> {
  // As My work shows them by default: a caseworker's own caseload, not the whole team's.
  return (await countedFor(db, ownCaseload(viewer), ruleIds, today))(ruleIds);
}

/**
 * The whole service as the head of fostering sees it in My work: every rule, every record. Not a
 * person (no one signs in as it); the head's staff scope adds the viewer's own id, a nil one here.
 */
const WHOLE_SERVICE: SignedInUser = {
  id: '00000000-0000-0000-0000-000000000000',
  username: '',
  displayName: 'The whole service',
  role: 'head_of_fostering',
  teamId: null,
  areaId: null,
  householdId: null,
  mustChangePassword: false,
  sessionId: '',
};

/**
 * The deadlines linked to any of a plan's actions, counted for the whole service with one grouped
 * count (for a document of the whole plan): gives each action's in words.
 */
export function serviceDeadlines(
  db: DbOrTx,
  ruleIds: readonly string[],
  today: IsoDate,
): Promise<(actionRuleIds: readonly string[]) => LinkedDeadlines> {
  return countedFor(db, WHOLE_SERVICE, ruleIds, today);
}
