/**
 * Annual reviews in the demo: two years of reviews of each approved household, each due a year
 * after approval, then a year after the last review. Most are held on time with the views of the
 * children placed and their social workers' feedback; some are late, some miss a child's views or
 * a social worker's feedback, a few households' latest review has not been held (overdue in My
 * work), and reviews falling due now are gathering views, with links waiting to be used. First
 * reviews go to panel; most older ones have been presented. Made-up words only; one query in for
 * the households, batched inserts out, the same data for a scale every time.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { childForms, type AgeGroup } from '../../src/modules/reviews/labels.ts';
import { annualReviews, reviewContributions, reviewLinks, type Answers } from '../../src/modules/reviews/tables.ts';
import { dayOf, isoOf, timestampOf, YEAR, type Day } from './days.ts';
import { IdMaker, type Random } from './random.ts';

/** How far back reviews go. */
const HISTORY_DAYS = 730;

const SUMMARIES = [
  'The carers provide warm, consistent care and work well with the children’s networks. I recommend their approval continues on the same terms.',
  'A settled year. The carers have taken up training and use supervision well. Approval should continue.',
  'The carers have managed a demanding placement with skill and good humour. They would benefit from more respite support.',
  'The household has met the standards of care expected. Safer care arrangements were reviewed and remain appropriate.',
];
const CHILD_WORDS = {
  best: ['The dog', 'We go to the beach', 'My room', 'They make good dinners', 'I feel safe'],
  change: ['More time on the Xbox', 'Nothing', 'Seeing my brother more', 'Later bedtime'],
  going_well: ['School is better this year', 'I get on with everyone', 'They help me with college'],
  better: ['More say about contact', 'Nothing really', 'Pocket money'],
  else: ['No', 'I like living here', 'Thank you'],
};
const SW_WORDS = {
  needs: [
    'The carers meet the child’s needs well and advocate for them at school.',
    'Needs are met; health appointments are always kept.',
  ],
  plan: [
    'They support family time and keep to the plan.',
    'Good support with education; family time is sometimes hard for them to manage.',
  ],
  working: ['Communication is good and timely.', 'They keep me informed and attend meetings.'],
};

interface HouseholdRow {
  id: string;
  approved_from: string;
  /** A child placed today, and the household is neither restricted nor the demo carer's. */
  scenario_fit: boolean;
  allocated_ssw: string | null;
  ssw_name: string | null;
  carers: string;
  /** On hold or inactive since this day (null while approved). */
  paused_since: string | null;
}

/**
 * How often a review due in the last year has not been held: a few households' reviews, and
 * half of those due for one while on hold or inactive (plan action 3.1 is to review them).
 */
const NOT_HELD = 0.04;
const NOT_HELD_IN_A_BREAK = 0.5;

interface ReviewChildRow {
  review_id: string;
  child_id: string;
  age_group: AgeGroup;
  status: string;
  started_on: string;
  reviewed_on: string | null;
  sw_name: string | null;
  sw_email: string | null;
  first_name: string;
  officer: string;
}

