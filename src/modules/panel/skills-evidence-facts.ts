/**
 * What Hearth holds beside each piece of the skills level evidence checklist (action 6.2), read
 * from the household's records as of a day: each carer's training in the last 12 months and their
 * TSD standards, the last finalised supervision visit and the signed supervision agreement, the
 * latest completed annual review and the children's social workers' views it gathered, and any open
 * allegation or standard-of-care concern the user may see (concerns/scope.ts). Three small indexed
 * queries. The facts inform the worker; the ticks stay theirs.
 */
import { and, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addMonths, type IsoDate } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { matterPath } from '../concerns/paths.ts';
import { concernVisibleTo } from '../concerns/scope.ts';
import { concerns } from '../concerns/tables.ts';
import { carers } from '../households/tables.ts';
import { householdReviewsPath, reviewPath } from '../reviews/paths.ts';
import { annualReviews, reviewChildren, reviewContributions } from '../reviews/tables.ts';
import { householdSupervisionPath, supervisionPath } from '../supervision/paths.ts';
import { supervisionAgreements, supervisions } from '../supervision/tables.ts';
import { carerTrainingPath } from '../training/paths.ts';
import { trainingBookings, trainingCourses, tsdEvidence } from '../training/tables.ts';
import type { EvidenceCheck } from './skills-evidence.ts';

/** One line of what Hearth holds, with a link to the record when the user may open it. */
export interface EvidenceFact {
  text: string;
  link?: { href: string; text: string };
}

export interface EvidenceFacts {
  /** The day the facts are read as of. */
  asOf: IsoDate;
  /** Open allegations and standard-of-care concerns about the household that the user may see. */
  warnings: EvidenceFact[];
  /** The lines under each piece of the checklist (none under the SSW's report or the portfolio). */
  byCheck: Partial<Record<EvidenceCheck, EvidenceFact[]>>;
  /** The matters shown, each view written to the audit trail. */
  matterIds: string[];
}

interface HouseholdRow {
  visit_id: string | null;
  visit_on: string | null;
  agreement_signed_on: string | null;
  agreement_review_on: string | null;
  review_id: string | null;
  reviewed_on: string | null;
  to_panel: boolean | null;
  presented_on: string | null;
  views: number;
  children: number;
  open_review_id: string | null;
  open_review_started_on: string | null;
}

/** The household's last visit, agreement, latest completed review (with its views) and any review under way. */
async function householdRecords(db: DbOrTx, householdId: string, today: IsoDate): Promise<HouseholdRow> {
  const [row] = await queryRows<HouseholdRow>(
    db,
    sql`select v.id as visit_id, v.visit_date::text as visit_on,
      a.signed_on::text as agreement_signed_on, a.review_on::text as agreement_review_on,
      r.id as review_id, r.reviewed_on::text as reviewed_on, r.to_panel, r.presented_to_panel_on::text as presented_on,
      (select count(*)::int from ${reviewContributions} rc
        where rc.review_id = r.id and rc.kind = 'social_worker_feedback') as views,
      (select count(*)::int from ${reviewChildren} rch where rch.review_id = r.id) as children,
      g.id as open_review_id, g.started_on::text as open_review_started_on
    from (select 1) one
    left join lateral (select s.id, s.visit_date from ${supervisions} s
      where s.household_id = ${householdId} and s.status = 'final' and s.visit_date <= ${today}::date
      order by s.visit_date desc limit 1) v on true
    left join lateral (select sa.signed_on, sa.review_on from ${supervisionAgreements} sa
      where sa.household_id = ${householdId} and sa.signed_on <= ${today}::date
      order by sa.signed_on desc limit 1) a on true
    left join lateral (select ar.id, ar.reviewed_on, ar.to_panel, ar.presented_to_panel_on from ${annualReviews} ar
      where ar.household_id = ${householdId} and ar.status = 'completed' and ar.reviewed_on <= ${today}::date
      order by ar.reviewed_on desc limit 1) r on true
    left join lateral (select ag.id, ag.started_on from ${annualReviews} ag
      where ag.household_id = ${householdId} and ag.status = 'gathering' limit 1) g on true`,
  );
  return row!;
}

interface CarerRow {
  id: string;
  name: string;
  sessions: number;
  hours: string;
  tsd_on: string | null;
}

/** Each carer's training attended in the 12 months to the day, and the day their TSD standards were evidenced. */
function carersTraining(db: DbOrTx, householdId: string, today: IsoDate): Promise<CarerRow[]> {
  return queryRows<CarerRow>(
    db,
    sql`select cr.id, cr.first_name || ' ' || cr.last_name as name,
      count(b.id)::int as sessions, coalesce(sum(c.hours), 0)::float8::text as hours,
      least(
        (select t.evidenced_on from ${tsdEvidence} t where t.carer_id = cr.id and t.evidenced_on <= ${today}::date),
        (select min(tb.session_starts_on) from ${trainingBookings} tb
          join ${trainingCourses} tc on tc.id = tb.session_course_id
          where tb.carer_id = cr.id and tb.attendance = 'attended' and tc.category = 'tsd'
            and tb.session_starts_on <= ${today}::date)
      )::text as tsd_on
    from ${carers} cr
    left join ${trainingBookings} b on b.carer_id = cr.id and b.attendance = 'attended'
      and b.session_starts_on > ${addMonths(today, -12)}::date and b.session_starts_on <= ${today}::date
    left join ${trainingCourses} c on c.id = b.session_course_id
    where cr.household_id = ${householdId} and cr.left_on is null
    group by cr.id
    order by cr.last_name, cr.first_name`,
  );
}

