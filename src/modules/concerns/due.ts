/**
 * The deadlines of allegations, complaints and notifications, kept by platform/due. Items are
 * scoped by the household (so a matter about the service alone, with no household, keeps no item:
 * its deadlines are on its page and in the register). The allegation rules are shown only to the
 * roles that see allegations (the LADO, the head and team managers): a team's other supervising
 * social workers, who see the household's deadlines, must not learn of an allegation from them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type DueRule, type KeptDueItem } from '../../platform/due/index.ts';
import { eventPath, matterPath } from './paths.ts';
import {
  ALLEGATION_GUIDANCE,
  COMPLAINTS_REGULATIONS,
  LADO_REFERRAL_RULE,
  NOTIFICATION_CITES,
  concludeBy,
  decisionDueOn,
  meetingDueOn,
  notificationTimesSql,
  referralDueOn,
  supportDueOn,
} from './settings.ts';

const allegationAudience: readonly Role[] = ['lado', 'head_of_fostering', 'team_manager'];
const fosteringAudience: readonly Role[] = ['head_of_fostering', 'team_manager'];
const householdAudience: readonly Role[] = [
  'head_of_fostering',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
];

interface Row {
  record_id: string;
  household_id: string;
  label: string;
  team_id: string;
  area_id: string;
  owner_id: string | null;
  known_on: string;
  referred_on: string | null;
  due_on: string | null;
  detail: string | null;
}

/** Open matters of a kind on a household (of these ids, or all), with `where` added. */
async function openMatters(db: DbOrTx, kind: string, ids: readonly string[] | null, where: SQL) {
  return queryRows<Row>(
    db,
    sql`select c.id as record_id, c.household_id, h.team_id, t.area_id, h.allocated_ssw_id as owner_id,
        ${kind === 'allegation' ? 'Allegation' : 'Complaint'} || ': ' || h.name || ' (' || h.reference || ')' as label,
        c.known_on::text as known_on, c.referred_to_lado_on::text as referred_on
      from concerns c
      join households h on h.id = c.household_id
      join teams t on t.id = h.team_id
      where c.kind = ${kind} and c.closed_on is null and ${recordsIn(sql`c.id`, ids)} and ${where}`,
  );
}

const toItem =
  (due: (row: Row) => string, detail: (row: Row) => string) =>
  (row: Row): KeptDueItem => ({
    recordId: row.record_id,
    dueOn: due(row),
    teamId: row.team_id,
    areaId: row.area_id,
    ownerUserId: row.owner_id,
    householdId: row.household_id,
    childId: null,
    label: row.label,
    detail: detail(row),
    href: matterPath(row.record_id),
  });

const byHousehold = {
  household: (ids: SQL) => sql`select id from concerns where household_id in ${ids}`,
};

function allegationRule(
  id: string,
  title: string,
  period: string,
  countsFrom: string,
  audience: readonly Role[],
  where: SQL,
  due: (row: Row) => string,
  detail: (row: Row) => string,
  cites = ALLEGATION_GUIDANCE,
): DueRule {
  return {
    id,
    title,
    cites,
    countsFrom,
    period,
    audience,
    recordType: 'concern',
    affectedBy: byHousehold,
    async compute(db, ids) {
      return (await openMatters(db, 'allegation', ids, where)).map(toItem(due, detail));
    },
  };
}

const notMet = sql`not exists (select 1 from allegation_meetings m where m.concern_id = c.id)`;

/** Each open complaint's next statutory date: stage 3's panel and report, then the response. */
const nextComplaintDate = sql`s.stage::int as stage,
  case when s.stage = 3 and s.panel_on is null then s.panel_by
    when s.stage = 3 and s.report_on is null then s.report_by else s.respond_by end::text as due_on,
  case when s.stage = 3 and s.panel_on is null then 'Stage 3 review panel'
    when s.stage = 3 and s.report_on is null then 'Stage 3 review panel’s report'
    else 'Stage ' || s.stage || ' response' end as detail`;

