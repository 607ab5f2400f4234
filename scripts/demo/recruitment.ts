/**
 * The road in and out in the demo: a year of enquiries from every source, about a quarter going
 * on to apply and about 12% of the older ones approved; initial visits, monthly information
 * events, assessments in progress with their stage 1 checks and mentors, some withdrawals with
 * their Ofsted codes, post-approval interviews, and exit interviews for some households that left.
 * New households only for the enquiries; everything else hangs off them or the demo's deregistered
 * households. Made-up people; planned in memory, written in batches; the same data every time.
 */
import { sql } from 'drizzle-orm';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { carers, householdStatusEvents, households, personChecks } from '../../src/modules/households/tables.ts';
import { formatHouseholdReference } from '../../src/modules/households/reference.ts';
import { householdTypeFor, interests, ofstedCodes, type Interest } from '../../src/modules/recruitment/labels.ts';
import {
  recruitmentAssessments,
  recruitmentEnquiries,
  recruitmentEventAttendees,
  recruitmentEvents,
  recruitmentExemptions,
  recruitmentLeavings,
  recruitmentPostApprovalInterviews,
  recruitmentVisits,
  recruitmentWithdrawals,
} from '../../src/modules/recruitment/tables.ts';
import { dayOf, isoOf, type Day } from './days.ts';
import { mensNames, streets, surnames, teamTowns, womensNames } from './names.ts';
import { IdMaker, stream, type Random } from './random.ts';
import type { Scale } from './scales.ts';

const ENQUIRIES: Record<Scale, number> = { small: 40, county: 1400, national: 1400 };
const SOURCES = [
  ['website', 34],
  ['social_media', 22],
  ['search_advert', 12],
  ['recruitment_event', 9],
  ['word_of_mouth', 12],
  ['existing_carer', 6],
  ['carer_ambassador', 2],
  ['other', 3],
] as const;

type Row<T extends Parameters<DbOrTx['insert']>[0]> = T['$inferInsert'];

interface Plan {
  households: Row<typeof households>[];
  carers: Row<typeof carers>[];
  events: Row<typeof householdStatusEvents>[];
  enquiries: Row<typeof recruitmentEnquiries>[];
  visits: Row<typeof recruitmentVisits>[];
  assessments: Row<typeof recruitmentAssessments>[];
  checks: Row<typeof personChecks>[];
  withdrawals: Row<typeof recruitmentWithdrawals>[];
  interviews: Row<typeof recruitmentPostApprovalInterviews>[];
}

interface Context {
  random: Random;
  ids: IdMaker;
  today: Day;
  teams: { id: string; name: string }[];
  assessors: string[];
  mentors: string[];
  coordinator: string | null;
}

const CHECKS_DONE = [
  'dbs',
  'la_checks',
  'medical',
  'personal_reference',
  'personal_reference',
  'health_and_safety',
  'pets',
];

