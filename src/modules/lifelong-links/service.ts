/**
 * Recording a child's Lifelong Links work: starting it, then each step (the child's agreement, the
 * coordinator and people found, the family network meeting, the plan agreed, the end). Every change
 * checks who may make it, keeps the steps in order (no date before the child was born, the work
 * started or an earlier step, nor after a later one; no step before the one it follows) and writes
 * its audit entry in one transaction; every view of a work is audited. No deadline applies. The
 * start (the day the child was identified, the coordinator) may be put right, ended work too.
 */
import { and, desc, eq, lte, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { compareIsoDates, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { markProvisionalFiguresOutOfDate } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  type Invalid,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import type { AgreementInput, EndInput, MeetingInput, PeopleInput, PlanInput, StartInput } from './forms.ts';
import type { WorkRow } from './queries.ts';
import { mayRecordWork, workChildVisibleTo } from './scope.ts';
import { lifelongLinks } from './tables.ts';

/** The work as a record of the audit trail (and of "who has seen or changed this record"). */
export const WORK_RECORD = 'lifelong-links';

/** Audits a view of the works shown (the work's page, or the section on the child's page). */
export async function auditWorksViewed(db: DbOrTx, who: Who, workIds: string[], page: string): Promise<void> {
  for (const id of workIds) {
    await recordAudit(db, who.actor, { action: 'view', recordType: WORK_RECORD, recordId: id, detail: { page } });
  }
}

type Locked = typeof lifelongLinks.$inferSelect;
type Child = { id: string; dateOfBirth: IsoDate };

/**
 * Why a child's work cannot start on `identifiedOn`, as the start form says it: not before they were
 * born, nor while other work of theirs is open, nor before their work before it ended. Given the
 * work being corrected, only the child's work that ended before it counts ("before this one").
 */
async function startRefusal(tx: DbOrTx, child: Child, identifiedOn: IsoDate, corrected?: Locked) {
  if (compareIsoDates(identifiedOn, child.dateOfBirth) < 0) {
    return invalid({
      field: 'identifiedOn',
      message: `Date the child was identified must be on or after their date of birth, ${formatDate(child.dateOfBirth)}`,
    });
  }
  const endedBefore = corrected
    ? and(ne(lifelongLinks.id, corrected.id), lte(lifelongLinks.endedOn, corrected.identifiedOn))
    : undefined;
  const [last] = await tx
    .select({ endedOn: lifelongLinks.endedOn })
    .from(lifelongLinks)
    .where(and(eq(lifelongLinks.childId, child.id), endedBefore))
    .orderBy(sql`${lifelongLinks.endedOn} is not null`, desc(lifelongLinks.endedOn))
    .limit(1);
  if (last && last.endedOn === null) {
    return invalid({ field: 'identifiedOn', message: 'The child’s Lifelong Links work is already open' });
  }
  if (last?.endedOn && compareIsoDates(identifiedOn, last.endedOn) < 0) {
    const which = corrected ? 'their Lifelong Links work before this one' : 'their last Lifelong Links work';
    return invalid({
      field: 'identifiedOn',
      message: `Date the child was identified must be on or after the day ${which} ended, ${formatDate(last.endedOn)}`,
    });
  }
  return undefined;
}

/** Writes the view of the start form filled in (to put the start right) to the audit trail. */
export const startFormViewed = (db: DbOrTx, who: Who, workId: string) =>
  recordAudit(db, who.actor, {
    action: 'view',
    recordType: WORK_RECORD,
    recordId: workId,
    detail: { part: 'lifelong-links-start' },
  });

/** Starts a child's work (one open at a time; not before they were born or their last work ended). */
export async function startWork(db: Db, who: Who, child: Child, input: StartInput): Promise<Result> {
  if (!mayRecordWork(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const refused = await startRefusal(tx, child, input.identifiedOn);
    if (refused) return refused;
    const [made] = await tx
      .insert(lifelongLinks)
      .values({
        childId: child.id,
        identifiedOn: input.identifiedOn,
        identifiedBy: who.user.id,
        coordinator: input.coordinator,
      })
      .onConflictDoNothing()
      .returning({ id: lifelongLinks.id });
    if (!made) return invalid({ field: 'identifiedOn', message: 'The child’s Lifelong Links work is already open' });
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: WORK_RECORD,
      recordId: made.id,
      detail: { identifiedOn: input.identifiedOn },
    });
    return { ok: true as const, id: made.id };
  });
}

/** The dated steps in order, each with its date on a work and its words in a message ("the day …", "when …"). */
const datedSteps = [
  { step: 'identified', on: (w: Locked) => w.identifiedOn, words: 'the day the child was identified', when: '' },
  { step: 'agreement', on: (w: Locked) => w.agreedOn, words: 'the day the child agreed', when: 'the child agreed' },
  {
    step: 'meeting',
    on: (w: Locked) => w.meetingOn,
    words: 'the day of the family network meeting',
    when: 'the family network meeting was held',
  },
  {
    step: 'plan',
    on: (w: Locked) => w.planAgreedOn,
    words: 'the day the plan was agreed',
    when: 'the plan was agreed',
  },
  { step: 'end', on: (w: Locked) => w.endedOn, words: 'the day the work ended', when: 'the work ended' },
] as const;
type DatedStep = (typeof datedSteps)[number]['step'];

