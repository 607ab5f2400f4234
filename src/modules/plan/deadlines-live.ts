/**
 * The deadlines linked to an action as its page shows them: each rule's title and what it cites,
 * and, when the rule is the reader's work, what is overdue and due in the next 4 weeks as My work
 * counts it for them by default (a caseworker's own caseload) (one grouped count of the kept deadlines), linking to My work filtered by it.
 */
import { ownCaseload } from '../../platform/access/scope.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { dueCountsByRule, dueRule, dueRulesFor } from '../../platform/due/index.ts';

/** The window My work shows by default, and so the one counted here. */
const WITHIN_DAYS = 28;

export interface LinkedDeadline {
  title: string;
  cites: string;
  period: string;
  /** Null when the rule is not the reader's work (they are not shown its items). */
  counts: { overdue: number; dueSoon: number; total: number } | null;
  href: string | null;
}

export async function linkedDeadlines(
  db: DbOrTx,
  viewer: SignedInUser,
  ruleIds: readonly string[],
  today: IsoDate,
): Promise<{ deadlines: LinkedDeadline[]; noLongerKept: number }> {
  const rules = ruleIds
    .map((id) => dueRule(id))
    .filter((r) => r !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const theirs = new Set(dueRulesFor(viewer).map((r) => r.id));
  const mine = rules.filter((r) => theirs.has(r.id)).map((r) => r.id);
  // As My work shows them by default: a caseworker's own caseload, not the whole team's.
  const counts = mine.length
    ? await dueCountsByRule(db, ownCaseload(viewer), { today, horizonDays: WITHIN_DAYS, ruleIds: mine })
    : new Map();
  const deadlines = rules.map((rule) => ({
    title: rule.title,
    cites: rule.cites,
    period: rule.period,
    counts: theirs.has(rule.id) ? (counts.get(rule.id) ?? { overdue: 0, dueSoon: 0, total: 0 }) : null,
    href: theirs.has(rule.id) ? `/my-work?rule=${encodeURIComponent(rule.id)}&within=${WITHIN_DAYS}` : null,
  }));
  // Links to a rule Hearth no longer has (renamed or retired): said, not shown by id.
  return { deadlines, noLongerKept: ruleIds.length - rules.length };
}