/** One enquiry's road: how far it got by today. */
function planOne(ctx: Context, plan: Plan, n: number, daysAgo: number) {
  const { random, today } = ctx;
  const id = ctx.ids.next();
  const carerId = ctx.ids.next();
  const team = random.pick(ctx.teams);
  const [town, districts] = random.pick(teamTowns[team.name] ?? [['Maidstone', ['ME14']] as const]);
  const surname = random.pick(surnames);
  const enquired = today - daysAgo;
  const chosen = random.shuffle(interests).slice(0, random.int(1, 2)) as Interest[];
  const late = random.chance(0.12);
  const answered = enquired + (late ? random.int(2, 5) : random.int(0, 1));
  const statuses: { to: string; on: Day; reason?: string }[] = [{ to: 'enquiry', on: enquired }];
  // About a quarter apply; of them about 92% start the assessment, 37% of those withdraw during it and 85% of
  // the rest are approved: 0.26 x 0.92 x 0.63 x 0.85 = about 12.8% of enquiries, 12% as the scorecard counts them.
  const applies = enquired < today - 30 && random.chance(0.26);
  let approvedOn: Day | null = null;
  if (random.chance(0.6) && enquired < today - 20) {
    const visited = Math.min(today, enquired + random.int(7, 20));
    plan.visits.push({
      householdId: id,
      visitedOn: isoOf(visited),
      workerId: random.pick(ctx.assessors),
      proceed: applies || random.chance(0.5),
      reasons: applies
        ? 'A warm, stable home with room and time for a child; they understand what fostering asks.'
        : 'They have decided to wait until their own children are older.',
    });
  }
  if (applies) {
    const applied = Math.min(today, enquired + random.int(21, 45));
    statuses.push({ to: 'applicant', on: applied });
    const assessment: Row<typeof recruitmentAssessments> = { householdId: id, appliedOn: isoOf(applied) };
    const started = applied + random.int(7, 21);
    if (started <= today && random.chance(0.92)) {
      statuses.push({ to: 'in_assessment', on: started });
      Object.assign(assessment, {
        startedOn: isoOf(started),
        assessorId: random.pick(ctx.assessors),
        needsEmployerReference: random.chance(0.2),
      });
      if (random.chance(0.82) && ctx.mentors.length) {
        Object.assign(assessment, {
          mentorHouseholdId: random.pick(ctx.mentors),
          mentorAllocatedOn: isoOf(Math.min(today, started + random.int(0, 14))),
        });
      }
      const completed = started + random.int(100, 140);
      const checksBy = Math.min(today, started + 60);
      const kinds = completed <= today ? CHECKS_DONE : CHECKS_DONE.slice(0, random.int(1, CHECKS_DONE.length));
      // Some applicants bring a recent medical from their own doctor, running out during the assessment.
      const withdraws = random.chance(0.37) && started + 30 <= today;
      const expiringSoon = (c: { kind: string; expiresOn?: string | null }) =>
        c.kind === 'medical' && Boolean(c.expiresOn) && c.expiresOn! < isoOf(today + 60);
      const ownMedical = completed > today && !withdraws && (random.chance(0.3) || !plan.checks.some(expiringSoon));
      kinds.forEach((kind, k) => {
        if (kind === 'medical' && ownMedical) {
          const doneOn = today - random.int(320, 340);
          plan.checks.push({
            householdId: id,
            carerId,
            kind,
            completedOn: isoOf(doneOn),
            satisfactory: true,
            expiresOn: isoOf(doneOn + 365),
          });
          return;
        }
        const doneOn = Math.min(checksBy, started + 7 + k * random.int(3, 8));
        const personal = ['dbs', 'la_checks', 'medical'].includes(kind);
        plan.checks.push({
          householdId: id,
          carerId: personal ? carerId : null,
          kind,
          completedOn: isoOf(doneOn),
          satisfactory: true,
          expiresOn: kind === 'dbs' || kind === 'medical' ? isoOf(doneOn + 3 * 365) : null,
        });
      });
      if (started + 40 <= today)
        Object.assign(assessment, {
          trainingCompletedOn: isoOf(started + random.int(20, 40)),
          trainingCourse: 'Skills to Foster',
        });
      if (withdraws) {
        const on = started + random.int(10, Math.min(60, today - started));
        statuses.push({ to: 'withdrawn', on, reason: 'Withdrew during the assessment' });
        plan.withdrawals.push({
          householdId: id,
          withdrawnOn: isoOf(on),
          stage: 'in_assessment',
          ofstedCode: random.pick(ofstedCodes),
          reason: 'Their circumstances changed during the assessment.',
        });
      } else if (completed <= today) {
        assessment.completedOn = isoOf(completed);
        const decided = completed + random.int(20, 45);
        if (decided <= today && random.chance(0.85)) {
          approvedOn = decided;
          statuses.push({ to: 'approved', on: decided, reason: 'Agency decision to approve (imported)' });
          if (decided + 183 <= today && random.chance(0.75)) {
            plan.interviews.push({
              householdId: id,
              interviewedOn: isoOf(decided + random.int(150, 200)),
              feedback: random.pick(FEEDBACK),
              mentorHelped: assessment.mentorHouseholdId ? 'yes' : 'no_mentor',
              recordedBy: ctx.coordinator,
            });
          }
        }
      }
    }
    plan.assessments.push(assessment);
  } else if (enquired < today - 45 && random.chance(0.45)) {
    const on = enquired + random.int(10, 40);
    statuses.push({ to: 'withdrawn', on, reason: 'Did not go on to apply' });
    plan.withdrawals.push({
      householdId: id,
      withdrawnOn: isoOf(on),
      stage: 'enquiry',
      ofstedCode: random.weighted([
        ['AW0', 30],
        ['AW1', 30],
        ['AW2', 25],
        ['AW3', 8],
        ['AW5', 7],
      ] as const),
      reason: random.pick(WITHDRAW_REASONS),
    });
  }
  const last = statuses[statuses.length - 1]!;
  plan.households.push({
    id,
    reference: formatHouseholdReference(n),
    name: surname,
    addressLine1: `${random.int(1, 120)} ${random.pick(streets)}`,
    town,
    postcode: `${random.pick(districts)} ${random.int(1, 9)}${random.pick(['A', 'B', 'D', 'E', 'F'])}${random.pick(['G', 'H', 'J', 'L', 'N'])}`,
    teamId: team.id,
    status: last.to,
    statusSince: isoOf(last.on),
    householdType: householdTypeFor(chosen),
    approvedOn: approvedOn === null ? null : isoOf(approvedOn),
    approvedPlaces: approvedOn === null ? 0 : random.int(1, 3),
  });
  plan.carers.push({
    id: carerId,
    householdId: id,
    firstName: random.pick(random.chance(0.6) ? womensNames : mensNames),
    lastName: surname,
  });
  statuses.forEach((s, i) =>
    plan.events.push({
      householdId: id,
      fromStatus: statuses[i - 1]?.to ?? null,
      toStatus: s.to,
      onDate: isoOf(s.on),
      reason: s.reason ?? null,
    }),
  );
  plan.enquiries.push({
    householdId: id,
    enquiredOn: isoOf(enquired),
    source: random.weighted(SOURCES),
    interests: chosen,
    email: `${surname.toLowerCase()}${n}@example.com`,
    answeredOn: enquired < today - 1 ? isoOf(Math.min(answered, today)) : null,
    answeredBy: ctx.coordinator,
    createdBy: ctx.coordinator,
  });
}

