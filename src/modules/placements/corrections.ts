/**
 * Putting right a placement recorded wrongly, by those who may end it (canChangePlacement): the start
 * details of a current placement (the day the child moved in, the type), an ending (its date,
 * whether planned, the reason) or an ending recorded in error undone. Each keeps the child's
 * placements one after another (with the service's carers or an agency: none overlapping), keeps
 * every record made during the placement inside it (visits, times missing, allegations), keeps the
 * household within its approved places, and commits with the placement's deadlines and kept facts
 * refreshed (refreshDueItems) and an audit entry saying what it was before.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { addDays, compareIsoDates, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  inTransaction,
  invalid,
  notFound,
  Refused,
  type FieldError,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { inForceOnSql } from '../connected-persons/labels.ts';
import {
  leftCareRefusal,
  mostPlacedWith,
  otherPlacementRefusal,
  placementInWords,
  placementsOverlapping,
  recordInWords,
  recordsDuring,
  type OtherPlacement,
} from './correction-records.ts';
import type { StartInput } from './correction-forms.ts';
import type { EndInput } from './forms.ts';
import type { PlacementRecord } from './queries.ts';
import { canChangePlacement } from './scope.ts';
import { placements } from './tables.ts';

/** The child's date of birth; with `lock`, their row locked for a change to their placements (placing locks it first). */
export async function childBorn(tx: DbOrTx, childId: string, lock: boolean) {
  const [child] = await queryRows<{ dateOfBirth: IsoDate }>(
    tx,
    sql`select date_of_birth::text as "dateOfBirth" from children where id = ${childId}${lock ? sql` for update` : sql``}`,
  );
  if (!child)
    throw new Refused([{ field: 'placement', message: 'The child’s record has been removed in the meantime' }]);
  return child;
}

/**
 * The placement as it stands, its child and its household; with `lock`, locked for the change (the
 * child's and household's rows first, as placing does, so two changes for a child cannot cross).
 */
export async function placementState(tx: DbOrTx, id: string, lock = false) {
  const forUpdate = lock ? sql` for update` : sql``;
  const [row] = await queryRows<{
    childId: string;
    householdId: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
    ending: string | null;
    endReason: string | null;
    placementType: string;
  }>(
    tx,
    sql`select child_id as "childId", household_id as "householdId", start_date::text as "startDate",
      end_date::text as "endDate", ending, end_reason as "endReason", placement_type as "placementType"
      from placements where id = ${id}`,
  );
  if (!row) throw new Refused([{ field: 'placement', message: 'This placement has been removed in the meantime' }]);
  const child = await childBorn(tx, row.childId, lock);
  const [household] = await queryRows<{ name: string; status: string; places: number; temporary: boolean }>(
    tx,
    sql`select h.name, h.status, h.approved_places as places,
        exists (select 1 from temporary_approvals ta where ta.household_id = h.id and ta.child_id = ${row.childId}
          and ${inForceOnSql(sql`${todayInLondon()}::date`)}) as temporary
      from households h where h.id = ${row.householdId}${forUpdate}`,
  );
  if (lock) await tx.execute(sql`select id from placements where id = ${id} for update`);
  return { ...row, child, household: household! };
}
type Locked = Awaited<ReturnType<typeof placementState>>;

const refuse = (field: string, message: string): FieldError[] => [{ field, message }];

/**
 * The most other children placed with the household on a day of [from, to) (to null: from then on),
 * when that leaves no room for this child; null when there is room, or the household is a
 * connected person approved for the child alone (who takes them whatever their places).
 */
async function noRoom(tx: DbOrTx, placementId: string, locked: Locked, from: IsoDate, to: IsoDate | null) {
  if (locked.household.status !== 'approved') return null;
  const most = await mostPlacedWith(tx, locked.householdId, placementId, from, to);
  return most.count + 1 > locked.household.places ? most : null;
}

/** "Oak household is approved for 1 child and 1 other was placed there on 3 November 2026: it had no room for Sam then". */
function fullMessage(locked: Locked, most: { count: number; on: IsoDate }, name: string): string {
  const { places } = locked.household;
  const approved = `${places} ${places === 1 ? 'child' : 'children'}`;
  const others = most.count === 1 ? '1 other was' : `${most.count} others were`;
  return `${locked.household.name} is approved for ${approved} and ${others} placed there on ${formatDate(most.on)}: it had no room for ${name} then`;
}

async function roomErrors(
  tx: DbOrTx,
  placementId: string,
  locked: Locked,
  name: string,
  from: IsoDate,
  to: IsoDate,
  field: string,
): Promise<FieldError[]> {
  const most = await noRoom(tx, placementId, locked, from, to);
  return most ? refuse(field, fullMessage(locked, most, name)) : [];
}

