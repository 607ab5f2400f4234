/**
 * A child leaving care: the date and why, changed or removed when recorded in error, and for a
 * child who died the notifications the fostering service made. Each change moves the child's
 * deadlines in the same transaction (they stop on the date left care) and is written to the audit
 * trail with what was there before. Open placements are never ended here: their ending has its own
 * reason and feeds the stability measures, so a child still placed is refused with a link to them.
 */
import { eq, sql } from 'drizzle-orm';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, type Invalid, type Refusal, type Who } from '../../platform/views/results.ts';
import { placementPath, referralStepPath } from '../placements/paths.ts';
import { deathNotifications } from './labels.ts';
import type { DeathNotificationsInput, LeavingInput } from './leaving-forms.ts';
import { findChild, OPEN_REFERRAL_STATUSES, type ChildRecord } from './scope.ts';
import { children } from './tables.ts';

/**
 * A placement not ended on or before the date left care (where the child lives, and the page to
 * end it), or a referral for a placement still open (the page to withdraw it).
 */
export interface OpenPlacement {
  name: string;
  startDate: IsoDate;
  href: string;
  kind: 'placement' | 'referral';
}

export type LeavingResult = { ok: true; visible: boolean } | Refusal | (Invalid & { placements?: OpenPlacement[] });

/** "a", "a and b", "a, b and c". */
const listed = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

const mayChange = (who: Who) => can(who.user.role, 'children.change');

/**
 * The child's placements, with the service's carers or an agency, not ended on or before `on`
 * (open, ended later, or starting later). For a young person Staying Put, their Staying Put
 * arrangement is the reason itself and does not count.
 */
export async function openPlacementsOn(
  db: DbOrTx,
  childId: string,
  on: IsoDate,
  reason: string,
): Promise<OpenPlacement[]> {
  // Not ended on or before the day (and, for Staying Put, not the Staying Put arrangement), on table `t`.
  const notEnded = (t: string) =>
    sql`${sql.raw(t)}.child_id = ${childId} and (${sql.raw(t)}.end_date is null or ${sql.raw(t)}.end_date > ${on}::date)
      ${reason === 'staying_put' ? sql.raw(`and ${t}.placement_type <> 'staying_put'`) : sql``}`;
  const rows = await queryRows<{ id: string; name: string; startDate: IsoDate; agency: boolean }>(
    db,
    sql`select p.id, h.name, p.start_date::text as "startDate", false as agency
        from placements p join households h on h.id = p.household_id where ${notEnded('p')}
      union all
      select a.id, a.agency_name, a.start_date::text, true from agency_placements a where ${notEnded('a')}
      order by 3, 2`,
  );
  return rows.map((p) => ({
    name: p.name,
    startDate: p.startDate,
    href: p.agency ? `/agency-placements/${p.id}/end` : placementPath(p.id),
    kind: 'placement' as const,
  }));
}

/** The child's referrals for a placement not yet placed or withdrawn, oldest first, with the page to withdraw each. */
async function openReferralsOf(db: DbOrTx, childId: string): Promise<OpenPlacement[]> {
  const rows = await queryRows<{ id: string; sent: IsoDate }>(
    db,
    sql`select r.id, (r.created_at at time zone 'Europe/London')::date::text as sent from referrals r
      where r.child_id = ${childId} and r.status in (${sql.join(
        OPEN_REFERRAL_STATUSES.map((status) => sql`${status}`),
        sql`, `,
      )})
      order by r.created_at, r.id`,
  );
  return rows.map((r) => ({
    name: 'The referral for a placement',
    startDate: r.sent,
    href: referralStepPath(r.id, 'withdraw'),
    kind: 'referral' as const,
  }));
}

/** Why the child cannot be recorded as having left care on the day yet, in a sentence; null when nothing is open. */
function stillOpen(firstName: string, on: IsoDate, placed: OpenPlacement[], referred: OpenPlacement[]): string | null {
  const parts: string[] = [];
  if (placed.length) {
    parts.push(
      `is still placed with ${listed(placed.map((p) => `${p.name} (from ${formatDate(p.startDate)})`))}: ` +
        `end ${placed.length > 1 ? 'these placements' : 'the placement'} on or before ${formatDate(on)} first`,
    );
  }
  if (referred.length) {
    const sent = listed(referred.map((r) => formatDate(r.startDate)));
    parts.push(
      `has ${referred.length > 1 ? 'referrals' : 'a referral'} for a placement still open (sent ${sent}): ` +
        `withdraw ${referred.length > 1 ? 'them' : 'it'} first`,
    );
  }
  return parts.length ? `${firstName} ${parts.join(', and ')}` : null;
}

