/**
 * Hub families follow their household's approval (`whenHouseholdChanges`, in the status change's
 * save, on the households' trails). When it ends, its time as a hub family ends that day with the
 * support it gave each household, and so does any support it had from a hub family; each keeps why
 * (`ended_by`). When that end is undone (recorded in error), they are reopened, each only where
 * nothing since stands in the way: the household not a hub family or supported again, a supported
 * household whose approval still stands, with no other hub family, a hub family that still is one. When the
 * day of the end is put right, the days they ended move with it, unless a later time follows them.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import type { HouseholdChangeHandler } from '../../platform/modules/household-changes.ts';
import type { Who } from '../../platform/views/results.ts';
import { closeHub, closeLink, openHubOf, openLinkOf } from './hubs.ts';
import { approvalStandsIn } from '../households/labels.ts';

export const hubsFollowHousehold: HouseholdChangeHandler = async (tx, who, change) => {
  if (change.kind === 'approval-ended') {
    const { householdId, endedOn } = change;
    if (change.wasOn) await moveEnds(tx, who, householdId, change.wasOn, endedOn);
    const hub = await openHubOf(tx, householdId);
    if (hub) await closeHub(tx, who, hub, householdId, endedOn, 'approval-ended');
    const link = await openLinkOf(tx, householdId);
    if (link) await closeLink(tx, who, link, householdId, endedOn, 'approval-ended');
  } else if (change.kind === 'approval-restored') {
    await reopen(tx, who, change.householdId, change.endedOn);
  }
};

type Changed = { householdId: string; part: 'hub-family' | 'hub-link' };

async function auditEach(tx: DbOrTx, who: Who, rows: Changed[], detail: Record<string, unknown>) {
  for (const row of rows) {
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: row.householdId,
      detail: { part: row.part, ...detail },
    });
  }
}

/**
 * The household's hub family time (and the support it gave) and its support from one, ended with its
 * approval on `wasOn`, end on `nowOn` instead: each on or after the day it started, and none moved
 * past a later time of the same household.
 */
async function moveEnds(tx: DbOrTx, who: Who, householdId: string, wasOn: IsoDate, nowOn: IsoDate) {
  const moved = await queryRows<Changed>(
    tx,
    sql`with hub as (
        update hub_families f set ended_on = greatest(f.started_on, ${nowOn}::date)
        where f.household_id = ${householdId} and f.ended_by = 'approval-ended'
          and f.ended_on = greatest(f.started_on, ${wasOn}::date)
          and not exists (select 1 from hub_families o where o.household_id = f.household_id and o.started_on > f.started_on)
        returning f.id, f.household_id
      ), links as (
        update hub_links l set ended_on = greatest(l.started_on, ${nowOn}::date)
        where l.ended_on = greatest(l.started_on, ${wasOn}::date)
          and ((l.ended_by = 'hub-approval-ended' and l.hub_family_id in (select id from hub))
            or (l.ended_by = 'approval-ended' and l.household_id = ${householdId}))
          and not exists (select 1 from hub_links o where o.household_id = l.household_id and o.started_on > l.started_on)
        returning l.household_id
      )
      select household_id as "householdId", 'hub-family' as part from hub
      union all select household_id, 'hub-link' from links`,
  );
  await auditEach(tx, who, moved, { endedOn: nowOn, wasOn, via: 'approval-ended' });
}

/** Reopens what the end of the household's approval on `endedOn` ended, where nothing since stands in the way. */
async function reopen(tx: DbOrTx, who: Who, householdId: string, endedOn: IsoDate) {
  const open = (table: 'hub_families' | 'hub_links', alias: string) =>
    sql`not exists (select 1 from ${sql.raw(table)} o where o.household_id = ${sql.raw(alias)}.household_id and o.ended_on is null)`;
  const hub = await queryRows<Changed & { id: string }>(
    tx,
    sql`update hub_families f set ended_on = null, ended_by = null
      where f.id = (
        select f2.id from hub_families f2
        where f2.household_id = ${householdId} and f2.ended_by = 'approval-ended'
          and f2.ended_on = greatest(f2.started_on, ${endedOn}::date)
        order by f2.started_on desc limit 1
      )
        and ${open('hub_families', 'f')} and ${open('hub_links', 'f')}
      returning f.id, f.household_id as "householdId", 'hub-family' as part`,
  );
  const links = await queryRows<Changed>(
    tx,
    sql`update hub_links l set ended_on = null, ended_by = null
      from households h
      where h.id = l.household_id and h.status in ${approvalStandsIn}
        and l.ended_on = greatest(l.started_on, ${endedOn}::date)
        and ((l.ended_by = 'hub-approval-ended' and l.hub_family_id = ${hub[0]?.id ?? null})
          or (l.ended_by = 'approval-ended' and l.household_id = ${householdId}
            and exists (select 1 from hub_families f where f.id = l.hub_family_id and f.ended_on is null)))
        and ${open('hub_links', 'l')} and ${open('hub_families', 'l')}
      returning l.household_id as "householdId", 'hub-link' as part`,
  );
  await auditEach(tx, who, [...hub, ...links], { endedOn: null, wasOn: endedOn, via: 'approval-restored' });
}