/** Another placement the new dates would overlap, in words. */
export function overlapMessage(
  what: 'Start date' | 'End date',
  name: string,
  other: OtherPlacement,
  own: IsoDate,
): string {
  if (what === 'Start date' && other.endDate && compareIsoDates(other.startDate, own) < 0) {
    const hint = ': if that ending is wrong too, correct it first';
    return `Start date must be on or after ${formatDate(other.endDate)}, when ${name}’s placement with ${other.placedWith} ended${hint}`;
  }
  if (what === 'End date' && compareIsoDates(other.startDate, own) >= 0) {
    return `End date must be on or before ${formatDate(other.startDate)}, when ${name} moved to ${other.placedWith}`;
  }
  return `${what} would overlap ${placementInWords(other)}`;
}

/**
 * Why a placement that started on `stored` cannot be moved to start on `from`, if it cannot: a
 * placement begun starts on a day that has come; one still planned may move within the days ahead
 * allowed.
 */
export function lateStartRefusal(stored: IsoDate, from: IsoDate, name: string, maxDaysAhead: number): string | null {
  const today = todayInLondon();
  const latest = compareIsoDates(stored, today) > 0 ? addDays(today, maxDaysAhead) : today;
  if (compareIsoDates(from, latest) <= 0) return null;
  return latest === today
    ? `Start date must be today or in the past: ${name} lives there already`
    : `Start date must be no later than ${formatDate(latest)}, ${maxDaysAhead} days from today`;
}

/**
 * Why a placement (with the service's carers, or with an agency) cannot start on `from` and run to
 * `to` (null: on), if it cannot: not before the child was born, over none of the child's other
 * placements, and on or before every visit, time missing or allegation's suspension recorded
 * during it (a disability enhancement may have been agreed before it began).
 */
export async function startRefusal(
  tx: DbOrTx,
  p: { id: string; childId: string; name: string; dateOfBirth: IsoDate; agency: boolean },
  from: IsoDate,
  to: IsoDate | null,
): Promise<string | null> {
  if (compareIsoDates(from, p.dateOfBirth) < 0) return 'Start date must be on or after the child’s date of birth';
  const [other] = await placementsOverlapping(tx, p.childId, p.id, from, to);
  if (other) return overlapMessage('Start date', p.name, other, from);
  const first = (await recordsDuring(tx, p.id, p.agency)).find((r) => r.kind !== 'enhancement');
  if (first && compareIsoDates(first.on, from) < 0) {
    return `Start date must be on or before ${formatDate(first.on)}: ${recordInWords(first)} was during this placement`;
  }
  return null;
}

/** A current placement's start date and type. */
export async function changeStart(
  db: Db,
  who: Who,
  placement: PlacementRecord,
  input: StartInput,
  maxDaysAhead: number,
): Promise<Result> {
  if (!canChangePlacement(who.user, placement)) return notFound;
  const name = placement.childFirstName;
  if (placement.endDate) {
    return invalid({ field: 'startDate', message: 'This placement has ended: correct its ending instead' });
  }
  const late = lateStartRefusal(placement.startDate, input.startDate, name, maxDaysAhead);
  if (late) return invalid({ field: 'startDate', message: late });
  return inTransaction(db, async (tx) => {
    const locked = await placementState(tx, placement.id, true);
    if (locked.endDate) throw new Refused(refuse('startDate', 'This placement has ended in the meantime'));
    const from = input.startDate;
    const { dateOfBirth } = locked.child;
    const refusal = await startRefusal(
      tx,
      { id: placement.id, childId: locked.childId, name, dateOfBirth, agency: false },
      from,
      null,
    );
    if (refusal) throw new Refused(refuse('startDate', refusal));
    if (compareIsoDates(from, locked.startDate) < 0) {
      const errors = await roomErrors(tx, placement.id, locked, name, from, locked.startDate, 'startDate');
      if (errors.length) throw new Refused(errors);
    }
    const changed = {
      ...(from !== locked.startDate ? { startDate: { from: locked.startDate, to: from } } : {}),
      ...(input.placementType !== locked.placementType
        ? { placementType: { from: locked.placementType, to: input.placementType } }
        : {}),
    };
    if (Object.keys(changed).length === 0) return { ok: true, id: placement.id };
    await tx
      .update(placements)
      .set({ startDate: from, placementType: input.placementType })
      .where(eq(placements.id, placement.id));
    await refreshDueItems(tx, 'placement', [placement.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'placement',
      recordId: placement.id,
      detail: { part: 'placement-start', changed },
    });
    return { ok: true, id: placement.id };
  });
}