/** The death notification columns, all cleared. */
const noNotifications = Object.fromEntries(deathNotifications.map((n) => [n.column, null])) as Record<
  (typeof deathNotifications)[number]['column'],
  null
>;

/**
 * Writes the child's leaving care columns, moves their deadlines and writes the audit entry, in
 * one transaction; whether the user still reads the child after.
 */
async function writeLeaving(
  db: Db,
  who: Who,
  child: ChildRecord,
  values: Partial<typeof children.$inferInsert>,
  audit: { action: 'update' | 'delete'; detail: Record<string, unknown> },
  today: IsoDate,
): Promise<LeavingResult> {
  await db.transaction(async (tx) => {
    await tx
      .update(children)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(children.id, child.id));
    await refreshDueItems(tx, 'child', [child.id], today);
    await recordAudit(tx, who.actor, { ...audit, recordType: 'child', recordId: child.id });
  });
  return { ok: true, visible: (await findChild(db, who.user, child.id)) !== null };
}

/**
 * Records that a child left care, or changes what was recorded. Refused while the child still has a
 * placement not ended on or before the date. A child who did not die has no notifications of a death.
 */
export async function recordLeftCare(
  db: Db,
  who: Who,
  child: ChildRecord,
  input: LeavingInput,
  today: IsoDate = todayInLondon(),
): Promise<LeavingResult> {
  if (!mayChange(who)) return forbidden;
  const placed = await openPlacementsOn(db, child.id, input.leftCareOn, input.reason);
  const referred = await openReferralsOf(db, child.id);
  const message = stillOpen(child.firstName, input.leftCareOn, placed, referred);
  if (message) {
    return {
      ok: false,
      reason: 'invalid',
      placements: [...placed, ...referred],
      errors: [{ field: 'leftCareOn', message }],
    };
  }
  const before = child.leftCareOn ? { leftCareOn: child.leftCareOn, reason: child.leftCareReason } : null;
  return writeLeaving(
    db,
    who,
    child,
    {
      leftCareOn: input.leftCareOn,
      leftCareReason: input.reason,
      leftCareDetails: input.details,
      ...(input.reason === 'died' ? {} : noNotifications),
    },
    {
      action: 'update',
      // The details are free text: the audit trail names whether they changed, never what they say.
      detail: {
        part: 'left-care',
        before,
        after: { leftCareOn: input.leftCareOn, reason: input.reason },
        detailsChanged: (child.leftCareDetails ?? null) !== input.details,
      },
    },
    today,
  );
}

/** Removes a record of leaving care made in error, saying why: the child is in care again, their deadlines back. */
export async function removeLeftCare(
  db: Db,
  who: Who,
  child: ChildRecord,
  reason: string,
  today: IsoDate = todayInLondon(),
): Promise<LeavingResult> {
  if (!mayChange(who)) return forbidden;
  return writeLeaving(
    db,
    who,
    child,
    { leftCareOn: null, leftCareReason: null, leftCareDetails: null, ...noNotifications },
    {
      action: 'delete',
      detail: { part: 'left-care', leftCareOn: child.leftCareOn, leftCareReason: child.leftCareReason, reason },
    },
    today,
  );
}

/** Records the day each notification of a child's death was made (blank: not yet recorded). */
export async function recordDeathNotifications(
  db: Db,
  who: Who,
  child: ChildRecord,
  input: DeathNotificationsInput,
  today: IsoDate = todayInLondon(),
): Promise<LeavingResult> {
  if (!mayChange(who)) return forbidden;
  if (child.leftCareReason !== 'died') return { ok: false, reason: 'not-found' };
  const values = Object.fromEntries(deathNotifications.map((n) => [n.column, input[n.field]]));
  const before = Object.fromEntries(deathNotifications.map((n) => [n.field, child[n.column]]));
  return writeLeaving(
    db,
    who,
    child,
    values,
    { action: 'update', detail: { part: 'death-notifications', before, after: input } },
    today,
  );
}