/** A review of one household, as the demo plans it. */
function planReviews(h: HouseholdRow, random: Random, today: Day, officers: string[], ids: IdMaker) {
  const rows: (typeof annualReviews.$inferInsert)[] = [];
  const approved = dayOf(h.approved_from);
  let k = 1;
  while (approved + Math.round(k * YEAR) < today - HISTORY_DAYS) k += 1;
  let due = approved + Math.round(k * YEAR);
  let first = k === 1;
  const officer = random.pick(officers);
  while (due <= today + 30) {
    const late = random.chance(0.18);
    const reviewed = due + (late ? random.int(5, 60) : -random.int(0, 45));
    const started = reviewed - random.int(21, 45);
    if (started > today) break;
    // A few households' latest review has not been held: overdue in My work.
    const paused = h.paused_since !== null && due >= dayOf(h.paused_since);
    if (due <= today && due + 365 > today && random.chance(paused ? NOT_HELD_IN_A_BREAK : NOT_HELD)) break;
    const gathering = reviewed > today;
    // First reviews falling due are left for the reviewing officers to start (the browser journey does).
    if (gathering && first) break;
    const outcome = first
      ? 'continue'
      : random.weighted([
          ['continue', 92],
          ['change_terms', 6],
          ['refer_to_panel', 2],
        ] as const);
    const toPanel = first || outcome !== 'continue';
    const presented = toPanel ? reviewed + random.int(14, 50) : null;
    const commented = random.chance(0.3) ? reviewed + random.int(3, 25) : null;
    rows.push({
      id: ids.next(),
      householdId: h.id,
      kind: 'annual',
      firstReview: first,
      dueOn: isoOf(due),
      startedOn: isoOf(started),
      reviewingOfficerId: officer,
      status: gathering ? 'gathering' : 'completed',
      createdBy: officer,
      createdAt: new Date(timestampOf(started, 9)),
      ...(gathering
        ? {}
        : {
            reviewedOn: isoOf(reviewed),
            outcome,
            outcomeDetail:
              outcome === 'change_terms'
                ? 'Approved for up to 3 children aged 0 to 17, including sibling groups.'
                : outcome === 'refer_to_panel'
                  ? 'Concerns about safer care arrangements after a change in the household.'
                  : null,
            summary: random.pick(SUMMARIES),
            childrenSummary: random.chance(0.6)
              ? 'The children said they feel safe and settled, and like the family’s routines.'
              : null,
            pdpUpdated: random.chance(0.85),
            toPanel,
            presentedToPanelOn: presented !== null && presented <= today ? isoOf(presented) : null,
            reportSentOn: isoOf(reviewed),
            commentsDueOn: isoOf(reviewed + 28),
            carerComment: commented !== null && commented <= today ? 'We agree with the report. Thank you.' : null,
            carerCommentedOn: commented !== null && commented <= today ? isoOf(commented) : null,
            completedBy: officer,
            completedAt: new Date(timestampOf(reviewed, 15)),
          }),
    });
    if (gathering) break;
    due = reviewed + Math.round(YEAR);
    first = false;
  }
  // Now and then an extra review after an allegation or a complaint, completed.
  if (rows.length && random.chance(0.03)) {
    const on = dayOf(rows[0]!.startedOn) + random.int(60, 200);
    if (on + 30 < today) {
      rows.push({
        id: ids.next(),
        householdId: h.id,
        kind: 'extra',
        reason: random.pick(['allegation', 'complaint', 'major_change'] as const),
        reasonDetail: 'An extra review after the outcome of an enquiry, to consider the household’s approval.',
        firstReview: false,
        startedOn: isoOf(on),
        reviewingOfficerId: officer,
        status: 'completed',
        reviewedOn: isoOf(on + 25),
        outcome: 'continue',
        summary: 'Approval continues on the same terms; the safer care plan was updated.',
        pdpUpdated: true,
        reportSentOn: isoOf(on + 25),
        commentsDueOn: isoOf(on + 53),
        completedBy: officer,
        completedAt: new Date(timestampOf(on + 25, 15)),
        createdBy: officer,
      });
    }
  }
  return rows;
}

/** A child's answers on the form for their age: mostly good, sometimes not. */
function childAnswers(ageGroup: AgeGroup, random: Random): Answers {
  const form = childForms[ageGroup];
  const scales: Record<string, number> = {};
  for (const q of form.scales) {
    const n = q.scale.answers.length;
    if (random.chance(0.9)) scales[q.key] = random.chance(0.75) ? n - random.int(0, 1) : random.int(1, n);
  }
  const words: Record<string, string> = {};
  for (const q of form.words) {
    const options = CHILD_WORDS[q.key as keyof typeof CHILD_WORDS];
    if (options && random.chance(0.7)) words[q.key] = random.pick(options);
  }
  const helped = ageGroup === 'under_8' || random.chance(0.2);
  return { scales, words, helped, helper: helped ? random.pick(['My social worker', 'My teacher', null]) : null };
}

