/**
 * Hub families and the households they support: a household made a hub family and stopped, a
 * household linked to one of its area's and the link ended. Checked, written and audited on the households' trails in one transaction.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { hubFamiliesInArea } from './queries.ts';
import { mayManageHubs, mayRecordSupport } from './scope.ts';
import { changeOnHousehold } from '../households/scope.ts';
import { auditHousehold, SUPPORTED_STATUSES } from './service.ts';
import { hubFamilies, hubLinks } from './tables.ts';

/** The household's time as a hub family now, if it is one. */
export async function openHubOf(tx: DbOrTx, householdId: string) {
  const [row] = await tx
    .select({ id: hubFamilies.id, startedOn: hubFamilies.startedOn })
    .from(hubFamilies)
    .where(and(eq(hubFamilies.householdId, householdId), isNull(hubFamilies.endedOn)));
  return row ?? null;
}

/** The support the household has from a hub family now, if any. */
export async function openLinkOf(tx: DbOrTx, householdId: string) {
  const [row] = await tx
    .select({ id: hubLinks.id, startedOn: hubLinks.startedOn })
    .from(hubLinks)
    .where(and(eq(hubLinks.householdId, householdId), isNull(hubLinks.endedOn)));
  return row ?? null;
}

/** On the day, or on the day it began if that was later. */
const endedOnOrAfterStart = (startedOn: typeof hubFamilies.startedOn | typeof hubLinks.startedOn, endedOn: IsoDate) =>
  sql`greatest(${startedOn}, ${endedOn}::date)`;

/**
 * Ends the household's time as a hub family on the day, and the support it gives each household,
 * each on its trail. `via` 'approval-ended' when its approval ended it: kept on each (`ended_by`) so
 * that undoing the end of approval reopens them.
 */
export async function closeHub(
  tx: DbOrTx,
  who: Who,
  hub: { id: string },
  householdId: string,
  endedOn: IsoDate,
  via?: 'approval-ended',
) {
  await tx
    .update(hubFamilies)
    .set({ endedOn: endedOnOrAfterStart(hubFamilies.startedOn, endedOn), endedBy: via ?? null })
    .where(eq(hubFamilies.id, hub.id));
  const ended = await tx
    .update(hubLinks)
    .set({ endedOn: endedOnOrAfterStart(hubLinks.startedOn, endedOn), endedBy: via ? 'hub-approval-ended' : null })
    .where(and(eq(hubLinks.hubFamilyId, hub.id), isNull(hubLinks.endedOn)))
    .returning({ householdId: hubLinks.householdId });
  const part = { endedOn, ...(via ? { via } : {}) };
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: householdId,
    detail: { part: 'hub-family', ...part, linksEnded: ended.length },
  });
  for (const { householdId: supported } of ended) {
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: supported,
      detail: { part: 'hub-link', endedOn, via: via ?? 'hub-family-ended' },
    });
  }
}

/** Ends the support the household has from its hub family on the day, on its trail (`via` as closeHub's). */
export async function closeLink(
  tx: DbOrTx,
  who: Who,
  link: { id: string },
  householdId: string,
  endedOn: IsoDate,
  via?: 'approval-ended',
) {
  await tx
    .update(hubLinks)
    .set({ endedOn: endedOnOrAfterStart(hubLinks.startedOn, endedOn), endedBy: via ?? null })
    .where(eq(hubLinks.id, link.id));
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: householdId,
    detail: { part: 'hub-link', endedOn, ...(via ? { via } : {}) },
  });
}

/** Makes an approved household a hub family from a day. */
export async function startHubFamily(db: Db, who: Who, householdId: string, startedOn: IsoDate): Promise<Result> {
  return changeOnHousehold(db, who, mayManageHubs(who.user), householdId, async (tx, household) => {
    if (!SUPPORTED_STATUSES.includes(household.status)) {
      return invalid({ field: 'startedOn', message: 'Only an approved household can be a hub family' });
    }
    if (await openHubOf(tx, household.id)) {
      return invalid({ field: 'startedOn', message: 'The household is already a hub family' });
    }
    if (await openLinkOf(tx, household.id)) {
      return invalid({
        field: 'startedOn',
        message: 'The household is supported by a hub family. End that support before it becomes one',
      });
    }
    await tx.insert(hubFamilies).values({ householdId: household.id, startedOn, recordedBy: who.user.id });
    await auditHousehold(tx, who, household, 'create', { part: 'hub-family', startedOn });
    return { ok: true as const, id: household.id };
  });
}