async function complaintItems(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select c.id as record_id, c.household_id, h.team_id, t.area_id, h.allocated_ssw_id as owner_id,
        'Complaint: ' || h.name || ' (' || h.reference || ')' as label, c.known_on::text as known_on,
        null as referred_on, ${nextComplaintDate}
      from concerns c
      join households h on h.id = c.household_id
      join teams t on t.id = h.team_id
      join lateral (select * from complaint_stages x where x.concern_id = c.id order by x.stage desc limit 1) s on true
      where c.kind = 'complaint' and c.closed_on is null and s.responded_on is null and ${recordsIn(sql`c.id`, ids)}`,
  );
  return rows.map(
    toItem(
      (r) => r.due_on!,
      (r) => r.detail!,
    ),
  );
}

/** Events (of an allegation, or not) that Ofsted has not been told of, due 24 hours after they became known. */
function notificationRule(id: string, title: string, ofAllegation: boolean, audience: readonly Role[]): DueRule {
  return {
    id,
    title,
    cites: NOTIFICATION_CITES,
    countsFrom: 'the date and time the event became known, until Ofsted is recorded as told',
    period: 'within 24 hours',
    audience,
    recordType: 'significant-event',
    affectedBy: { household: (ids) => sql`select id from significant_events where household_id in ${ids}` },
    async compute(db, ids) {
      const rows = await queryRows<Row>(
        db,
        sql`select e.id as record_id, e.household_id, h.team_id, t.area_id, h.allocated_ssw_id as owner_id,
            'Notify Ofsted: ' || h.name || ' (' || h.reference || ')' as label, null as known_on, null as referred_on,
            to_char((e.known_at + interval '24 hours') at time zone 'Europe/London', 'YYYY-MM-DD') as due_on,
            ${notificationTimesSql} as detail
          from significant_events e
          join households h on h.id = e.household_id
          join teams t on t.id = h.team_id
          where ${ofAllegation ? sql`e.concern_id is not null` : sql`e.concern_id is null`}
            and not exists (select 1 from event_notices n where n.event_id = e.id and n.recipient = 'ofsted')
            and ${recordsIn(sql`e.id`, ids)}`,
      );
      return rows.map((row) => ({
        ...toItem(
          (r) => r.due_on!,
          (r) => r.detail!,
        )(row),
        href: eventPath(row.record_id),
      }));
    },
  };
}

/** The concerns module's deadlines. */
export const concernsDueRules: DueRule[] = [
  allegationRule(
    'concerns.lado-referral',
    'Allegation referred to the LADO',
    'within 1 working day',
    'the day the allegation became known, until the referral is recorded',
    fosteringAudience,
    sql`c.referred_to_lado_on is null`,
    (r) => referralDueOn(r.known_on),
    () => 'Not yet referred to the LADO',
    LADO_REFERRAL_RULE,
  ),
  allegationRule(
    'concerns.lado-decision',
    'LADO’s decision on immediate action',
    'within 1 working day',
    'the referral to the LADO, until the decision is recorded',
    ['lado', 'head_of_fostering'],
    sql`c.referred_to_lado_on is not null and c.lado_decision_on is null`,
    (r) => decisionDueOn(r.referred_on!),
    () => 'The LADO’s decision on immediate action',
  ),
  allegationRule(
    'concerns.strategy-meeting',
    'Allegation strategy or evaluation meeting',
    'within about 5 working days (guidance)',
    'the referral to the LADO, until a meeting is recorded (not when the LADO decided on no further action)',
    allegationAudience,
    sql`c.referred_to_lado_on is not null and c.outcome_on is null and ${notMet}
      and c.immediate_action is distinct from 'no_further_action'`,
    (r) => meetingDueOn(r.referred_on!),
    () => 'No strategy or evaluation meeting recorded',
  ),
  allegationRule(
    'concerns.allegation-outcome',
    'Allegation concluded',
    'aim within 3 months (guidance, not statute)',
    'the day the allegation became known, until its outcome is recorded',
    allegationAudience,
    sql`c.outcome_on is null`,
    (r) => concludeBy(r.known_on),
    () => 'No outcome yet',
  ),
  allegationRule(
    'concerns.carer-support',
    'Independent support offered to the carer',
    'within 1 working day (local target)',
    'the referral to the LADO, until support independent of the service is offered',
    fosteringAudience,
    sql`c.referred_to_lado_on is not null and c.support_offered_on is null`,
    (r) => supportDueOn(r.referred_on!),
    () => 'Independent support not yet offered',
    'Fostering Services: National Minimum Standards (2011), standard 22.12 (support independent of the service for a carer facing an allegation); the timescale is a local target',
  ),
  {
    id: 'concerns.complaint-response',
    title: 'Complaint answered within its stage’s timescale',
    cites: `${COMPLAINTS_REGULATIONS}, regulations 14, 17, 19 and 20`,
    countsFrom: 'the day each stage was received (stage 3: the panel and its report)',
    period:
      'stage 1 within 10 working days (20 extended); stage 2 within 25 (65); stage 3 panel 30, report 5, response 15',
    audience: householdAudience,
    recordType: 'concern',
    affectedBy: byHousehold,
    compute: complaintItems,
  },
  notificationRule('concerns.allegation-notification', 'Ofsted told of an allegation', true, allegationAudience),
  notificationRule('concerns.event-notification', 'Ofsted told of a significant event', false, householdAudience),
];
