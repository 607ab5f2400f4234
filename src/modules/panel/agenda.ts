/**
 * The agenda is built from what is due: ONE function per kind of item says which households (and
 * which records behind them) may be put on a meeting's agenda. The kinds other modules bring
 * (approval, first review, change of terms, standards of care) are listed by their panel business
 * (`src/platform/modules/panel-business.ts`); the panel lists the households paused or approved
 * itself. Each candidate's `value` is what the add-item form sends back; the service looks the
 * chosen one up again (`{ value }`) to accept only a due candidate.
 */
import { and, asc, eq, ilike, inArray, notExists, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { likePattern } from '../../platform/db/sql.ts';
import { isUuid } from '../../platform/views/params.ts';
import { panelBusinessFor, type PanelBusiness, type PanelCandidate } from '../../platform/modules/panel-business.ts';
import { formatDate } from '../../platform/views/format.ts';
import { skillLevelName } from '../households/labels.ts';
import { households } from '../households/tables.ts';
import type { ItemKind } from './labels.ts';
import { panelItems } from './tables.ts';

export interface Candidate {
  value: string;
  householdId: string;
  text: string;
  hint: string;
  /** The type of the record behind the item ('annual-review', 'concern'), or null for the household alone. */
  sourceType: string | null;
  sourceId: string | null;
}

const LIMIT = 200;

/** What the add-item form asks for: the households whose name or reference holds the words searched, or the one chosen (its `value`). */
export interface CandidateQuery {
  search?: string;
  value?: string;
}

/**
 * The kinds the panel lists from every paused or approved household (thousands in a large
 * service): the form shows the households waiting longest, CANDIDATES_SHOWN at a time, and finds
 * any other by name or reference.
 */
export const searchedKinds: readonly ItemKind[] = ['deregistration', 'skills_level', 'exemption'];
export const CANDIDATES_SHOWN = 25;

/** Households in these statuses with no open item of this kind on any agenda (no decision yet). */
async function householdsIn(
  db: DbOrTx,
  kind: ItemKind,
  statuses: string[],
  hint: (h: { since: string; skillLevel: number }) => string,
  query: CandidateQuery = {},
) {
  const id = query.value?.startsWith('h:') ? query.value.slice(2) : undefined;
  if (query.value !== undefined && !(id && isUuid(id))) return [];
  const words = query.search?.trim();
  const open = db
    .select({ one: sql`1` })
    .from(panelItems)
    .where(
      and(
        eq(panelItems.householdId, households.id),
        eq(panelItems.kind, kind),
        sql`not exists (select 1 from agency_decisions d where d.item_id = ${panelItems.id})`,
      ),
    );
  const rows = await db
    .select({
      id: households.id,
      name: households.name,
      reference: households.reference,
      since: households.statusSince,
      skillLevel: households.skillLevel,
    })
    .from(households)
    .where(
      and(
        inArray(households.status, statuses),
        notExists(open),
        id ? eq(households.id, id) : undefined,
        words
          ? or(ilike(households.name, likePattern(words)), ilike(households.reference, likePattern(words)))
          : undefined,
      ),
    )
    .orderBy(asc(households.statusSince), asc(households.reference))
    // One more than is shown, so the form can say there are others to search for.
    .limit(CANDIDATES_SHOWN + 1);
  return rows.map((h): Candidate => ({
    value: `h:${h.id}`,
    householdId: h.id,
    text: `${h.name} (${h.reference})`,
    hint: hint(h),
    sourceType: null,
    sourceId: null,
  }));
}

/** Kinds a household goes to the panel for once: those already put to it (waiting for its recommendation, or holding one) are left out. */
const oncePerHousehold: readonly ItemKind[] = ['approval'];

/** The add-item form's value: the household ('h:'), or the record behind the item ('r:' a review, 'c:' an allegation). */
const valuePrefixes: Record<string, string> = { 'annual-review': 'r', concern: 'c' };

function candidateOf(business: PanelBusiness, c: PanelCandidate): Candidate {
  const sourceType = c.recordId === null ? null : (business.recordType ?? null);
  return {
    value: sourceType ? `${valuePrefixes[sourceType] ?? sourceType}:${c.recordId}` : `h:${c.householdId}`,
    householdId: c.householdId,
    text: `${c.householdName} (${c.householdReference})`,
    hint: c.hint,
    sourceType,
    sourceId: sourceType ? c.recordId : null,
  };
}

/**
 * The households (and records behind them) another module has due for this kind of item, as its
 * panel business lists them, oldest first.
 */
async function broughtCandidates(db: DbOrTx, kind: ItemKind, query: CandidateQuery = {}): Promise<Candidate[]> {
  const listing = panelBusinessFor(kind).filter((b) => b.dueForPanel);
  if (!listing.length) throw new Error(`No module lists what is due for a ${kind} item: are the modules registered?`);
  const without = oncePerHousehold.includes(kind)
    ? sql`select ${panelItems.householdId} from ${panelItems} where ${panelItems.kind} = ${kind}`
    : undefined;
  const found: Candidate[] = [];
  for (const business of listing) {
    const due = await business.dueForPanel!(db, { limit: LIMIT, without });
    found.push(...due.map((c) => candidateOf(business, c)));
  }
  const listed = found.slice(0, LIMIT);
  return query.value === undefined ? listed : listed.filter((c) => c.value === query.value);
}

/**
 * Approval: households in assessment whose assessment is complete (the recruitment module's
 * panel business), leaving out those already put to the panel for approval.
 */
export const approvalCandidates = (db: DbOrTx, query?: CandidateQuery) => broughtCandidates(db, 'approval', query);

/** First annual reviews completed and waiting to be presented (the reviews module's). */
export const firstReviewCandidates = (db: DbOrTx, query?: CandidateQuery) =>
  broughtCandidates(db, 'first_review', query);

/** Changes of terms: reviews (not first reviews) whose outcome changes the terms or refers to panel. */
export const changeOfTermsCandidates = (db: DbOrTx, query?: CandidateQuery) =>
  broughtCandidates(db, 'change_of_terms', query);

/** Standards of care: allegations with an outcome, not yet presented (the concerns module's). */
export const standardsOfCareCandidates = (db: DbOrTx, query?: CandidateQuery) =>
  broughtCandidates(db, 'standards_of_care', query);

/** Deregistration: households paused (on hold or inactive) whose future the panel considers. */
export const deregistrationCandidates = (db: DbOrTx, query?: CandidateQuery) =>
  householdsIn(db, 'deregistration', ['on_hold', 'inactive'], (h) => `Paused since ${formatDate(h.since)}`, query);

/** Skills level 2 or 3: approved households, with the level they are paid at (the worker's report says why). */
export const skillsLevelCandidates = (db: DbOrTx, query?: CandidateQuery) =>
  householdsIn(
    db,
    'skills_level',
    ['approved'],
    (h) => `Paid at ${skillLevelName(h.skillLevel).toLowerCase()}; approved, status since ${formatDate(h.since)}`,
    query,
  );

/** Exemptions (more than three children): approved households (the recruitment module will list exemptions due for review). */
export const exemptionCandidates = (db: DbOrTx, query?: CandidateQuery) =>
  householdsIn(db, 'exemption', ['approved'], (h) => `Approved; status since ${formatDate(h.since)}`, query);

export const candidatesFor: Record<ItemKind, (db: DbOrTx, query?: CandidateQuery) => Promise<Candidate[]>> = {
  approval: approvalCandidates,
  first_review: firstReviewCandidates,
  change_of_terms: changeOfTermsCandidates,
  deregistration: deregistrationCandidates,
  standards_of_care: standardsOfCareCandidates,
  skills_level: skillsLevelCandidates,
  exemption: exemptionCandidates,
};
