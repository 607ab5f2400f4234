/**
 * Allegations, concerns, complaints, compliments and significant events in the demo: two years of
 * them at rates a county service sees. Most allegations end unsubstantiated or unfounded after a
 * strategy meeting, a few are substantiated and the household was deregistered after them; the
 * last three months' are open at each stage of the LADO process. Complaints are answered at stage
 * 1, mostly in time, a few go on to stage 2 or 3; each is filed under its themes. Every allegation
 * and a share of other events were notified to Ofsted, nearly always within 24 hours. Made-up
 * words only; one query in for the households, batched inserts out, the same data every time.
 */
import { sql } from 'drizzle-orm';
import { insertRows } from './bulk.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { stageDeadlines } from '../../src/modules/concerns/complaint-deadlines.ts';
import { categories, themes, type Outcome } from '../../src/modules/concerns/labels.ts';
import { stageOf } from '../../src/modules/concerns/stage.ts';
import {
  allegationMeetings,
  complaintStages,
  concernChildren,
  concerns,
  concernThemes,
  eventNotices,
  significantEvents,
} from '../../src/modules/concerns/tables.ts';
import { addWorking, dayOf, isoOf, timestampOf, type Day } from './days.ts';
import { IdMaker, type Random } from './random.ts';

const HISTORY_DAYS = 730;
/** Matters a year per approved household, by kind. */
const RATES = { allegation: 0.04, standard_of_care: 0.02, complaint: 0.05, compliment: 0.06, event: 0.05 };

const ALLEGATIONS = [
  'A child told their teacher the carer grabbed their arm hard when they would not get out of the car.',
  'A young person said the carer shouted and swore at them and locked the kitchen at night.',
  'A neighbour reported a child left alone in the house for several hours in the evening.',
  'A child said a visiting adult son of the carers made them feel unsafe.',
  'Bruising was seen on a child’s arm at school; the child gave different accounts of how it happened.',
];
const CONCERNS = [
  'The bedroom of a child placed was found without a bed frame and with a broken window at an unannounced visit.',
  'The carers have not kept the child’s health appointments for three months.',
  'Medication was stored unlocked within reach of a young child.',
];
const COMPLAINTS = [
  'The carer complains that mileage for contact journeys has been paid late for three months.',
  'A parent complains they were not told their child had moved placement until a week later.',
  'A young person complains that their social worker changed three times this year.',
  'A carer complains that they were not given the child’s health information before the placement.',
];
const COMPLIMENTS = [
  'The school wrote to thank the carers for their support of a young person through their exams.',
  'A parent thanked the carers for making family time warm and easy.',
  'The virtual school praised the carers’ work with the child’s personal education plan.',
];
const MEETING_DECISIONS = [
  'Police not to investigate. The fostering service to look into the standards of care; the child stays in placement.',
  'Joint visit by the child’s social worker and the supervising social worker within 2 days; safer care plan to be reviewed.',
];
const EVENTS = [
  ['missing', 'A young person did not return from school and was found by the police the next morning.'],
  ['police', 'Police were called to the home after an argument between a young person and a visitor.'],
  ['serious_injury', 'A child broke their wrist falling from a trampoline and was treated in hospital.'],
  ['serious_illness', 'A child was admitted to hospital with meningitis and has recovered.'],
] as const;

interface HouseholdRow {
  id: string;
  team_id: string;
  status: string;
  status_since: string;
  ssw: string | null;
  carer_id: string | null;
  /** A child placed there now, and one placed a year ago (for older matters). */
  child_now: string | null;
  child_before: string | null;
  has_portal: boolean;
}

type Concern = typeof concerns.$inferInsert;

/** How many matters of a rate fall on one household over the history (a whole number, random). */
function countOf(random: Random, rate: number): number {
  const expected = (rate * HISTORY_DAYS) / 365;
  let n = Math.floor(expected);
  if (random.chance(expected - n)) n += 1;
  return n;
}