/** Writes the demo's reviews; returns how many. */
export async function writeDemoReviews(db: DbOrTx, random: Random, today: Day, scale: string): Promise<number> {
  // The reviewing officers (the head of fostering when there are none).
  const staff = await queryRows<{ id: string; role: string }>(
    db,
    sql`select id, role from users where role in ('reviewing_officer', 'head_of_fostering') and active order by username`,
  );
  const officers = staff.filter((u) => u.role === 'reviewing_officer').map((u) => u.id);
  const reviewers = officers.length ? officers : staff.map((u) => u.id);
  if (reviewers.length === 0) return 0;
  // The approved households first, then those on hold or inactive (their approval stands, and
  // so do its reviews): the approved households' reviews are drawn as they were before those were.
  const households = await queryRows<HouseholdRow>(
    db,
    sql`select h.id, coalesce(h.approved_on, h.status_since)::text as approved_from, h.allocated_ssw_id as allocated_ssw,
        u.display_name as ssw_name,
        h.status = 'approved' and not h.restricted and not exists (select 1 from users cu where cu.household_id = h.id)
          and exists (select 1 from placements p where p.household_id = h.id and p.start_date <= ${isoOf(today)}::date
            and (p.end_date is null or p.end_date >= ${isoOf(today)}::date)) as scenario_fit,
        coalesce((select string_agg(c.first_name || ' ' || c.last_name, ' and ' order by c.created_at, c.id)
          from carers c where c.household_id = h.id), h.name) as carers,
        case when h.status <> 'approved' then h.status_since::text end as paused_since
      from households h left join users u on u.id = h.allocated_ssw_id
      where h.status in ('approved', 'on_hold', 'inactive') order by h.status <> 'approved', h.reference`,
  );
  const ids = new IdMaker(`${scale}/reviews`);
  // One household with a child placed has no review recorded since approval (its reviews were kept
  // on paper): its next is the first in Hearth, overdue, for the reviewing officers to start.
  const unrecorded = households
    .filter((h) => h.scenario_fit)
    .sort((a, b) => b.approved_from.localeCompare(a.approved_from))[0];
  const reviews = households
    .filter((h) => h !== unrecorded)
    .flatMap((h) => planReviews(h, random, today, reviewers, ids));
  await insertRows(db, annualReviews, reviews);
  await writeReviewChildren(db);
  await writeContributions(db, random, today, households, reviews);
  return reviews.length;
}

/** Only these children (`c`), when given, else every child. */
const amongChildren = (childIds?: readonly string[]) =>
  childIds ? sql`c.id = any(${`{${childIds.join(',')}}`}::uuid[])` : sql`true`;

/**
 * Lists in each review the children placed when it started (of these, when given: a child placed
 * by a later part of the demo), with the form for their age then.
 */
export async function writeReviewChildren(db: DbOrTx, childIds?: readonly string[]): Promise<void> {
  await db.execute(sql`insert into review_children (review_id, child_id, age_group)
    select distinct r.id, p.child_id,
      case when age(r.started_on, c.date_of_birth) < interval '8 years' then 'under_8'
        when age(r.started_on, c.date_of_birth) < interval '13 years' then '8_to_12' else '13_plus' end
    from annual_reviews r
    join placements p on p.household_id = r.household_id and p.start_date <= r.started_on
      and (p.end_date is null or p.end_date >= r.started_on)
    join children c on c.id = p.child_id and c.date_of_birth <= r.started_on
    where ${amongChildren(childIds)}`);
}

/** The day a contribution came in: some days after the review started, by its meeting (or today) at the latest. */
const receivedBy = (today: Day) => (started: string, reviewed: string | null | undefined, days: number) =>
  isoOf(Math.min(dayOf(started) + days, reviewed ? dayOf(reviewed) : today));

async function writeContributions(
  db: DbOrTx,
  random: Random,
  today: Day,
  households: HouseholdRow[],
  reviews: (typeof annualReviews.$inferInsert)[],
) {
  const byHousehold = new Map(households.map((h) => [h.id, h]));
  const contributions: (typeof reviewContributions.$inferInsert)[] = [];
  const by = receivedBy(today);
  for (const r of reviews) {
    const h = byHousehold.get(r.householdId)!;
    const done = r.status === 'completed';
    if (done ? random.chance(0.92) : random.chance(0.4)) {
      contributions.push({
        reviewId: r.id!,
        kind: 'carer_report',
        receivedOn: by(r.startedOn, r.reviewedOn, random.int(5, 20)),
        source: 'recorded',
        givenBy: h.carers,
        answers: {
          words: {
            year: 'A busy year with ups and downs; the children are settled.',
            support: 'Supervision and the support group helped.',
          },
        },
      });
    }
    if (done ? random.chance(0.95) : random.chance(0.5)) {
      contributions.push({
        reviewId: r.id!,
        kind: 'ssw_report',
        receivedOn: by(r.startedOn, r.reviewedOn, random.int(5, 20)),
        source: 'recorded',
        givenBy: h.ssw_name ?? 'The supervising social worker',
        answers: {
          words: {
            support: 'Supervised every 4 to 6 weeks, with an unannounced visit.',
            training: 'Core training up to date.',
            supervision: 'Uses supervision well.',
            safer_care: 'Safer care plan reviewed.',
          },
        },
      });
    }
  }
  const fromChildren = await childContributions(db, random, today);
  await insertRows(db, reviewContributions, [...contributions, ...fromChildren.contributions]);
  await insertRows(db, reviewLinks, fromChildren.links);
}

