/**
 * One search box over the people Hearth holds: carers, household members, children and
 * households, by name, forgiving typing mistakes (pg_trgm), scoped by householdVisibleTo and
 * childVisibleTo so nobody finds a record they may not open (restricted households included).
 *
 * The text searched for is personal data: it is never logged, and a failed query is reported
 * without it (the database's error message would quote it).
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { childPath } from '../children/paths.ts';
import { childVisibleTo } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { householdPath } from '../households/paths.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { carers, householdMembers, households } from '../households/tables.ts';
import { statusName } from '../households/labels.ts';
import { referenceIn } from '../../platform/views/references.ts';

export const MAX_RESULTS = 50;
/**
 * pg_trgm word similarity: how like the search text the closest part of a name is. "smith" in
 * "john smith" is 1; "jonh smiht" to "john smith" about 0.36; "jonh" to "john smith" 0.4. One
 * operator (%>) covers whole names with mistakes and parts of names, and is half the work of two.
 */
export const WORD_SIMILARITY = 0.3;

export type SearchResultKind =
  'carer' | 'former carer' | 'household member' | 'former household member' | 'child' | 'household';

export interface SearchResult {
  kind: SearchResultKind;
  name: string;
  /** The household (for carers, members and households) or the child: where the link goes. */
  href: string;
  reference: string;
  /** Which household, for a carer or household member. */
  householdName: string | null;
  /** The household's status in words, for carers, members and households. */
  status: string | null;
  town: string | null;
  /** To tell people of the same name apart. */
  dateOfBirth: string | null;
  /** The surname or the whole name exactly as typed: listed before near matches. */
  exact: boolean;
  score: number;
}

/** The indexed expressions (migrations/0003_search_indexes.sql): written exactly as indexed. */
const carerName = sql`lower(${carers.firstName} || ' ' || ${carers.lastName})`;
const memberName = sql`lower(${householdMembers.firstName} || ' ' || ${householdMembers.lastName})`;
const childName = sql`lower(${children.firstName} || ' ' || ${children.lastName} || ' ' || coalesce(${children.preferredName}, ''))`;
const householdName = sql`lower(${households.name})`;

/**
 * Matches `name` to the search text `q` (the trigram index serves `%>`) and scores it: the word
 * similarity, then the similarity of the whole name to break ties ("john smith" before "john smithson").
 */
function fuzzy(name: SQL, q: string, surname: SQL) {
  return {
    matches: sql`${name} %> ${q}`,
    score: sql`word_similarity(${q}, ${name})`,
    tieBreak: sql`similarity(${name}, ${q})`,
    // The surname (or the whole name) exactly as typed ranks above any near match.
    exact: sql`(lower(${surname}) = ${q} or ${name} = ${q})`,
  };
}

interface Row {
  kind: SearchResultKind;
  id: string;
  name: string;
  reference: string;
  household_name: string | null;
  status: string | null;
  town: string | null;
  date_of_birth: string | null;
  exact: boolean | string;
  score: number | string;
}

