/**
 * The places of reviews, as SQL: every kind (kinds.ts), for each area when the kind is written per
 * area, for each half-year from `first` to `last` (both the day a half-year starts), with the
 * place's id (periods.ts slotId), its title in words, its half-year's end and its due date. The
 * list, the deadlines and the measure read reviews through it, left-joined to the saved ones.
 */

import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../platform/dates/index.ts';
import { reviewKinds, type ReviewKind } from './kinds.ts';
import { firstListed, LISTED_FOR_MONTHS } from './periods.ts';
import { DUE_MONTHS_AFTER_HALF_YEAR } from './settings.ts';

/**
 * The first half-year the service wrote a review of in Hearth while that half-year was still
 * listed (among the last LISTED_HALF_YEARS ended on the day the review was first saved), as SQL;
 * null before it has written one. A review of an older half-year written later (catching up on
 * paper records, or opened by mistake) does not move it back, so it cannot bring years of
 * reviews never written in Hearth back into anyone's work.
 */
export const firstWrittenSql = sql`(select min(w.period_start) from service_reviews w
  where (w.created_at at time zone 'Europe/London')::date < (w.period_start + make_interval(months => ${LISTED_FOR_MONTHS}))::date)`;

/**
 * The first half-year whose reviews are expected until they are completed, as on `today` (SQL): the
 * first half-year the service wrote a review of (firstWrittenSql), or the first of the last
 * LISTED_HALF_YEARS ended when that is earlier or there is none yet. The list (queries.ts) shows the
 * reviews not completed from here and My work (due.ts) keeps them from here, so the two agree.
 */
export const firstExpectedSql = (today: IsoDate) => sql`least(${firstListed(today)}::date, ${firstWrittenSql})`;

function kindValues(kinds: readonly ReviewKind[]): SQL {
  return sql.join(
    kinds.map((k) => sql`(${k.key}::text, ${sql.raw(k.perArea ? 'true' : 'false')}, ${k.title}::text)`),
    sql`, `,
  );
}

/**
 * A subquery (alias it) of the places: `id`, `kind`, `title`, `area_id`, `area_name`,
 * `period_start`, `period_end`, `due_on`; none when `kinds` is empty.
 */
export function slotsSql(first: IsoDate | SQL, last: IsoDate | SQL, kinds: readonly ReviewKind[] = reviewKinds): SQL {
  if (!kinds.length) {
    return sql`(select null::uuid as id, null::text as kind, null::text as title, null::uuid as area_id,
      null::text as area_name, null::date as period_start, null::date as period_end, null::date as due_on where false)`;
  }
  return sql`(select md5(k.kind || '/' || p.start::date::text || '/' || coalesce(a.id::text, 'service'))::uuid as id,
      k.kind, k.title, a.id as area_id, a.name as area_name, p.start::date as period_start,
      (p.start + interval '6 months' - interval '1 day')::date as period_end,
      (p.start + make_interval(months => ${6 + DUE_MONTHS_AFTER_HALF_YEAR}) - interval '1 day')::date as due_on
    from (values ${kindValues(kinds)}) as k(kind, per_area, title)
    cross join generate_series(${first}::timestamp, ${last}::timestamp, interval '6 months') as p(start)
    join lateral (select ar.id, ar.name from areas ar where k.per_area
      union all select null::uuid, null::text where not k.per_area) a on true)`;
}

/** A place's title in words: "Summary of children’s feedback: East Kent", or the kind's title alone. */
export const slotTitle = (alias: string) => sql.raw(`${alias}.title || coalesce(': ' || ${alias}.area_name, '')`);

/** A place's half-year in words, as periods.ts halfYearWords writes it. */
export const slotHalfYear = (alias: string) =>
  sql.raw(`case when extract(month from ${alias}.period_start) = 4
    then to_char(${alias}.period_start, 'FMDD FMMonth') || ' to ' || to_char(${alias}.period_end, 'FMDD FMMonth YYYY')
    else to_char(${alias}.period_start, 'FMDD FMMonth YYYY') || ' to ' || to_char(${alias}.period_end, 'FMDD FMMonth YYYY') end`);

/** A place's page, as paths.ts serviceReviewPath builds it. */
export const slotHref = (alias: string) =>
  sql.raw(`'/service-reviews/' || ${alias}.kind || '/' || to_char(${alias}.period_start, 'YYYY-MM')
    || coalesce('/areas/' || ${alias}.area_id::text, '')`);
