/**
 * Extra support for carers in the demo (business plan action 7.3): about one approved household in
 * 225 is a hub family (4 at county scale, against the plan's 5; one in the small demo), each
 * supporting 3 or 4 households of its area, a few of whose links have ended; over the last 13 months
 * about one household with a child placed in ten had a day or a residential weekend at an activity
 * centre, and one in thirty asked for clinical psychology support, four in ten as an emergency, most
 * begun within the service's 2 working days. The demo carer's household is supported by a hub
 * family, had a residential weekend and has planned sessions, so the portal shows each. A request
 * waits for its first session only when it is a few days old. A random stream of its own, so the
 * rest of the demo stays the same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { IsoDate } from '../../src/platform/dates/index.ts';
import { firstSessionDueOn } from '../../src/modules/extra-support/service.ts';
import { activityBreaks, hubFamilies, hubLinks, psychologyRequests } from '../../src/modules/extra-support/tables.ts';
import { insertRows } from './bulk.ts';
import { addWorking, dayOf, isoOf, type Day } from './days.ts';
import type { Random } from './random.ts';

const APPROVED_PER_HUB = 225;
const MONTHS = 13;
const BREAK_SHARE = 1 / 10;
const PSYCHOLOGY_SHARE = 1 / 30;

const reasons = [
  'The young person has stopped sleeping and the carers are exhausted; they are asking for help to keep going.',
  'Violent outbursts at home after contact; the carers fear the placement will break down.',
  'Self-harm disclosed at school this week; the carers want advice on keeping her safe at home.',
  'The carers want to understand his attachment difficulties and how to respond to them.',
  'Sibling conflict is putting the placement under strain; a consultation for the carers.',
  'Trauma-informed sessions for the child after a difficult court hearing.',
] as const;

const notes = [
  'Climbing and a campfire; the children talked about it all week.',
  'Canoeing on the reservoir; a good day for everyone.',
  'A weekend of outdoor activities; the carers said it was the first break in months.',
  'Archery and a night walk; a quieter young person joined in.',
  '',
] as const;

interface Household {
  id: string;
  area_id: string;
  ssw: string | null;
  approved_on: IsoDate | null;
  restricted: boolean;
  carer: boolean;
}

interface Placed {
  household_id: string;
  child_id: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

/** The Friday on or before the day. */
const fridayBefore = (day: Day) => day - ((new Date(`${isoOf(day)}T12:00:00Z`).getUTCDay() + 2) % 7);