const FEEDBACK = [
  'The assessment felt thorough and fair. Our mentor answered the questions we felt silly asking.',
  'Panel was daunting but the social worker prepared us well. The first placement came quickly.',
  'We would have liked more contact between the checks and the home study sessions.',
];
const WITHDRAW_REASONS = [
  'Not the right time for the family.',
  'Moving house next year.',
  'Chose to foster with an agency.',
  'Worried about allegations.',
];
const EXIT_NOTES = [
  'Retiring after many years; would mentor new carers.',
  'Felt unsupported after a difficult placement ended.',
  'Moving abroad for work.',
];

/** Monthly information events, each attended by some of the month's enquiries. */
function planEvents(ctx: Context, enquiries: Row<typeof recruitmentEnquiries>[]) {
  const events: Row<typeof recruitmentEvents>[] = [];
  const attendees: Row<typeof recruitmentEventAttendees>[] = [];
  for (let m = 0; m < 12; m += 1) {
    const heldOn = ctx.today - 14 - m * 30;
    const id = ctx.ids.next();
    const online = m % 3 === 0;
    events.push({
      id,
      heldOn: isoOf(heldOn),
      place: online
        ? 'Online (video call)'
        : ctx.random.pick(['Canterbury library', 'Maidstone hub', 'Dartford community centre']),
      online,
      createdBy: ctx.coordinator,
    });
    for (const e of enquiries) {
      const on = dayOf(e.enquiredOn);
      if (on < heldOn && on >= heldOn - 30 && ctx.random.chance(0.3))
        attendees.push({ eventId: id, householdId: e.householdId });
    }
  }
  return { events, attendees };
}

/**
 * Post-approval interviews of the demo's other households approved in the last two years: about
 * three in four held, most around the six-month mark. A stream of draws of its own, so the rest
 * of the demo is the same with or without them.
 */
async function planPostApprovalInterviews(db: DbOrTx, ctx: Context, random: Random) {
  const approved = await queryRows<{ id: string; approved_on: string }>(
    db,
    sql`select id, approved_on::text from households
      where approved_on > ${isoOf(ctx.today - 730)}::date and status in ('approved', 'on_hold', 'inactive')
      order by reference`,
  );
  return approved.flatMap((h): Row<typeof recruitmentPostApprovalInterviews>[] => {
    const held = dayOf(h.approved_on) + random.int(140, 200);
    if (!random.chance(0.75) || held > ctx.today) return [];
    return [
      {
        householdId: h.id,
        interviewedOn: isoOf(held),
        feedback: random.pick(FEEDBACK),
        mentorHelped: random.pick(['yes', 'no', 'no_mentor'] as const),
        recordedBy: ctx.coordinator,
      },
    ];
  });
}