/**
 * Whether `date` keeps the step in order on this work: on or after every earlier step's date and
 * on or before every later one's. The message names the field and the day it must follow or precede.
 */
export function outOfOrder(work: Locked, step: DatedStep, date: IsoDate, field: string, what: string) {
  const at = datedSteps.findIndex((s) => s.step === step);
  for (const earlier of datedSteps.slice(0, at).reverse()) {
    const day = earlier.on(work);
    if (day && compareIsoDates(date, day) < 0) {
      return invalid({ field, message: `${what} must be on or after ${earlier.words}, ${formatDate(day)}` });
    }
  }
  for (const later of datedSteps.slice(at + 1)) {
    const day = later.on(work);
    if (day && compareIsoDates(date, day) > 0) {
      return invalid({ field, message: `${what} must be on or before ${later.words}, ${formatDate(day)}` });
    }
  }
  return undefined;
}

const agreementRecorded = (w: Pick<Locked, 'agreedOn' | 'notAskedReason'>) =>
  w.agreedOn !== null || w.notAskedReason !== null;

/** Which steps may be recorded on the work as it stands (ended work takes none). */
export function stepsOpen(w: Pick<WorkRow, 'agreedOn' | 'notAskedReason' | 'meetingOn' | 'endedOn'>) {
  const open = w.endedOn === null;
  const agreed = agreementRecorded(w);
  return {
    agreement: open,
    people: open && agreed,
    meeting: open && agreed,
    plan: open && w.meetingOn !== null,
    end: open,
  };
}

/**
 * A change to an open work, for those who may record it, within the child's access: the work
 * locked, the change made (or refused with the form's errors), its audit entry written, all in one
 * transaction. Ended work is no longer changed, but for its start put right (`ended: 'changed too'`).
 */
async function changeWork(
  db: Db,
  who: Who,
  workId: string,
  // The audit entry's detail, or how to make it from the work as it was before the change.
  audit: { action: string; detail: Record<string, unknown> | ((before: Locked) => Record<string, unknown>) },
  change: (tx: DbOrTx, work: Locked, child: Child) => Promise<Partial<typeof lifelongLinks.$inferInsert> | Invalid>,
  ended: 'refused' | 'changed too' = 'refused',
): Promise<Result> {
  if (!mayRecordWork(who.user)) return forbidden;
  return inTransaction(db, async (tx) => {
    const [work] = await tx
      .select({ work: lifelongLinks, child: { id: children.id, dateOfBirth: children.dateOfBirth } })
      .from(lifelongLinks)
      .innerJoin(children, eq(children.id, lifelongLinks.childId))
      .where(and(eq(lifelongLinks.id, workId), workChildVisibleTo(who.user)))
      .for('update', { of: lifelongLinks });
    if (!work) return notFound;
    if (work.work.endedOn !== null && ended === 'refused') {
      return invalid({ field: 'form', message: 'This Lifelong Links work has ended: it can no longer be changed' });
    }
    const values = await change(tx, work.work, work.child);
    if ('reason' in values) return values;
    if (!Object.keys(values).length) return { ok: true as const, id: workId }; // nothing changed, nothing to audit
    await tx
      .update(lifelongLinks)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(lifelongLinks.id, workId));
    const detail = typeof audit.detail === 'function' ? audit.detail(work.work) : audit.detail;
    await recordAudit(tx, who.actor, { action: audit.action, detail, recordType: WORK_RECORD, recordId: workId });
    return { ok: true as const, id: workId };
  });
}

/** The child's agreement: the day they agreed, or why they were not asked. */
export function recordAgreement(db: Db, who: Who, workId: string, input: AgreementInput) {
  const detail = { part: 'lifelong-links-agreement', agreedOn: input.agreedOn, notAskedReason: input.notAskedReason };
  return changeWork(db, who, workId, { action: 'update', detail }, async (_tx, work) => {
    if (input.agreedOn) {
      const refused = outOfOrder(work, 'agreement', input.agreedOn, 'agreedOn', 'Date the child agreed');
      if (refused) return refused;
    }
    return { agreedOn: input.agreedOn, notAskedReason: input.notAskedReason, agreementRecordedBy: who.user.id };
  });
}

/** Record the child's agreement first: the search for people, and the meeting, follow it. */
const agreementFirst = (field: string) =>
  invalid({ field, message: 'Record the child’s agreement, or why they were not asked, first' });