/** Writes the demo's extra support, dated back from `today`; returns how many records. */
export async function writeDemoExtraSupport(tx: DbOrTx, random: Random, todayIso: IsoDate): Promise<number> {
  const today = dayOf(todayIso);
  const households = await queryRows<Household>(
    tx,
    sql`select h.id, t.area_id, h.allocated_ssw_id as ssw, h.approved_on::text as approved_on, h.restricted,
        exists (select 1 from users u where u.username = 'carer' and u.household_id = h.id) as carer
      from households h join teams t on t.id = h.team_id
      where h.status = 'approved' order by h.reference`,
  );
  if (households.length === 0) return 0;
  const from = today - Math.round(MONTHS * 30.4);
  const placed = await queryRows<Placed>(
    tx,
    sql`select p.household_id, p.child_id, p.start_date::text as start_date, p.end_date::text as end_date
      from placements p join households h on h.id = p.household_id
      where h.status = 'approved' and p.placement_type <> 'staying_put'
        and (p.end_date is null or p.end_date > ${isoOf(from)}::date) and p.start_date < ${todayIso}::date
      order by p.id`,
  );
  const byId = new Map(households.map((h) => [h.id, h]));
  const carerHome = households.find((h) => h.carer);

  // Hub families: experienced households (approved 3 years or more, not restricted), the first in the carer's area.
  const experienced = households.filter(
    (h) => !h.carer && !h.restricted && h.approved_on !== null && dayOf(h.approved_on) <= today - 3 * 365,
  );
  const wanted = Math.max(1, Math.round(households.length / APPROVED_PER_HUB));
  const hubs: Household[] = [];
  const first = carerHome ? experienced.find((h) => h.area_id === carerHome.area_id) : undefined;
  if (first) hubs.push(first);
  // Then one area at a time, in turn, so every area has its hub families.
  const areas = [...new Set(experienced.map((h) => h.area_id))];
  for (let turn = 0; hubs.length < wanted && turn < wanted * areas.length; turn += 1) {
    const area = areas[turn % areas.length]!;
    const left = experienced.filter((h) => h.area_id === area && !hubs.includes(h));
    if (left.length) hubs.push(random.pick(left));
  }
  const hubRows: (typeof hubFamilies.$inferInsert)[] = [];
  const linkRows: (typeof hubLinks.$inferInsert)[] = [];
  const taken = new Set(hubs.map((h) => h.id));
  for (const hub of hubs) {
    const startedOn = today - random.int(90, 300);
    const [row] = await tx
      .insert(hubFamilies)
      .values({ householdId: hub.id, startedOn: isoOf(startedOn), recordedBy: hub.ssw })
      .returning({ id: hubFamilies.id });
    hubRows.push({ householdId: hub.id, startedOn: isoOf(startedOn) });
    const area = households.filter((h) => h.area_id === hub.area_id && !taken.has(h.id) && !h.restricted);
    const chosen = [
      ...(carerHome && carerHome.area_id === hub.area_id && !taken.has(carerHome.id) ? [carerHome] : []),
      ...random.sample(
        area.filter((h) => !h.carer),
        random.int(3, 4),
      ),
    ].slice(0, 4);
    for (const h of chosen) {
      taken.add(h.id);
      const linkedOn = Math.min(today - 1, startedOn + random.int(0, 60));
      const ended = !h.carer && random.chance(1 / 8) && linkedOn < today - 2;
      linkRows.push({
        hubFamilyId: row!.id,
        householdId: h.id,
        startedOn: isoOf(linkedOn),
        endedOn: ended ? isoOf(random.int(linkedOn + 1, today - 1)) : null,
        recordedBy: h.ssw,
      });
    }
  }
  await insertRows(tx, hubLinks, linkRows, 500);

  // Activity breaks: a day, or a Friday-to-Sunday weekend, while a child was placed.
  const placedHouseholds = [...new Set(placed.map((p) => p.household_id))];
  const breakRows: (typeof activityBreaks.$inferInsert)[] = [];
  const addBreak = (householdId: string, day: Day, residential: boolean) => {
    const start = residential ? fridayBefore(day) : day;
    breakRows.push({
      householdId,
      centre: random.weighted([
        ['swattenden', 5],
        ['bewl-water', 4],
        ['other', 1],
      ] as const),
      kind: residential ? 'residential' : 'day',
      fromOn: isoOf(start),
      toOn: isoOf(residential ? start + 2 : start),
      children: random.int(1, 3),
      note: random.pick(notes),
      recordedBy: byId.get(householdId)?.ssw ?? null,
    });
  };
  if (carerHome) addBreak(carerHome.id, today - 60, true);
  for (const householdId of random.sample(placedHouseholds, Math.round(placedHouseholds.length * BREAK_SHARE))) {
    if (householdId === carerHome?.id) continue;
    addBreak(householdId, random.int(from, today - 4), random.chance(0.4));
  }
  await insertRows(tx, activityBreaks, breakRows, 500);

  // Requests for psychology support, for a child placed there that day or for the carers.
  const requestRows: (typeof psychologyRequests.$inferInsert)[] = [];
  const addRequest = (householdId: string, requested: Day, urgency: 'emergency' | 'planned', waiting = false) => {
    const children = placed.filter(
      (p) =>
        p.household_id === householdId &&
        dayOf(p.start_date) <= requested &&
        (p.end_date === null || dayOf(p.end_date) > requested),
    );
    const late = random.chance(0.15);
    const firstSession =
      urgency === 'emergency'
        ? addWorking(requested, late ? random.int(3, 5) : random.int(0, 2))
        : requested + random.int(5, 30);
    const begun = !waiting && firstSession < today;
    const ended = begun ? firstSession + random.int(40, 150) : null;
    requestRows.push({
      householdId,
      childId: children.length && random.chance(0.8) ? random.pick(children).child_id : null,
      requestedOn: isoOf(requested),
      urgency,
      reason: random.pick(reasons),
      dueOn: firstSessionDueOn(isoOf(requested), urgency),
      firstSessionOn: begun ? isoOf(firstSession) : null,
      endedOn: ended !== null && ended < today ? isoOf(ended) : null,
      recordedBy: byId.get(householdId)?.ssw ?? null,
    });
  };
  if (carerHome) addRequest(carerHome.id, today - 20, 'planned');
  // An emergency asked for on the last working day by a household of the demo's own supervising social worker, not yet begun.
  const [demoSsw] = await queryRows<{ id: string }>(tx, sql`select id from users where username = 'ssw'`);
  const sswHomes = households.filter(
    (h) => h.ssw === demoSsw?.id && !h.carer && !h.restricted && placedHouseholds.includes(h.id),
  );
  const sswHome = sswHomes.find((h) => !hubs.includes(h)) ?? sswHomes[0];
  let yesterday = today - 1;
  while (![1, 2, 3, 4, 5].includes(new Date(`${isoOf(yesterday)}T12:00:00Z`).getUTCDay())) yesterday -= 1;
  if (sswHome) addRequest(sswHome.id, yesterday, 'emergency', true);
  for (const householdId of random.sample(placedHouseholds, Math.round(placedHouseholds.length * PSYCHOLOGY_SHARE))) {
    if (householdId === carerHome?.id || householdId === sswHome?.id) continue;
    addRequest(householdId, random.int(from, today - 1), random.chance(0.4) ? 'emergency' : 'planned');
  }
  await insertRows(tx, psychologyRequests, requestRows, 500);
  return hubRows.length + linkRows.length + breakRows.length + requestRows.length;
}