/** Writes the demo's matters; returns how many. */
export async function writeDemoConcerns(db: DbOrTx, random: Random, today: Day, scale: string): Promise<number> {
  const [staff] = await queryRows<{ head: string | null; lado: string | null; lado_name: string | null }>(
    db,
    sql`select (select id from users where role = 'head_of_fostering' and active order by username limit 1) as head,
      (select id from users where role = 'lado' and active order by username limit 1) as lado,
      (select display_name from users where role = 'lado' and active order by username limit 1) as lado_name`,
  );
  const head = staff?.head;
  if (!head) return 0;
  const ladoName = staff.lado_name ?? 'The LADO';
  const day = isoOf(today);
  const households = await queryRows<HouseholdRow>(
    db,
    sql`select h.id, h.team_id, h.status, h.status_since::text as status_since, h.allocated_ssw_id as ssw,
        (select c.id from carers c where c.household_id = h.id order by c.created_at, c.id limit 1) as carer_id,
        (select p.child_id from placements p where p.household_id = h.id and p.start_date <= ${day}::date
          and (p.end_date is null or p.end_date >= ${day}::date) order by p.start_date, p.id limit 1) as child_now,
        (select p.child_id from placements p where p.household_id = h.id
          and p.start_date <= (${day}::date - 365) order by p.start_date desc, p.id limit 1) as child_before,
        exists (select 1 from users u where u.household_id = h.id) as has_portal
      from households h
      where h.status in ('approved', 'on_hold', 'deregistered') and not h.restricted
      order by h.reference`,
  );
  const ids = new IdMaker(`${scale}/concerns`);
  const rows: Concern[] = [];
  const children: (typeof concernChildren.$inferInsert)[] = [];
  const meetings: (typeof allegationMeetings.$inferInsert)[] = [];
  const stages: (typeof complaintStages.$inferInsert)[] = [];
  const themeRows: (typeof concernThemes.$inferInsert)[] = [];
  const events: (typeof significantEvents.$inferInsert)[] = [];
  const notices: (typeof eventNotices.$inferInsert)[] = [];

  /** A significant event, told to Ofsted within 24 hours (nearly always) when it is more than a day old. */
  const notify = (
    h: HouseholdRow,
    known: Day,
    kind: string,
    summary: string,
    concernId: string | null,
    childId: string | null,
  ) => {
    const id = ids.next();
    const hour = random.int(8, 16);
    events.push({
      id,
      householdId: h.id,
      childId,
      concernId,
      kind,
      summary,
      knownAt: new Date(timestampOf(known, hour)),
      recordedBy: h.ssw ?? head,
    });
    if (known >= today) return;
    const late = random.chance(0.08);
    notices.push({
      eventId: id,
      recipient: 'ofsted',
      toldAt: new Date(timestampOf(known + (late ? 2 : random.int(0, 1)), late ? hour : Math.min(16, hour + 1))),
      method: 'online_form',
      recordedBy: h.ssw ?? head,
    });
  };

  for (const h of households) {
    const portal = h.has_portal;
    const recorder = h.ssw ?? head;
    // A deregistered household whose carers left within the two years: a substantiated allegation before it.
    const leftOn = dayOf(h.status_since);
    const deregisteredAfter = h.status === 'deregistered' && leftOn > today - HISTORY_DAYS + 150;
    const allegations = countOf(random, RATES.allegation) + (deregisteredAfter && random.chance(0.5) ? 1 : 0);
    for (let i = 0; i < allegations; i += 1) {
      const substantiated = deregisteredAfter && i === 0;
      let known = substantiated ? leftOn - random.int(60, 150) : today - random.int(1, HISTORY_DAYS);
      // The household's portal carer keeps no open allegation (the demo's own journeys use it).
      if (portal && known > today - 120) known -= 120;
      const age = today - known;
      const child = age < 300 ? (h.child_now ?? h.child_before) : (h.child_before ?? h.child_now);
      const id = ids.next();
      const referred = addWorking(known, random.chance(0.85) ? random.int(0, 1) : random.int(2, 4));
      const decided = addWorking(referred, random.chance(0.9) ? 1 : 2);
      const nfa = random.chance(0.15);
      const met = nfa ? null : addWorking(decided, random.int(2, 6));
      const concludedAfter = random.chance(0.8) ? random.int(25, 85) : random.int(95, 160);
      const outcomeOn = known + concludedAfter;
      const stillOpen = outcomeOn > today - 5;
      const outcome: Outcome = substantiated
        ? 'substantiated'
        : random.weighted([
            ['unsubstantiated', 45],
            ['unfounded', 30],
            ['false', 10],
            ['substantiated', 8],
            ['malicious', 7],
          ] as const);
      const r = (d: Day | null) => (d !== null && d <= today ? isoOf(d) : null);
      const referredOn = r(referred);
      const support = referred + random.int(0, 3);
      const row: Concern = {
        id,
        kind: 'allegation',
        stage: 'recorded',
        householdId: h.id,
        teamId: h.team_id,
        againstKind: random.chance(0.85) ? 'carer' : 'household_member',
        carerId: h.carer_id,
        raisedBy: random.weighted([
          ['child', 35],
          ['professional', 40],
          ['parent', 15],
          ['anonymous', 10],
        ] as const),
        knownOn: isoOf(known),
        category: random.weighted([
          ['physical', 45],
          ['emotional', 25],
          ['neglect', 15],
          ['sexual', 5],
          ['standards_of_care', 10],
        ] as const),
        summary: random.pick(ALLEGATIONS),
        referredToLadoOn: referredOn,
        ladoName: referredOn ? ladoName : null,
        ladoDecisionOn: r(decided),
        immediateAction: r(decided)
          ? nfa
            ? 'no_further_action'
            : random.pick(['strategy_meeting', 'evaluation_meeting'])
          : null,
        ladoDecisionNotes: r(decided) ? 'Discussed with the police and the child’s social worker.' : null,
        outcome: stillOpen ? null : outcome,
        outcomeOn: stillOpen ? null : isoOf(outcomeOn),
        carerToldOn: stillOpen ? null : isoOf(outcomeOn + random.int(0, 4)),
        carerToldBy: stillOpen ? null : 'Their supervising social worker, in person',
        presentedToPanelOn:
          stillOpen || outcomeOn + 45 > today || random.chance(0.15) ? null : isoOf(outcomeOn + random.int(14, 45)),
        approvalReview: stillOpen ? null : outcome === 'substantiated',
        supportBy: r(support) ? 'Independent support worker' : null,
        supportOrganisation: r(support) ? 'Fostering Network (Fosterline)' : null,
        supportOfferedOn:
          r(support) && random.chance(0.9) ? isoOf(support) : referredOn && known < today - 10 ? isoOf(support) : null,
        supportTakenUp: r(support) ? random.pick(['yes', 'yes', 'no']) : null,
        closedOn: stillOpen ? null : isoOf(Math.min(today, outcomeOn + random.int(5, 30))),
        closedBy: stillOpen ? null : head,
        recordedBy: recorder,
        createdAt: new Date(timestampOf(known, 10)),
      };
      row.stage = stageOf({
        kind: 'allegation',
        closedOn: row.closedOn ?? null,
        referredToLadoOn: row.referredToLadoOn ?? null,
        outcomeOn: row.outcomeOn ?? null,
        meetings: met !== null && met <= today ? 1 : 0,
        complaintStage: null,
      });
      rows.push(row);
      if (met !== null && met <= today) {
        meetings.push({
          concernId: id,
          kind: row.immediateAction === 'evaluation_meeting' ? 'evaluation' : 'strategy',
          heldOn: isoOf(met),
          attendees: `${ladoName} (LADO), the supervising social worker, the child’s social worker, police`,
          decisions: random.pick(MEETING_DECISIONS),
          policeInvolved: random.chance(0.4),
          childrensServicesInvolved: true,
          recordedBy: staff.lado ?? head,
        });
      }
      if (child) {
        const told = !stillOpen && random.chance(0.8) ? outcomeOn + random.int(1, 10) : null;
        children.push({
          concernId: id,
          childId: child,
          account: 'In their own words, recorded by their social worker.',
          outcomeToldOn: told !== null && told <= today ? isoOf(told) : null,
          outcomeToldBy: told !== null && told <= today ? 'Their social worker' : null,
          outcomeToldHow: told !== null && told <= today ? 'In person, at a visit' : null,
        });
      }
      notify(h, known, 'allegation', 'An allegation against the carers (see the allegation).', id, child);
    }

    const other = (kind: 'standard_of_care' | 'complaint' | 'compliment', rate: number, texts: string[]) => {
      for (let i = 0; i < countOf(random, rate); i += 1) {
        const known = today - random.int(1, HISTORY_DAYS);
        const id = ids.next();
        const complaintStage = kind === 'complaint' ? (random.chance(0.12) ? (random.chance(0.25) ? 3 : 2) : 1) : null;
        const closedAfter = random.int(10, 70) + (complaintStage ?? 1) * 20;
        const closed = kind === 'compliment' ? null : known + closedAfter <= today ? known + closedAfter : null;
        const row: Concern = {
          id,
          kind,
          stage: 'recorded',
          householdId: h.id,
          teamId: h.team_id,
          againstKind: kind === 'complaint' && random.chance(0.5) ? 'service' : 'carer',
          carerId: h.carer_id,
          raisedBy:
            kind === 'standard_of_care' ? 'staff' : random.pick(['carer', 'parent', 'child', 'professional'] as const),
          knownOn: isoOf(known),
          category:
            kind === 'standard_of_care' ? 'standards_of_care' : kind === 'complaint' ? random.pick(categories) : null,
          summary: random.pick(texts),
          result: closed
            ? 'Looked into with the carers and put right; the supervising social worker checks at the next visit.'
            : null,
          learning: closed && kind === 'complaint' ? 'Tell carers and parents of changes the same day.' : null,
          closedOn: closed ? isoOf(closed) : null,
          closedBy: closed ? head : null,
          recordedBy: recorder,
          createdAt: new Date(timestampOf(known, 11)),
        };
        row.stage = stageOf({
          kind,
          closedOn: row.closedOn ?? null,
          referredToLadoOn: null,
          outcomeOn: null,
          meetings: 0,
          complaintStage,
        });
        rows.push(row);
        if (kind !== 'complaint') continue;
        row.closedOn = null;
        row.closedBy = null;
        row.result = null;
        row.learning = null;
        for (const theme of random.shuffle(themes).slice(0, random.int(1, 2))) themeRows.push({ concernId: id, theme });
        let received = known;
        let written = 1;
        for (let stage = 1; stage <= complaintStage!; stage += 1) {
          const extended = stage < 3 && random.chance(0.15);
          const deadlines = stageDeadlines(stage, isoOf(received), { extended });
          const lastStage = stage === complaintStage;
          const onTime = random.chance(0.8);
          const answer = addWorking(
            received,
            onTime ? random.int(5, stage === 1 ? 10 : 25) : random.int(stage === 1 ? 12 : 30, stage === 1 ? 25 : 70),
          );
          const answered = answer <= today && (!lastStage || closed !== null || answer < today - 3) ? answer : null;
          stages.push({
            concernId: id,
            stage,
            receivedOn: isoOf(received),
            extended,
            extensionReason: extended ? 'More time needed to speak to everyone involved.' : null,
            ...deadlines,
            panelOn: stage === 3 && answered !== null ? deadlines.panelBy : null,
            reportOn: stage === 3 && answered !== null ? deadlines.reportBy : null,
            respondedOn: answered !== null ? isoOf(answered) : null,
            finding: answered !== null ? random.pick(['upheld', 'partly_upheld', 'not_upheld']) : null,
            response: answered !== null ? 'We have apologised and explained what we will change.' : null,
            recordedBy: recorder,
          });
          written = stage;
          if (answered === null) break;
          if (lastStage) {
            const close = answered + random.int(1, 5);
            if (close <= today) {
              row.closedOn = isoOf(close);
              row.closedBy = head;
              row.result = 'Answered; the complainant was told of their right to take it further.';
              row.learning = 'Tell carers and parents of changes the same day.';
            }
          }
          received = answered + random.int(3, 15);
          if (received > today) break;
        }
        row.stage = stageOf({
          kind,
          closedOn: row.closedOn ?? null,
          referredToLadoOn: null,
          outcomeOn: null,
          meetings: 0,
          complaintStage: written,
        });
      }
    };
    other('standard_of_care', RATES.standard_of_care, CONCERNS);
    other('complaint', RATES.complaint, COMPLAINTS);
    other('compliment', RATES.compliment, COMPLIMENTS);

    for (let i = 0; i < countOf(random, RATES.event); i += 1) {
      const [kind, summary] = random.pick(EVENTS);
      notify(h, today - random.int(2, HISTORY_DAYS), kind, summary, null, h.child_now ?? h.child_before);
    }
  }

  await insertRows(db, concerns, rows);
  await insertRows(db, concernChildren, children);
  await insertRows(db, allegationMeetings, meetings);
  await insertRows(db, complaintStages, stages);
  await insertRows(db, concernThemes, themeRows);
  await insertRows(db, significantEvents, events);
  await insertRows(db, eventNotices, notices);
  return rows.length;
}