/** Exit interviews for most of the demo's households that left in the last two years. */
async function planLeavings(db: DbOrTx, ctx: Context) {
  const left = await queryRows<{ id: string; status_since: string }>(
    db,
    sql`select id, status_since::text from households where status = 'deregistered' and status_since > ${isoOf(ctx.today - 730)}::date order by reference`,
  );
  return left
    .filter(() => ctx.random.chance(0.7))
    .map((h): Row<typeof recruitmentLeavings> => {
      const state = ctx.random.weighted([
        ['done', 60],
        ['declined', 20],
        ['offered', 20],
      ] as const);
      const leftDay = dayOf(h.status_since);
      return {
        householdId: h.id,
        reason: ctx.random.weighted([
          ['resignation', 50],
          ['retirement', 35],
          ['review_decision', 10],
          ['allegation_decision', 5],
        ] as const),
        leftOn: h.status_since,
        exitInterview: state,
        interviewOn: state === 'offered' ? null : isoOf(Math.min(ctx.today, leftDay + ctx.random.int(5, 40))),
        themes:
          state === 'done'
            ? ctx.random
                .shuffle([
                  'support_from_social_worker',
                  'allowances_and_fees',
                  'training',
                  'family_circumstances',
                  'health',
                ])
                .slice(0, ctx.random.int(1, 3))
            : [],
        notes: state === 'done' ? ctx.random.pick(EXIT_NOTES) : null,
        wouldReturn: state === 'done' ? ctx.random.pick(['yes', 'no', 'not_sure']) : null,
        recordedBy: ctx.coordinator,
      };
    });
}

/** Writes the demo's road in and out; returns how many enquiries. */
export async function writeDemoRecruitment(db: DbOrTx, random: Random, today: Day, scale: Scale): Promise<number> {
  const teams = await queryRows<{ id: string; name: string }>(db, sql`select id, name from teams order by name`);
  const staff = await queryRows<{ id: string; role: string; username: string }>(
    db,
    sql`select id, role, username from users where role in ('assessing_social_worker', 'team_manager', 'recruitment_coordinator') order by username`,
  );
  const mentors = await queryRows<{ id: string }>(
    db,
    sql`select id from households where status = 'approved' and not restricted order by reference limit 200`,
  );
  const [max] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(max(substring(reference from 3)::int), 0)::int as n from households where reference ~ '^H-[0-9]+$'`,
  );
  const assessors = staff.filter((s) => s.role !== 'recruitment_coordinator').map((s) => s.id);
  const ctx: Context = {
    random,
    ids: new IdMaker(`${scale}-recruitment`),
    today,
    teams,
    assessors: assessors.length ? assessors : staff.map((s) => s.id),
    mentors: mentors.map((m) => m.id),
    coordinator: staff.find((s) => s.role === 'recruitment_coordinator')?.id ?? null,
  };
  const plan: Plan = {
    households: [],
    carers: [],
    events: [],
    enquiries: [],
    visits: [],
    assessments: [],
    checks: [],
    withdrawals: [],
    interviews: [],
  };
  // The first two came in today and yesterday, not yet answered.
  for (let i = 1; i <= ENQUIRIES[scale]; i += 1) {
    planOne(ctx, plan, Number(max?.n ?? 0) + i, i <= 2 ? i - 1 : random.int(0, 364));
  }
  const exemptions = ctx.random
    .shuffle(ctx.mentors)
    .slice(0, scale === 'small' ? 2 : 12)
    .map((householdId): Row<typeof recruitmentExemptions> => {
      const agreed = today - random.int(30, 300);
      return {
        householdId,
        agreedOn: isoOf(agreed),
        agreedBy: random.pick(['Fostering panel', 'Maya Mensah, team manager']),
        reason: 'To keep four brothers and sisters together in one home.',
        childrenCovered: 'Four brothers and sisters placed together',
        reviewOn: isoOf(Math.max(today + random.int(-10, 20), agreed + 180)),
        recordedBy: ctx.coordinator,
      };
    });
  const { events, attendees } = planEvents(ctx, plan.enquiries);
  const leavings = await planLeavings(db, ctx);
  plan.interviews.push(...(await planPostApprovalInterviews(db, ctx, stream(scale, 'post-approval-interviews'))));
  await insertRows(db, households, plan.households);
  await insertRows(db, carers, plan.carers);
  await insertRows(db, householdStatusEvents, plan.events);
  await insertRows(db, recruitmentEnquiries, plan.enquiries);
  await insertRows(db, recruitmentVisits, plan.visits);
  await insertRows(db, recruitmentAssessments, plan.assessments);
  await insertRows(db, personChecks, plan.checks);
  await insertRows(db, recruitmentWithdrawals, plan.withdrawals);
  await insertRows(db, recruitmentPostApprovalInterviews, plan.interviews);
  await insertRows(db, recruitmentEvents, events);
  await insertRows(db, recruitmentEventAttendees, attendees);
  await insertRows(db, recruitmentLeavings, leavings);
  await insertRows(db, recruitmentExemptions, exemptions);
  return plan.enquiries.length;
}
