import { and, asc, count, desc, eq, isNull, lte, or, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { users } from '../../platform/auth/tables.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { addDays, type IsoDate } from '../../platform/dates/index.ts';
import { children } from '../children/tables.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { placements } from '../placements/tables.ts';
import {
  supervisionActions,
  supervisionAgreements,
  supervisionChildren,
  supervisionNotesMessages,
  supervisions,
} from './tables.ts';

export const SUPERVISIONS_PAGE_SIZE = 25;
/** The longest gap between supervisions: 6 weeks. */
export const SUPERVISION_INTERVAL_DAYS = 42;

export type SupervisionRow = typeof supervisions.$inferSelect;
export type AgreementRow = typeof supervisionAgreements.$inferSelect & { sswName: string | null };

export interface SupervisionRecord {
  supervision: SupervisionRow;
  household: HouseholdRecord;
  authorName: string;
  finalisedByName: string | null;
}

/** The supervision, if the viewer may see its household (null otherwise: a 404). */
export async function findVisibleSupervision(
  db: DbOrTx,
  viewer: SignedInUser,
  id: string,
): Promise<SupervisionRecord | null> {
  const [row] = await db.select().from(supervisions).where(eq(supervisions.id, id));
  if (!row) return null;
  const household = await findHouseholdReadInFull(db, viewer, row.householdId);
  if (!household) return null;
  return { supervision: row, household, ...(await signatories(db, row)) };
}

/** The names of who recorded a supervision and who finalised it (null while a draft). */
export async function signatories(db: DbOrTx, row: Pick<SupervisionRow, 'authorId' | 'finalisedBy'>) {
  const people = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(or(eq(users.id, row.authorId), eq(users.id, row.finalisedBy ?? row.authorId)));
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  return { authorName: nameOf(row.authorId) ?? '', finalisedByName: nameOf(row.finalisedBy) };
}

/** A household's supervisions, newest visit first, one page at a time. */
export async function listSupervisions(db: DbOrTx, householdId: string, page: number) {
  const [total] = await db.select({ n: count() }).from(supervisions).where(eq(supervisions.householdId, householdId));
  const rows = await db
    .select({
      id: supervisions.id,
      visitDate: supervisions.visitDate,
      announced: supervisions.announced,
      status: supervisions.status,
      notesSentOn: supervisions.notesSentOn,
      authorName: users.displayName,
      /** When the carers confirmed they received the notes (the latest message's confirmation). */
      receiptConfirmedAt: sql<Date | null>`(select max(${supervisionNotesMessages.acknowledgedAt})
        from ${supervisionNotesMessages} where ${supervisionNotesMessages.supervisionId} = ${supervisions.id})`,
      /** Whether the notes went by a message the carers could confirm (not only by post or by hand). */
      messaged: sql<boolean>`exists (select 1 from ${supervisionNotesMessages}
        where ${supervisionNotesMessages.supervisionId} = ${supervisions.id})`,
    })
    .from(supervisions)
    .innerJoin(users, eq(users.id, supervisions.authorId))
    .where(eq(supervisions.householdId, householdId))
    .orderBy(desc(supervisions.visitDate), desc(supervisions.createdAt))
    .limit(SUPERVISIONS_PAGE_SIZE)
    .offset((page - 1) * SUPERVISIONS_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

/** The household's latest supervision agreement (the current one), with the SSW who signed. */
export async function currentAgreement(db: DbOrTx, householdId: string): Promise<AgreementRow | null> {
  const [row] = await db
    .select({ agreement: supervisionAgreements, sswName: users.displayName })
    .from(supervisionAgreements)
    .leftJoin(users, eq(users.id, supervisionAgreements.signedBySswId))
    .where(eq(supervisionAgreements.householdId, householdId))
    .orderBy(desc(supervisionAgreements.signedOn), desc(supervisionAgreements.createdAt))
    .limit(1);
  return row ? { ...row.agreement, sswName: row.sswName } : null;
}

/** The date the next supervision is due: 6 weeks after the latest finalised visit (null when none). */
export async function nextSupervisionDue(db: DbOrTx, householdId: string): Promise<IsoDate | null> {
  const [row] = await db
    .select({ last: sql<string | null>`max(${supervisions.visitDate})::text` })
    .from(supervisions)
    .where(and(eq(supervisions.householdId, householdId), eq(supervisions.status, 'final')));
  return row?.last ? addDays(row.last, SUPERVISION_INTERVAL_DAYS) : null;
}

export interface PlacedChild {
  childId: string;
  name: string;
  reference: string;
}

/** Children placed in the household at any time from `from` to `to` (both included). */
export async function childrenPlacedBetween(
  db: DbOrTx,
  householdId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<PlacedChild[]> {
  const rows = await db
    .selectDistinct({
      childId: children.id,
      name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      reference: children.reference,
    })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .where(
      and(
        eq(placements.householdId, householdId),
        lte(placements.startDate, to),
        or(isNull(placements.endDate), gte(placements.endDate, from)),
      ),
    )
    .orderBy(asc(children.reference));
  return rows;
}

/** Children placed in the household on the visit date. */
export const childrenPlacedOn = (db: DbOrTx, householdId: string, on: IsoDate) =>
  childrenPlacedBetween(db, householdId, on, on);

/** How each child was seen at a supervision, and its actions. */
export async function supervisionDetails(db: DbOrTx, supervisionId: string) {
  const seen = await db
    .select({
      childId: supervisionChildren.childId,
      seen: supervisionChildren.seen,
      name: sql<string>`${children.firstName} || ' ' || ${children.lastName}`,
      reference: children.reference,
    })
    .from(supervisionChildren)
    .innerJoin(children, eq(children.id, supervisionChildren.childId))
    .where(eq(supervisionChildren.supervisionId, supervisionId))
    .orderBy(asc(children.reference));
  const actions = await db
    .select()
    .from(supervisionActions)
    .where(eq(supervisionActions.supervisionId, supervisionId))
    .orderBy(asc(supervisionActions.position));
  return { seen, actions };
}

/**
 * The corrections of a finalised supervision, newest first: when, by whom (by name) and why, from
 * the audit entries its corrections write (part `part`, service-corrections.ts).
 */
export async function supervisionCorrections(db: DbOrTx, supervisionId: string, part: string) {
  return db
    .select({
      at: auditEvents.at,
      byName: sql<string>`coalesce(${users.displayName}, ${auditEvents.username})`,
      reason: sql<string | null>`${auditEvents.detail}->>'reason'`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      and(
        eq(auditEvents.recordType, 'supervision'),
        eq(auditEvents.recordId, supervisionId),
        eq(auditEvents.action, 'update'),
        sql`${auditEvents.detail}->>'part' = ${part}`,
      ),
    )
    .orderBy(desc(auditEvents.id));
}