/** Ends a household's time as a hub family on a day, and the support it gave each household that day. */
export async function endHubFamily(db: Db, who: Who, householdId: string, endedOn: IsoDate): Promise<Result> {
  return changeOnHousehold(db, who, mayManageHubs(who.user), householdId, async (tx) => {
    const hub = await openHubOf(tx, householdId);
    if (!hub) return notFound;
    if (endedOn < hub.startedOn) {
      return invalid({ field: 'endedOn', message: 'Date it stopped must be on or after the day it started' });
    }
    await closeHub(tx, who, hub, householdId, endedOn);
    return { ok: true as const, id: householdId };
  });
}

/** Links a household to one of its area's hub families from a day. */
export async function startHubLink(
  db: Db,
  who: Who,
  householdId: string,
  input: { hubFamilyId: string; startedOn: IsoDate },
): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordSupport(who.user), householdId, async (tx, household) => {
    if (!SUPPORTED_STATUSES.includes(household.status)) {
      return invalid({ field: 'hubFamilyId', message: 'Only an approved household can be supported by a hub family' });
    }
    const hub = (await hubFamiliesInArea(tx, household.areaId, household.id)).find((h) => h.id === input.hubFamilyId);
    if (!hub) return invalid({ field: 'hubFamilyId', message: 'Select the hub family from the list' });
    if (await openHubOf(tx, household.id)) {
      return invalid({ field: 'hubFamilyId', message: 'A hub family is not itself supported by one' });
    }
    // Locked, and read again: a hub family that stopped meanwhile is no longer one to choose.
    const [hubRow] = await tx
      .select({ startedOn: hubFamilies.startedOn, endedOn: hubFamilies.endedOn })
      .from(hubFamilies)
      .where(eq(hubFamilies.id, hub.id))
      .for('update');
    if (!hubRow || hubRow.endedOn !== null) {
      return invalid({ field: 'hubFamilyId', message: 'Select the hub family from the list' });
    }
    if (input.startedOn < hubRow.startedOn) {
      return invalid({
        field: 'startedOn',
        message: 'Date the hub family’s support started must be on or after the day it became a hub family',
      });
    }
    if (await openLinkOf(tx, household.id)) {
      return invalid({ field: 'hubFamilyId', message: 'The household is already supported by a hub family' });
    }
    await tx
      .insert(hubLinks)
      .values({ hubFamilyId: hub.id, householdId: household.id, startedOn: input.startedOn, recordedBy: who.user.id });
    await auditHousehold(tx, who, household, 'create', {
      part: 'hub-link',
      hubHouseholdId: hub.householdId,
      startedOn: input.startedOn,
    });
    return { ok: true as const, id: household.id };
  });
}

/** Ends the support a household has from its hub family on a day. */
export async function endHubLink(db: Db, who: Who, householdId: string, endedOn: IsoDate): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordSupport(who.user), householdId, async (tx) => {
    const link = await openLinkOf(tx, householdId);
    if (!link) return notFound;
    if (endedOn < link.startedOn) {
      return invalid({ field: 'endedOn', message: 'Date the support ended must be on or after the day it started' });
    }
    await closeLink(tx, who, link, householdId, endedOn);
    return { ok: true as const, id: householdId };
  });
}

/** The latest day the household's earlier times in `table` ended (a hub family's, or support from one), if any. */
const earlierEnded = async (tx: DbOrTx, table: 'hub_families' | 'hub_links', householdId: string, exceptId: string) =>
  (
    await queryRows<{ on: IsoDate | null }>(
      tx,
      sql`select max(ended_on)::text as on from ${sql.raw(table)} where household_id = ${householdId} and id <> ${exceptId}`,
    )
  )[0]?.on ?? null;

/**
 * Puts right the day a household became a hub family, typed wrongly: not after the support it gave
 * first began, nor before its earlier time as a hub family ended. On its trail, with the day before.
 */