/** The coordinator and the people found and contacted so far. */
export function recordPeople(db: Db, who: Who, workId: string, input: PeopleInput) {
  const detail = { part: 'lifelong-links-people', found: input.peopleFound, contacted: input.peopleContacted };
  return changeWork(db, who, workId, { action: 'update', detail }, async (_tx, work) => {
    if (!agreementRecorded(work)) return agreementFirst('peopleFound');
    return {
      coordinator: input.coordinator,
      peopleFound: input.peopleFound,
      peopleContacted: input.peopleContacted,
      peopleRecordedBy: who.user.id,
      peopleRecordedAt: new Date(),
    };
  });
}

/** The family network meeting: the day it was held (after the child's agreement). */
export function recordMeeting(db: Db, who: Who, workId: string, input: MeetingInput) {
  const detail = { part: 'lifelong-links-meeting', meetingOn: input.meetingOn };
  return changeWork(db, who, workId, { action: 'update', detail }, async (_tx, work) => {
    if (!agreementRecorded(work)) return agreementFirst('meetingOn');
    const refused = outOfOrder(work, 'meeting', input.meetingOn, 'meetingOn', 'Date of the family network meeting');
    return refused ?? { meetingOn: input.meetingOn, meetingRecordedBy: who.user.id };
  });
}

/** The plan agreed: the day and a note (after the family network meeting). */
export function recordPlan(db: Db, who: Who, workId: string, input: PlanInput) {
  const detail = { part: 'lifelong-links-plan', planAgreedOn: input.planAgreedOn };
  return changeWork(db, who, workId, { action: 'update', detail }, async (_tx, work) => {
    if (work.meetingOn === null) {
      return invalid({ field: 'planAgreedOn', message: 'Record the family network meeting first' });
    }
    const refused = outOfOrder(work, 'plan', input.planAgreedOn, 'planAgreedOn', 'Date the plan was agreed');
    return refused ?? { planAgreedOn: input.planAgreedOn, planNote: input.planNote, planRecordedBy: who.user.id };
  });
}

/** Ends the work: the day (on or after every step), why, and a note. "A plan agreed" needs the plan recorded. */
export function endWork(db: Db, who: Who, workId: string, input: EndInput) {
  const detail = { endedOn: input.endedOn, endReason: input.endReason };
  return changeWork(db, who, workId, { action: 'end', detail }, async (_tx, work) => {
    if (input.endReason === 'plan-agreed' && work.planAgreedOn === null) {
      return invalid({ field: 'endReason', message: 'Record the plan agreed first, or choose another reason' });
    }
    const refused = outOfOrder(work, 'end', input.endedOn, 'endedOn', 'Date the work ended');
    return (
      refused ?? { endedOn: input.endedOn, endReason: input.endReason, endNote: input.endNote, endedBy: who.user.id }
    );
  });
}

/**
 * The start put right (typed wrongly on the start form): the day the child was identified and the
 * coordinator, on the start form filled in, by those who may record the work, ended work too (the
 * children joining this year are counted from that day). The day is checked as the start form checks
 * it (a real day, not in the future, not before the child was born nor before their work before this
 * one ended), and kept before the steps that followed it: on or before the first of the day the child
 * agreed, the family network meeting, the plan agreed, the work's end and the day the people found
 * were last updated. No deadline counts from it (no statutory timescale applies); the current month's
 * figures are counted again. The audit entry keeps what the start said before.
 */
export function changeStart(db: Db, who: Who, workId: string, input: StartInput) {
  const detail = (before: Locked) => ({
    part: 'lifelong-links-start',
    ...input,
    was: { identifiedOn: before.identifiedOn, coordinator: before.coordinator },
  });
  const change = async (tx: DbOrTx, work: Locked, child: Child) => {
    const redated = work.identifiedOn !== input.identifiedOn;
    if (!redated && work.coordinator === input.coordinator) return {};
    if (redated) {
      const refused = (await startRefusal(tx, child, input.identifiedOn, work)) ?? afterLaterStep(work, input);
      if (refused) return refused;
      await markProvisionalFiguresOutOfDate(tx);
    }
    return { identifiedOn: input.identifiedOn, coordinator: input.coordinator };
  };
  return changeWork(db, who, workId, { action: 'update', detail }, change, 'changed too');
}

/** A start after the first step recorded after it is refused, saying which step and its day. */
function afterLaterStep(work: Locked, input: StartInput) {
  const people = work.peopleRecordedAt && todayInLondon(work.peopleRecordedAt);
  const later = [
    ...datedSteps.slice(1).map((s) => ({ on: s.on(work), when: s.when })),
    { on: people, when: 'the people found were last updated' },
  ].filter((s): s is { on: IsoDate; when: string } => Boolean(s.on));
  const first = later.sort((a, b) => compareIsoDates(a.on, b.on))[0];
  if (!first || compareIsoDates(input.identifiedOn, first.on) <= 0) return undefined;
  return invalid({
    field: 'identifiedOn',
    message: `Date the child was identified must be on or before ${formatDate(first.on)}, when ${first.when}`,
  });
}
