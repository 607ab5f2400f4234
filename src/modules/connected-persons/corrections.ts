/**
 * Putting a temporary approval right, by those who record its decisions (mayDecide: team managers,
 * service managers and the head, for a household within their reach):
 * - the day it was given and the nominated officer, typed wrongly: the day as giving checks it
 *   (approvedOnErrors: within the child's time in care; not in the future, on the form), and kept
 *   in order with what followed it: on or before the day it ended, the day the household was approved
 *   as foster carers (else the approval would stop having given way to it) and the day it was
 *   extended; its 16 weeks, counted again from the new day, still end before the extension's last day
 *   and no more than 8 weeks before it (extensionBounds, as extending checks it), and still cover the
 *   start of the child's placement with the household made under it. The last day of the 16 weeks
 *   follows, with the approval's deadline, the child's visits and the placements' kept facts
 *   (refreshDueItems), in the same transaction;
 * - the extension's details (regulation 25), typed wrongly: as extending checks them (extensionErrors:
 *   decided while it ran, to a new last day within 8 weeks of the 16; the form's own checks), from the
 *   last day it ran to when extended for that reason; not after the day it ended or gave way to full
 *   approval; its last day still covering the child's placement with the household made under it. Its
 *   deadline and what follows move in the same transaction (writeApproval);
 * - an ending recorded in error undone, with why: not while the child has another temporary approval
 *   running (the one running approval per household and child, and giving's one per child), nor once
 *   it would have run out (the placement must end then: undoing the ending would say it runs on).
 * The audit trail keeps what each said before.
 */
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { compareIsoDates, type IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { forbidden, inTransaction, invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import type { ApprovalInput, ExtendInput } from './forms.ts';
import { expiresOnFor, latestExtensionFor } from './labels.ts';
import type { ApprovalRow } from './queries.ts';
import {
  APPROVAL_RECORD,
  approvedOnErrors,
  endedBeforeGiven,
  extensionBounds,
  extensionErrors,
  extensionOf,
  mayDecide,
  standingApproval,
  writeApproval,
} from './service.ts';
import { temporaryApprovals } from './tables.ts';

type Approval = typeof temporaryApprovals.$inferSelect;

/** Writes the view of a correction's page to the audit trail (`part`: what it puts right). */
export const correctionViewed = (
  db: DbOrTx,
  who: Who,
  approvalId: string,
  part: 'approval-given' | 'approval-ending' | 'approval-extension',
) =>
  recordAudit(db, who.actor, { action: 'view', recordType: APPROVAL_RECORD, recordId: approvalId, detail: { part } });

/** The approval's row, locked: a decision recorded at the same moment reads it after the change. */
async function locked(tx: Tx, id: string): Promise<Approval | undefined> {
  const [row] = await tx.select().from(temporaryApprovals).where(eq(temporaryApprovals.id, id)).for('update');
  return row;
}

/** The last day an approval runs to (null while extended until an independent review's outcome). */
const runsOut = (a: Pick<Approval, 'extensionReason' | 'extendedUntil' | 'expiresOn'>) =>
  a.extensionReason === 'review' ? null : (a.extendedUntil ?? a.expiresOn);

/** The last day an approval ran to when extended for `reason`: its 16 weeks, or at most 8 weeks on for a review after an extension. */
const lastDayWhenExtended = (reason: string | null, expiresOn: IsoDate) =>
  reason === 'review' ? latestExtensionFor(expiresOn) : expiresOn;

/** What decided the approval, which what is put right must not come after: its ending and the household's full approval. */
const decisionsOn = (a: ApprovalRow, row: Approval) => [
  { on: row.endedOn, when: 'when it ended' },
  { on: a.fullyApprovedOn, when: `when ${a.householdName} was approved as foster carers` },
];

/** `what` on `day` after the first of `later` (what followed it), in words: it must be on or before it. */
function afterRefusals(what: string, day: IsoDate, later: { on: IsoDate | null; when: string }[]) {
  const first = later.find((l) => l.on && endedBeforeGiven(day, l.on));
  return first ? [`${what} must be on or before ${formatDate(first.on!)}, ${first.when}`] : [];
}

/**
 * The child's placements with the household made under the approval (started while it ran, as the row
 * stands): the first one's start, and the last one's when it starts after `lastDay` (the approval's last
 * day as put right; null: until a review's outcome), with the words for them.
 */
async function placedUnder(tx: Tx, a: ApprovalRow, row: Approval, lastDay: IsoDate | null) {
  const [placed] = await queryRows<{ first: IsoDate | null; last: IsoDate | null }>(
    tx,
    sql`select min(start_date)::text as first, max(start_date)::text as last from placements
      where child_id = ${row.childId} and household_id = ${row.householdId} and start_date >= ${row.approvedOn}::date
        and (${runsOut(row)}::date is null or start_date <= ${runsOut(row)}::date)`,
  );
  const last = placed?.last ?? null;
  return {
    first: placed?.first ?? null,
    outlasting: last && lastDay && compareIsoDates(last, lastDay) > 0 ? last : null,
    placedWith: `${a.childName} was placed with ${a.householdName}`,
  };
}

/** Why the approval cannot have been given on `approvedOn`, in words, under the rules above. */
async function dayRefusals(tx: Tx, a: ApprovalRow, row: Approval, approvedOn: IsoDate): Promise<string[]> {
  const [child] = await tx.select().from(children).where(eq(children.id, row.childId));
  const inCare = approvedOnErrors(child!, approvedOn).map((e) => e.message);
  if (inCare.length) return inCare;
  const date = 'Date of the temporary approval';
  const later = afterRefusals(date, approvedOn, [
    ...decisionsOn(a, row),
    { on: row.extendedOn, when: 'when it was extended' },
  ]);
  if (later.length) return later;
  const expiresOn = expiresOnFor(approvedOn);
  const weeks = `${date} cannot be ${formatDate(approvedOn)}: its 16 weeks would end on ${formatDate(expiresOn)}`;
  if (row.extendedOn) {
    const lastDay = lastDayWhenExtended(row.extensionReason, expiresOn);
    const bounds = extensionBounds({ approvedOn, expiresOn }, lastDay, { ...row, extendedOn: row.extendedOn });
    if (!bounds.decidedWhileRunning) return [`${weeks}, before it was extended on ${formatDate(row.extendedOn)}`];
    if (!bounds.untilAllowed) {
      return [
        `${weeks}, and its extension to ${formatDate(row.extendedUntil!)} must end after that and no later than ${formatDate(bounds.latest)}, 8 weeks on`,
      ];
    }
  }
  const lastDay = runsOut({ ...row, expiresOn });
  const placed = await placedUnder(tx, a, row, lastDay);
  if (placed.first && compareIsoDates(approvedOn, placed.first) > 0) {
    return [`${date} must be on or before ${formatDate(placed.first)}, when ${placed.placedWith}`];
  }
  if (placed.outlasting) {
    return [
      `${date} cannot be ${formatDate(approvedOn)}: it would run out on ${formatDate(lastDay!)}, before ${placed.placedWith} on ${formatDate(placed.outlasting)}`,
    ];
  }
  return [];
}

/**
 * Puts right the day the approval was given and the nominated officer who gave it (the rules above):
 * the last day of its 16 weeks, its deadline and what follows them move in the same transaction.
 */
export async function changeApproval(db: Db, who: Who, a: ApprovalRow, input: ApprovalInput): Promise<Result> {
  if (!(await mayDecide(db, who.user, a))) return forbidden;
  return inTransaction(db, async (tx) => {
    const row = await locked(tx, a.id);
    if (!row) return notFound;
    if (row.approvedOn === input.approvedOn && row.approvedBy === input.approvedBy) return { ok: true, id: a.id };
    if (row.approvedOn !== input.approvedOn) {
      const refusals = await dayRefusals(tx, a, row, input.approvedOn);
      if (refusals.length) return invalid(...refusals.map((message) => ({ field: 'approvedOn', message })));
    }
    const was = { approvedOn: row.approvedOn, approvedBy: row.approvedBy };
    return writeApproval(
      tx,
      who,
      a.id,
      { ...input, expiresOn: expiresOnFor(input.approvedOn) },
      { action: 'update', detail: { part: 'approval-given', ...input, was } },
    );
  });
}

/**
 * Why the extension cannot have been as `input` says, field by field, under the rules above: as
 * extending checks it (extensionErrors), from the last day it ran to when extended for that reason;
 * not after the approval's ending or full approval; still covering the placement made under it.
 */
async function extensionRefusals(tx: Tx, a: ApprovalRow, row: Approval, input: ExtendInput) {
  const lastDay = lastDayWhenExtended(input.extensionReason, row.expiresOn);
  const errors = extensionErrors(row, lastDay, input);
  if (errors.length) return errors;
  const later = afterRefusals('Date of the decision to extend', input.extendedOn, decisionsOn(a, row));
  if (later.length) return later.map((message) => ({ field: 'extendedOn', message }));
  const placed = await placedUnder(tx, a, row, runsOut({ ...row, ...input }));
  if (!placed.outlasting) return [];
  return [
    {
      field: 'extendedUntil',
      message: `New last day must be on or after ${formatDate(placed.outlasting)}, when ${placed.placedWith}`,
    },
  ];
}

/**
 * Puts right the extension's details (the rules above): the approval's last day, its deadline and what
 * follows them move in the same transaction; who recorded the extension stays.
 */
export async function changeExtension(db: Db, who: Who, a: ApprovalRow, input: ExtendInput): Promise<Result> {
  if (!(await mayDecide(db, who.user, a))) return forbidden;
  return inTransaction(db, async (tx) => {
    const row = await locked(tx, a.id);
    if (!row) return notFound;
    if (!row.extendedOn)
      return invalid({ field: 'extendedOn', message: 'This temporary approval has not been extended' });
    const was = extensionOf(row);
    const set = extensionOf(input);
    if (JSON.stringify(was) === JSON.stringify(set)) return { ok: true, id: a.id };
    const refusals = await extensionRefusals(tx, a, row, input);
    if (refusals.length) return invalid(...refusals);
    return writeApproval(tx, who, a.id, set, { action: 'update', detail: { part: 'approval-extension', ...set, was } });
  });
}

/** Why the approval's ending cannot be undone today, in words (none when it can): the rules above. */
export async function undoRefusals(db: DbOrTx, a: ApprovalRow, today: IsoDate): Promise<string[]> {
  const other = await standingApproval(db, a.childId, a);
  const refusals: string[] = [];
  if (other) {
    refusals.push(
      `${a.childName} has temporary approval with ${other.name}, given on ${formatDate(other.approvedOn)}, that has not ended: a child has one temporary approval at a time`,
    );
  }
  const lastDay = runsOut(a);
  if (lastDay && compareIsoDates(lastDay, today) < 0) {
    refusals.push(
      `It would have run out on ${formatDate(lastDay)}: a temporary approval that has run out cannot run again, and ${a.childName}’s placement with ${a.householdName} must end once other arrangements are made`,
    );
  }
  return refusals;
}

/** Undoes an ending recorded in error, with why: the approval runs again, its deadline back, in one transaction. */
export async function undoEnding(db: Db, who: Who, a: ApprovalRow, reason: string, today: IsoDate): Promise<Result> {
  if (!(await mayDecide(db, who.user, a))) return forbidden;
  return inTransaction(db, async (tx) => {
    const row = await locked(tx, a.id);
    if (!row) return notFound;
    if (!row.endedOn) return { ok: true, id: a.id };
    const refusals = await undoRefusals(tx, a, today);
    if (refusals.length) return invalid(...refusals.map((message) => ({ field: 'reason', message })));
    const was = { endedOn: row.endedOn, endReason: row.endReason, endNote: row.endNote };
    return writeApproval(
      tx,
      who,
      a.id,
      { endedOn: null, endReason: null, endNote: null, endedBy: null },
      { action: 'delete', detail: { part: 'approval-ending', reason, was } },
    );
  });
}
