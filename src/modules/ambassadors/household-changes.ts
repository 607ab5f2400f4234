/**
 * Carer Ambassadors follow their household (`whenHouseholdChanges`, in the same save, on the
 * household's trail): a carer who leaves stops being an ambassador that day, and every ambassador
 * of a household whose approval ends stops that day (never before the day they started). Each
 * keeps why it ended (`ended_by`), so that the change put right puts it right too: the leaving
 * cleared from the carer's record, or the end of approval undone, makes them an ambassador again
 * (unless they have been made one again since, have left, or the household's approval no longer
 * stands); the day of the leaving or of the end put right moves the day they stopped with it.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import type { HouseholdChange, HouseholdChangeHandler } from '../../platform/modules/household-changes.ts';
import type { Who } from '../../platform/views/results.ts';
import { approvalStandsIn } from '../households/labels.ts';
import { carerAmbassadors } from './tables.ts';

/** The day an ambassador stops with a change on `day`: that day, or the day they started if later. */
const stopDay = (day: IsoDate): SQL => sql`greatest(${carerAmbassadors.startedOn}, ${day}::date)`;

/** The household's ambassadors a change is about: all of them, or the carer's who left or came back. */
function whose(change: HouseholdChange): SQL | undefined {
  const household = eq(carerAmbassadors.householdId, change.householdId);
  return 'carerId' in change ? and(household, eq(carerAmbassadors.carerId, change.carerId)) : household;
}

const audit = (tx: DbOrTx, who: Who, change: HouseholdChange, detail: Record<string, unknown>) =>
  recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: change.householdId,
    detail: { part: 'ambassador', ...detail, via: change.kind },
  });

export const ambassadorsFollowHousehold: HouseholdChangeHandler = async (tx, who, change) => {
  if (change.kind === 'carer-left' || change.kind === 'approval-ended') {
    const day = change.kind === 'carer-left' ? change.leftOn : change.endedOn;
    if (change.wasOn) {
      const moved = await tx
        .update(carerAmbassadors)
        .set({ endedOn: stopDay(day) })
        .where(
          and(
            whose(change),
            eq(carerAmbassadors.endedBy, change.kind),
            eq(carerAmbassadors.endedOn, stopDay(change.wasOn)),
          ),
        )
        .returning({ id: carerAmbassadors.id });
      for (const { id } of moved) await audit(tx, who, change, { ambassadorId: id, endedOn: day, wasOn: change.wasOn });
    }
    const ended = await tx
      .update(carerAmbassadors)
      .set({ endedOn: stopDay(day), endedBy: change.kind })
      .where(and(whose(change), isNull(carerAmbassadors.endedOn)))
      .returning({ id: carerAmbassadors.id });
    for (const { id } of ended) await audit(tx, who, change, { ambassadorId: id, endedOn: day });
    return;
  }
  await reopen(tx, who, change);
};

/**
 * Makes ambassadors again those whose time the change being undone ended: each only while they
 * live in the household, its approval stands, and they have not been made one again since.
 */
async function reopen(
  tx: DbOrTx,
  who: Who,
  change: HouseholdChange & { kind: 'carer-returned' | 'approval-restored' },
) {
  const by = change.kind === 'carer-returned' ? 'carer-left' : 'approval-ended';
  const day = change.kind === 'carer-returned' ? change.leftOn : change.endedOn;
  const reopened = await queryRows<{ id: string }>(
    tx,
    sql`update carer_ambassadors a set ended_on = null, ended_by = null
      where a.id in (
        select a2.id from carer_ambassadors a2
        join carers c on c.id = a2.carer_id and c.left_on is null
        join households h on h.id = a2.household_id and h.status in ${approvalStandsIn}
        where a2.household_id = ${change.householdId}
          ${'carerId' in change ? sql`and a2.carer_id = ${change.carerId}` : sql``}
          and a2.ended_by = ${by} and a2.ended_on = greatest(a2.started_on, ${day}::date)
          and not exists (select 1 from carer_ambassadors o where o.carer_id = a2.carer_id and o.ended_on is null)
      )
      returning a.id`,
  );
  for (const { id } of reopened) await audit(tx, who, change, { ambassadorId: id, endedOn: null, wasOn: day });
}