export async function changeHubStart(db: Db, who: Who, householdId: string, startedOn: IsoDate): Promise<Result> {
  return changeOnHousehold(db, who, mayManageHubs(who.user), householdId, async (tx, household) => {
    const hub = await openHubOf(tx, householdId);
    if (!hub) return notFound;
    const [first] = await queryRows<{ on: IsoDate | null }>(
      tx,
      sql`select min(started_on)::text as on from hub_links where hub_family_id = ${hub.id}`,
    );
    if (first?.on && startedOn > first.on) {
      return invalid({
        field: 'startedOn',
        message: `Date it became a hub family must be on or before the day its support for a household began, ${formatDate(first.on)}`,
      });
    }
    const ended = await earlierEnded(tx, 'hub_families', householdId, hub.id);
    if (ended && startedOn < ended) {
      return invalid({
        field: 'startedOn',
        message: `Date it became a hub family must be on or after its earlier time as one ended, ${formatDate(ended)}`,
      });
    }
    await tx.update(hubFamilies).set({ startedOn }).where(eq(hubFamilies.id, hub.id));
    await auditHousehold(tx, who, household, 'update', { part: 'hub-family', startedOn, was: hub.startedOn });
    return { ok: true as const, id: householdId };
  });
}

/**
 * Puts right the day the household's support from its hub family began, typed wrongly: not before
 * the hub family became one, nor before its earlier support ended. On its trail, with the day before.
 */
export async function changeLinkStart(db: Db, who: Who, householdId: string, startedOn: IsoDate): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordSupport(who.user), householdId, async (tx, household) => {
    const link = await openLinkOf(tx, householdId);
    if (!link) return notFound;
    const [hub] = await queryRows<{ startedOn: IsoDate }>(
      tx,
      sql`select f.started_on::text as "startedOn" from hub_links l join hub_families f on f.id = l.hub_family_id
        where l.id = ${link.id}`,
    );
    if (hub && startedOn < hub.startedOn) {
      return invalid({
        field: 'startedOn',
        message: 'Date the hub family’s support started must be on or after the day it became a hub family',
      });
    }
    const ended = await earlierEnded(tx, 'hub_links', householdId, link.id);
    if (ended && startedOn < ended) {
      return invalid({
        field: 'startedOn',
        message: `Date the hub family’s support started must be on or after its earlier support ended, ${formatDate(ended)}`,
      });
    }
    await tx.update(hubLinks).set({ startedOn }).where(eq(hubLinks.id, link.id));
    await auditHousehold(tx, who, household, 'update', { part: 'hub-link', startedOn, was: link.startedOn });
    return { ok: true as const, id: householdId };
  });
}

/**
 * Removes the household's link to a hub family recorded in error (the wrong hub family, or support
 * that was never given), with why, on its trail; the hub family's count follows.
 */
export async function removeHubLink(db: Db, who: Who, householdId: string, reason: string): Promise<Result> {
  return changeOnHousehold(db, who, mayRecordSupport(who.user), householdId, async (tx, household) => {
    const link = await openLinkOf(tx, householdId);
    if (!link) return notFound;
    await tx.delete(hubLinks).where(eq(hubLinks.id, link.id));
    await auditHousehold(tx, who, household, 'delete', { part: 'hub-link', startedOn: link.startedOn, reason });
    return { ok: true as const, id: householdId };
  });
}

/**
 * Removes a household's time as a hub family recorded in error, with why, on its trail: only while
 * it has supported no household (a hub family that has is ended instead, so the record keeps it).
 */
export async function removeHubFamily(db: Db, who: Who, householdId: string, reason: string): Promise<Result> {
  return changeOnHousehold(db, who, mayManageHubs(who.user), householdId, async (tx, household) => {
    const hub = await openHubOf(tx, householdId);
    if (!hub) return notFound;
    const [supported] = await tx.select({ id: hubLinks.id }).from(hubLinks).where(eq(hubLinks.hubFamilyId, hub.id));
    if (supported) {
      return invalid({
        field: 'reason',
        message: 'The hub family has supported households: record the day it stopped instead',
      });
    }
    await tx.delete(hubFamilies).where(eq(hubFamilies.id, hub.id));
    await auditHousehold(tx, who, household, 'delete', { part: 'hub-family', startedOn: hub.startedOn, reason });
    return { ok: true as const, id: householdId };
  });
}