/** The last day a record kept during the placement allows it to end on, with why. */
export function recordsEndingErrors(
  records: Awaited<ReturnType<typeof recordsDuring>>,
  endDate: IsoDate,
): FieldError[] {
  for (const r of [...records].reverse()) {
    // A visit on the placement's last day belongs to it; a child who went missing did so from a placement still running.
    if (r.kind === 'missing' && compareIsoDates(r.on, endDate) >= 0) {
      return refuse(
        'endDate',
        `End date must be after ${formatDate(r.on)}: ${recordInWords(r)} is from this placement`,
      );
    }
    if ((r.kind === 'visit' || r.kind === 'concern') && compareIsoDates(r.on, endDate) > 0) {
      const message = `End date must be on or after ${formatDate(r.on)}: ${recordInWords(r)} was during this placement`;
      return refuse('endDate', message);
    }
  }
  return [];
}

/** An ended placement's ending put right: its date (not before it began, nor after today), whether planned, the reason. */
export async function correctEnding(db: Db, who: Who, placement: PlacementRecord, input: EndInput): Promise<Result> {
  if (!canChangePlacement(who.user, placement)) return notFound;
  if (!placement.endDate) {
    return invalid({ field: 'endDate', message: 'This placement has not ended: end it from its page' });
  }
  const name = placement.childFirstName;
  return inTransaction(db, async (tx) => {
    const locked = await placementState(tx, placement.id, true);
    if (!locked.endDate) throw new Refused(refuse('endDate', 'The ending has been undone in the meantime'));
    const to = input.endDate;
    if (compareIsoDates(to, locked.startDate) < 0) {
      const message = `End date must be on or after the start date, ${formatDate(locked.startDate)}`;
      throw new Refused(refuse('endDate', message));
    }
    const [other] = await placementsOverlapping(tx, locked.childId, placement.id, locked.startDate, to);
    if (other) throw new Refused(refuse('endDate', overlapMessage('End date', name, other, locked.startDate)));
    const errors = recordsEndingErrors(await recordsDuring(tx, placement.id), to);
    if (!errors.length && compareIsoDates(to, locked.endDate) > 0) {
      errors.push(...(await roomErrors(tx, placement.id, locked, name, locked.endDate, to, 'endDate')));
    }
    if (errors.length) throw new Refused(errors);
    const before = { endDate: locked.endDate, ending: locked.ending, endReason: locked.endReason };
    const after = { endDate: to, ending: input.ending, endReason: input.endReason };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return { ok: true, id: placement.id };
    await tx.update(placements).set(after).where(eq(placements.id, placement.id));
    await refreshDueItems(tx, 'placement', [placement.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'placement',
      recordId: placement.id,
      detail: { part: 'placement-ending', changed, before },
    });
    return { ok: true, id: placement.id };
  });
}

/**
 * Why an ended placement cannot be made current again, in words (none when it can): only the
 * child's latest placement, while they are placed nowhere else and are still in care (or Staying
 * Put), with a household still approved and with room for them now.
 */
export async function reopenRefusals(tx: DbOrTx, placement: PlacementRecord, locked: Locked): Promise<string[]> {
  const name = placement.childFirstName;
  const endDate = locked.endDate;
  if (!endDate) return ['This placement has not ended'];
  const other = await otherPlacementRefusal(tx, { ...locked, endDate, id: placement.id, name });
  if (other) return [other];
  const refusals: string[] = [];
  const left = await leftCareRefusal(tx, locked.childId, name, locked.placementType);
  if (left) refusals.push(left);
  const { household } = locked;
  if (household.status !== 'approved' && !household.temporary) {
    refusals.push(`${household.name} is not an approved household now: it cannot have ${name} placed with it`);
  } else {
    const most = await noRoom(tx, placement.id, locked, endDate, null);
    if (most) refusals.push(fullMessage(locked, most, name));
  }
  return refusals;
}

/** An ending recorded in error undone: the placement is the child's current one again, its deadlines back. */
export async function reopenPlacement(db: Db, who: Who, placement: PlacementRecord): Promise<Result> {
  if (!canChangePlacement(who.user, placement)) return notFound;
  return inTransaction(db, async (tx) => {
    const locked = await placementState(tx, placement.id, true);
    const refusals = await reopenRefusals(tx, placement, locked);
    if (refusals.length) throw new Refused(refusals.map((message) => ({ field: 'reopen', message })));
    await tx
      .update(placements)
      .set({ endDate: null, ending: null, endReason: null })
      .where(eq(placements.id, placement.id));
    await refreshDueItems(tx, 'placement', [placement.id]);
    await recordAudit(tx, who.actor, {
      action: 'reopen',
      recordType: 'placement',
      recordId: placement.id,
      detail: { endDate: locked.endDate, ending: locked.ending, endReason: locked.endReason },
    });
    return { ok: true, id: placement.id };
  });
}
