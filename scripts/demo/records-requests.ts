/**
 * Requests for carers' records in the demo: about 1 in 40 approved or deregistered households had
 * a request from another fostering service provider (the carer applying to transfer) or an adoption
 * agency over the last 18 months (a deregistered household's before it was deregistered). About 85%
 * were answered within the 15 working days, some late; those still inside their 15 working days are
 * mostly open, and a few a week or two overdue; nothing is left open for long. The small demo spells
 * out three (one open in West Kent Team 1, one answered in time, one late), so the tests and the
 * browser journeys have each kind. A random stream of its own, so the rest of the demo stays the
 * same. Made-up organisations only.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { queryRows } from '../../src/platform/db/sql.ts';
import { addDays, type IsoDate } from '../../src/platform/dates/index.ts';
import { sendDueOn } from '../../src/modules/records/service.ts';
import { recordsRequests } from '../../src/modules/records/tables.ts';
import type { RequesterKind } from '../../src/modules/records/labels.ts';
import { insertRows } from './bulk.ts';
import type { Random } from './random.ts';

const providers = [
  'Harbourlight Fostering',
  'Brightwater Family Placements',
  'Oakleaf Foster Care',
  'Kestrel Fostering Ltd',
  'Willowmere Fostering',
];
const agencies = ['Riverside Adoption Agency', 'Greenway Adoption Service'];

/** The history the demo's requests are drawn over: the last 18 months. */
const HISTORY_DAYS = 548;
const SHARE = 1 / 40;

interface Candidate {
  id: string;
  status: string;
  since: IsoDate;
  approved: IsoDate | null;
  team: string;
  manager: string | null;
}

type Outcome = 'open' | 'on-time' | 'late';

/** One request received on a day, answered as the outcome says (never after today). */
function requestOf(random: Random, h: Candidate, receivedOn: IsoDate, outcome: Outcome, today: IsoDate) {
  const kind = random.weighted<RequesterKind>([
    ['fostering_provider', 4],
    ['adoption_agency', 1],
  ]);
  const dueOn = sendDueOn(receivedOn);
  const span = Math.max(0, Math.round((Date.parse(dueOn) - Date.parse(receivedOn)) / 86_400_000));
  const sentOn =
    outcome === 'open'
      ? null
      : outcome === 'on-time'
        ? addDays(receivedOn, random.int(Math.min(2, span), span))
        : addDays(dueOn, random.int(1, 15));
  return {
    householdId: h.id,
    organisation: random.pick(kind === 'adoption_agency' ? agencies : providers),
    kind,
    receivedOn,
    dueOn,
    sentOn: sentOn && sentOn > today ? today : sentOn,
    sentBy: sentOn ? h.manager : null,
    notes:
      kind === 'adoption_agency'
        ? 'The carers have applied to adopt the child placed with them.'
        : 'The carers have applied to transfer to the agency.',
    recordedBy: h.manager,
  };
}

/** How a request received on a day stands today: mostly on time, some late; open only while recent. */
function outcomeOf(random: Random, receivedOn: IsoDate, today: IsoDate): Outcome {
  const dueOn = sendDueOn(receivedOn);
  if (dueOn >= today) return random.chance(0.7) ? 'open' : 'on-time';
  if (random.chance(0.85)) return 'on-time';
  // Overdue and still open only for a request due in the last fortnight; late otherwise.
  return dueOn >= addDays(today, -14) && random.chance(0.5) ? 'open' : 'late';
}

/** Writes the demo's requests for carers' records, dated back from `today`; returns how many. */
export async function writeDemoRecordsRequests(
  tx: DbOrTx,
  random: Random,
  today: IsoDate,
  scale: string,
): Promise<number> {
  const candidates = await queryRows<Candidate>(
    tx,
    sql`select h.id, h.status, h.status_since::text as since, h.approved_on::text as approved, t.name as team,
        coalesce((select u.id from users u where u.role = 'team_manager' and u.team_id = h.team_id and u.active
          order by u.username limit 1), (select u.id from users u where u.role = 'head_of_fostering' order by u.username limit 1)) as manager
      from households h join teams t on t.id = h.team_id
      where h.status in ('approved', 'deregistered') and not h.restricted
      order by h.reference`,
  );
  const start = addDays(today, -HISTORY_DAYS);
  const rows: (typeof recordsRequests.$inferInsert)[] = [];
  for (const h of candidates) {
    if (!random.chance(SHARE)) continue;
    // Received after approval, and for a deregistered household on or before it was deregistered.
    const from = h.approved && h.approved > start ? h.approved : start;
    const to = h.status === 'deregistered' ? h.since : today;
    if (to < from) continue;
    const receivedOn = addDays(from, random.int(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)));
    rows.push(requestOf(random, h, receivedOn, outcomeOf(random, receivedOn, today), today));
  }
  if (scale === 'small') {
    // One of each, in three teams: open (received three days ago), answered in time, and late.
    const examples: [string, number, Outcome][] = [
      ['West Kent Fostering Team 1', 3, 'open'],
      ['East Kent Fostering Team 2', 60, 'on-time'],
      ['North Kent Fostering Team 2', 120, 'late'],
    ];
    for (const [team, daysAgo, outcome] of examples) {
      const h = candidates.find((c) => c.team === team && c.status === 'approved');
      if (h) rows.push(requestOf(random, h, addDays(today, -daysAgo), outcome, today));
    }
  }
  await insertRows(tx, recordsRequests, rows);
  return rows.length;
}