/** The open allegations and standard-of-care concerns about the household that the user may see. */
function openMatters(db: DbOrTx, user: SignedInUser, householdId: string, today: IsoDate) {
  return db
    .select({ id: concerns.id, kind: concerns.kind, knownOn: concerns.knownOn })
    .from(concerns)
    .where(
      and(
        eq(concerns.householdId, householdId),
        isNull(concerns.closedOn),
        inArray(concerns.kind, ['allegation', 'standard_of_care']),
        lte(concerns.knownOn, today),
        concernVisibleTo(user),
      ),
    )
    .orderBy(desc(concerns.knownOn))
    .limit(10);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function trainingFacts(rows: CarerRow[], mayOpen: boolean): EvidenceFact[] {
  if (rows.length === 0) return [{ text: 'No carer is recorded in the household' }];
  return rows.map((r) => {
    const hours = Number(r.hours);
    const done = r.sessions
      ? `${plural(r.sessions, 'course')} (${plural(hours, 'hour')}) in the last 12 months`
      : 'no training in the last 12 months';
    const tsd = r.tsd_on
      ? `Training, Support and Development standards evidenced on ${formatDate(r.tsd_on)}`
      : 'Training, Support and Development standards not evidenced';
    return {
      text: `${r.name}: ${done}; ${tsd}`,
      ...(mayOpen ? { link: { href: carerTrainingPath(r.id), text: `${r.name}’s training record` } } : {}),
    };
  });
}

function supervisionFacts(row: HouseholdRow, householdId: string, today: IsoDate, mayOpen: boolean): EvidenceFact[] {
  const visit: EvidenceFact = row.visit_id
    ? {
        text: `Last supervision visit: ${formatDate(row.visit_on)}`,
        ...(mayOpen ? { link: { href: supervisionPath(row.visit_id), text: 'Open the visit' } } : {}),
      }
    : { text: 'No finalised supervision visit recorded' };
  const renewal =
    row.agreement_review_on && row.agreement_review_on < today
      ? `; its renewal was due on ${formatDate(row.agreement_review_on)}`
      : '';
  const agreement: EvidenceFact = {
    text: row.agreement_signed_on
      ? `Supervision agreement signed on ${formatDate(row.agreement_signed_on)}${renewal}`
      : 'No signed supervision agreement recorded',
    ...(mayOpen ? { link: { href: householdSupervisionPath(householdId), text: 'The household’s supervision' } } : {}),
  };
  return [visit, agreement];
}

function panelWords(row: HouseholdRow): string {
  if (row.presented_on) return `presented to panel on ${formatDate(row.presented_on)}`;
  return row.to_panel ? 'to go to panel, not yet presented' : 'did not go to panel';
}

function reviewFacts(row: HouseholdRow, householdId: string, mayOpen: boolean) {
  const open = (id: string, text: string) => (mayOpen ? { link: { href: reviewPath(id), text } } : {});
  const underWay: EvidenceFact[] = row.open_review_id
    ? [
        {
          text: `An annual review is under way, started on ${formatDate(row.open_review_started_on)}`,
          ...open(row.open_review_id, 'Open the review under way'),
        },
      ]
    : [];
  if (!row.review_id) {
    return {
      annualReview: [
        {
          text: 'No completed annual review recorded',
          ...(mayOpen ? { link: { href: householdReviewsPath(householdId), text: 'The household’s reviews' } } : {}),
        },
        ...underWay,
      ],
      childrensViews: [{ text: 'No completed annual review recorded, so no children’s social workers’ views' }],
    };
  }
  const reviewedOn = formatDate(row.reviewed_on);
  const views = row.children
    ? `${row.views} of the ${plural(row.children, 'child’s social worker', 'children’s social workers')} gave their views for the annual review of ${reviewedOn}`
    : `No child was placed at the annual review of ${reviewedOn}; children’s social workers’ views received: ${row.views}`;
  return {
    annualReview: [
      { text: `Latest annual review: ${reviewedOn}, ${panelWords(row)}`, ...open(row.review_id, 'Open the review') },
      ...underWay,
    ],
    childrensViews: [{ text: views, ...open(row.review_id, 'Open the views gathered') }],
  };
}

/** What Hearth holds about the household beside the checklist, as the user may see it, as of the day. */
export async function evidenceFacts(
  db: DbOrTx,
  user: SignedInUser,
  householdId: string,
  today: IsoDate,
): Promise<EvidenceFacts> {
  const records = await householdRecords(db, householdId, today);
  const training = await carersTraining(db, householdId, today);
  const matters = await openMatters(db, user, householdId, today);
  return {
    asOf: today,
    warnings: matters.map((m) => ({
      text: `${m.kind === 'allegation' ? 'An allegation' : 'A standard-of-care concern'} about this household is open, known on ${formatDate(m.knownOn)}`,
      ...(can(user.role, 'concerns.view')
        ? {
            link: {
              href: matterPath(m.id),
              text: m.kind === 'allegation' ? 'Open the allegation' : 'Open the concern',
            },
          }
        : {}),
    })),
    byCheck: {
      training: trainingFacts(training, can(user.role, 'training.view')),
      supervision: supervisionFacts(records, householdId, today, can(user.role, 'supervision.view')),
      ...reviewFacts(records, householdId, can(user.role, 'reviews.view')),
    },
    matterIds: matters.map((m) => m.id),
  };
}