/**
 * Each child's views in the reviews they are listed in (of these children, when given), and their
 * social worker's feedback: most given for a completed review, fewer yet for one gathering, with
 * links waiting for the rest.
 */
export async function childContributions(db: DbOrTx, random: Random, today: Day, childIds?: readonly string[]) {
  const contributions: (typeof reviewContributions.$inferInsert)[] = [];
  const links: (typeof reviewLinks.$inferInsert)[] = [];
  const by = receivedBy(today);
  const children = await queryRows<ReviewChildRow>(
    db,
    sql`select rc.review_id, rc.child_id, rc.age_group, r.status, r.started_on::text as started_on,
        r.reviewed_on::text as reviewed_on, r.reviewing_officer_id as officer, u.display_name as sw_name, u.email as sw_email, c.first_name
      from review_children rc join annual_reviews r on r.id = rc.review_id
      join children c on c.id = rc.child_id left join users u on u.id = c.allocated_social_worker_id
      where ${amongChildren(childIds)}
      order by rc.review_id, rc.child_id`,
  );
  for (const rc of children) {
    const done = rc.status === 'completed';
    // Older children are harder to reach; gathering reviews have fewer views in yet.
    const viewsChance = (done ? 0.82 : 0.3) - (rc.age_group === '13_plus' ? 0.15 : 0);
    const base = { reviewId: rc.review_id, childId: rc.child_id, source: 'link' as const };
    if (random.chance(viewsChance)) {
      contributions.push({
        ...base,
        kind: 'child_views',
        receivedOn: by(rc.started_on, rc.reviewed_on, random.int(3, 20)),
        givenBy: 'the child',
        answers: childAnswers(rc.age_group, random),
      });
    } else if (!done) {
      links.push(openLink(rc, 'child_views', random, today));
    }
    if (random.chance(done ? 0.7 : 0.25)) {
      contributions.push({
        ...base,
        kind: 'social_worker_feedback',
        receivedOn: by(rc.started_on, rc.reviewed_on, random.int(5, 25)),
        givenBy: `${rc.sw_name ?? 'The child’s social worker'}, children’s social worker`,
        answers: {
          scales: {
            rating: random.weighted([
              [5, 3],
              [4, 4],
              [3, 2],
              [2, 1],
            ] as const),
          },
          words: {
            needs: random.pick(SW_WORDS.needs),
            plan: random.pick(SW_WORDS.plan),
            working: random.pick(SW_WORDS.working),
          },
        },
      });
    } else if (!done) {
      links.push(openLink(rc, 'social_worker_feedback', random, today));
    }
  }
  return { contributions, links };
}

/** A link made for a review gathering now, not yet used (its secret is made up and thrown away). */
function openLink(rc: ReviewChildRow, kind: string, random: Random, today: Day): typeof reviewLinks.$inferInsert {
  const requested = Math.min(today, dayOf(rc.started_on) + random.int(1, 6));
  const email = kind === 'social_worker_feedback' && rc.sw_email ? rc.sw_email : null;
  return {
    reviewId: rc.review_id,
    kind,
    childId: rc.child_id,
    ageGroup: kind === 'child_views' ? rc.age_group : null,
    tokenHash: createHash('sha256')
      .update(`demo/${rc.review_id}/${rc.child_id}/${kind}/${random.next()}`)
      .digest('hex'),
    delivery: email ? 'email' : 'handed',
    email,
    recipient:
      kind === 'child_views' ? rc.first_name : `${rc.sw_name ?? 'The child’s social worker'}, children’s social worker`,
    requestedBy: rc.officer,
    requestedOn: isoOf(requested),
    requestedAt: new Date(timestampOf(requested, 10)),
    expiresAt: new Date(timestampOf(requested + 28, 10)),
    remindedAt: today - requested >= 7 ? new Date(timestampOf(requested + 7, 11)) : null,
    managerToldAt: today - requested >= 14 ? new Date(timestampOf(requested + 14, 11)) : null,
  };
}
