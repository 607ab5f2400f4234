/**
 * Carer Ambassadors in the demo (business plan action 3.2: 30 recruited): about one approved
 * household in 32 has a carer who is or was an ambassador (about 30 at county scale, of whom about
 * one in eight has stopped, so the measure shows amber against the plan's 30; two or three in the
 * small demo), each made one 2 to 30 months ago; each did something for the service about once a
 * month. The demo
 * carer is an ambassador, so the portal shows it. A random stream of its own, so the rest of the
 * demo stays the same. Made-up records only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import type { IsoDate } from '../../src/platform/dates/index.ts';
import { activityKinds } from '../../src/modules/ambassadors/labels.ts';
import { ambassadorActivities, carerAmbassadors } from '../../src/modules/ambassadors/tables.ts';
import { insertRows } from './bulk.ts';
import { dayOf, isoOf } from './days.ts';
import type { Random } from './random.ts';

const APPROVED_PER_AMBASSADOR = 32;
/** Of those made ambassadors, the share who have since stopped. */
const STOPPED_SHARE = 1 / 8;

const notes: Record<(typeof activityKinds)[number], readonly string[]> = {
  'recruitment-event': [
    'The fostering stand at the county show; spoke with about a dozen families.',
    'An information evening at the library; answered questions about the first year.',
    'Fostering Fortnight coffee morning.',
  ],
  enquirer: ['A long phone call with a couple thinking of fostering teenagers.', 'Met an enquirer for coffee.'],
  'new-carer': [
    'Visited a newly approved household before their first placement.',
    'Went with an applicant to the skills to foster course.',
  ],
  'support-group': ['Led the monthly support group.', 'Spoke at the support group about allegations and support.'],
  training: ['Co-delivered the safer caring course.', 'Told the story of a placement at the skills to foster course.'],
  consultation: ['Took part in the review of the skills payments.', 'Spoke at the Foster Carer Advisory Board.'],
  other: ['Wrote a piece for the carers’ newsletter.', ''],
};

interface Carer {
  id: string;
  household_id: string;
  ssw: string | null;
  approved_on: IsoDate | null;
  joined_on: IsoDate | null;
  demo: boolean;
}

/** Writes the demo's Carer Ambassadors and what they did, dated back from `todayIso`; returns how many records. */
export async function writeDemoAmbassadors(tx: DbOrTx, random: Random, todayIso: IsoDate): Promise<number> {
  const today = dayOf(todayIso);
  // One carer of each approved household, not restricted, approved at least a year: the first by
  // name, or in the demo carer's household the carer whose account it is (who records their work
  // as an ambassador on the portal).
  const carers = await queryRows<Carer>(
    tx,
    sql`select distinct on (h.id) c.id, h.id as household_id, h.allocated_ssw_id as ssw,
        h.approved_on::text as approved_on, c.joined_on::text as joined_on,
        exists (select 1 from users u where u.username = 'carer' and u.household_id = h.id) as demo
      from households h join carers c on c.household_id = h.id
      where h.status = 'approved' and not h.restricted and c.left_on is null
        and h.approved_on <= ${isoOf(today - 365)}::date
      order by h.id, (c.id = (select u.carer_id from users u where u.username = 'carer' and u.household_id = h.id))
        desc nulls last, c.first_name, c.id`,
  );
  const [approved] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from households where status = 'approved'`,
  );
  if (!carers.length) return 0;
  const wanted = Math.max(2, Math.round(Number(approved?.n ?? 0) / APPROVED_PER_AMBASSADOR));
  const demo = carers.find((c) => c.demo);
  const chosen = [
    ...(demo ? [demo] : []),
    ...random.sample(
      carers.filter((c) => !c.demo),
      wanted,
    ),
  ].slice(0, wanted);

  const ambassadorRows: (typeof carerAmbassadors.$inferInsert)[] = [];
  const activityRows: (typeof ambassadorActivities.$inferInsert)[] = [];
  for (const carer of chosen) {
    const earliest = Math.max(dayOf(carer.approved_on!), carer.joined_on ? dayOf(carer.joined_on) : 0);
    const startedOn = Math.max(earliest, today - random.int(60, 900));
    const stopped = !carer.demo && random.chance(STOPPED_SHARE) && startedOn < today - 60;
    const endedOn = stopped ? random.int(startedOn + 30, today - 1) : null;
    const [row] = await tx
      .insert(carerAmbassadors)
      .values({
        carerId: carer.id,
        householdId: carer.household_id,
        startedOn: isoOf(startedOn),
        endedOn: endedOn === null ? null : isoOf(endedOn),
        recordedBy: carer.ssw,
      })
      .returning({ id: carerAmbassadors.id });
    ambassadorRows.push({ carerId: carer.id, householdId: carer.household_id, startedOn: isoOf(startedOn) });
    // About once a month while they were one, the latest a few days ago for the demo carer.
    const last = endedOn ?? today - (carer.demo ? 3 : random.int(1, 40));
    for (let day = last; day >= startedOn; day -= random.int(15, 45)) {
      const kind = random.weighted([
        ['recruitment-event', 5],
        ['enquirer', 4],
        ['new-carer', 4],
        ['support-group', 3],
        ['training', 2],
        ['consultation', 1],
        ['other', 1],
      ] as const);
      activityRows.push({
        ambassadorId: row!.id,
        householdId: carer.household_id,
        onDate: isoOf(day),
        kind,
        note: random.pick(notes[kind]),
        recordedBy: carer.ssw,
      });
    }
  }
  await insertRows(tx, ambassadorActivities, activityRows, 500);
  return ambassadorRows.length + activityRows.length;
}