function searchSql(viewer: SignedInUser, q: string): SQL {
  const carer = fuzzy(carerName, q, sql`${carers.lastName}`);
  const member = fuzzy(memberName, q, sql`${householdMembers.lastName}`);
  const child = fuzzy(childName, q, sql`${children.lastName}`);
  const household = fuzzy(householdName, q, sql`${households.name}`);
  return sql`
    select kind, id, name, reference, household_name, status, town, date_of_birth, exact, score from (
      (select case when ${carers.leftOn} is null then 'carer' else 'former carer' end as kind, ${households.id} as id, ${carers.firstName} || ' ' || ${carers.lastName} as name,
          ${households.reference} as reference, ${households.name} as household_name, ${households.status} as status, ${households.town} as town,
          ${carers.dateOfBirth}::text as date_of_birth, ${carer.exact} as exact, ${carer.score} as score, ${carer.tieBreak} as tie_break
        from ${carers} join ${households} on ${households.id} = ${carers.householdId}
        where ${carer.matches} and ${householdVisibleTo(viewer)}
        order by exact desc, score desc, tie_break desc limit ${MAX_RESULTS})
      union all
      (select case when ${householdMembers.leftOn} is null then 'household member' else 'former household member' end as kind,
          ${households.id} as id,
          ${householdMembers.firstName} || ' ' || ${householdMembers.lastName} as name,
          ${households.reference} as reference, ${households.name} as household_name, ${households.status} as status, ${households.town} as town,
          ${householdMembers.dateOfBirth}::text as date_of_birth, ${member.exact} as exact, ${member.score} as score, ${member.tieBreak} as tie_break
        from ${householdMembers} join ${households} on ${households.id} = ${householdMembers.householdId}
        where ${member.matches} and ${householdVisibleTo(viewer)}
        order by exact desc, score desc, tie_break desc limit ${MAX_RESULTS})
      union all
      (select 'child' as kind, ${children.id} as id,
          ${children.firstName} || ' ' || ${children.lastName}
            || coalesce(' (known as ' || ${children.preferredName} || ')', '') as name,
          ${children.reference} as reference, null as household_name, null as status, null as town,
          ${children.dateOfBirth}::text as date_of_birth, ${child.exact} as exact, ${child.score} as score, ${child.tieBreak} as tie_break
        from ${children}
        where ${child.matches} and ${childVisibleTo(viewer)}
        order by exact desc, score desc, tie_break desc limit ${MAX_RESULTS})
      union all
      (select 'household' as kind, ${households.id} as id, ${households.name} as name,
          ${households.reference} as reference, null as household_name, ${households.status} as status, ${households.town} as town,
          null as date_of_birth, ${household.exact} as exact, ${household.score} as score, ${household.tieBreak} as tie_break
        from ${households}
        where ${household.matches} and ${householdVisibleTo(viewer)}
        order by exact desc, score desc, tie_break desc limit ${MAX_RESULTS})
    ) found
    order by exact desc, score desc, tie_break desc, name, reference
    limit ${MAX_RESULTS}`;
}

function toResult(row: Row): SearchResult {
  return {
    kind: row.kind,
    name: row.name,
    href: row.kind === 'child' ? childPath(row.id) : householdPath(row.id),
    reference: row.reference,
    householdName: row.household_name,
    status: row.status === null ? null : statusName(row.status),
    town: row.town || null,
    dateOfBirth: row.date_of_birth,
    exact: row.exact === true || row.exact === 't',
    score: Number(row.score),
  };
}

/** A query error with nothing of the search text in it. */
function searchFailed(error: unknown): Error {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code;
  return new Error(`The search query failed${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}`);
}

/** People and households whose names are like `text`, best match first, at most 50, in the viewer's scope. */
export async function searchPeople(db: Db, viewer: SignedInUser, text: string): Promise<SearchResult[]> {
  const q = text.trim().toLowerCase();
  try {
    const rows = await db.transaction(async (tx) => {
      // The threshold of the %> operator, for this transaction only.
      await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`);
      return queryRows<Row>(tx, searchSql(viewer, q));
    });
    return rows.map(toResult);
  } catch (error) {
    throw searchFailed(error);
  }
}

/**
 * The page of the household or child with this exact reference, when the viewer may open it;
 * null otherwise (whether or not it exists, so a search never reveals a hidden record).
 */
export async function recordWithReference(db: Db, viewer: SignedInUser, text: string): Promise<string | null> {
  const wanted = referenceIn(text);
  if (!wanted) return null;
  if (wanted.kind === 'household') {
    const [row] = await db
      .select({ id: households.id })
      .from(households)
      .where(and(inArray(households.reference, wanted.references), householdVisibleTo(viewer)))
      .limit(1);
    return row ? householdPath(row.id) : null;
  }
  const [row] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(inArray(children.reference, wanted.references), childVisibleTo(viewer)))
    .limit(1);
  return row ? childPath(row.id) : null;
}
