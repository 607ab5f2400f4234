/**
 * The recruitment module's writes: a step on a household's road (steps.ts), a new enquiry (which
 * makes the household through the households service) and an information event. Each checks
 * access on the server, keeps the household's deadlines and audits in the same transaction.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import {
  forbidden,
  inTransaction,
  invalid,
  notFound,
  Refused,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { householdLifecycle } from '../../platform/modules/household-lifecycle.ts';
import { findVisibleHousehold, type HouseholdRecord, householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import type { EnquiryInput, EventInput } from './forms.ts';
import { householdTypeFor } from './labels.ts';
import { recruitmentRecord, type RecruitmentRecord } from './queries.ts';
import { mayTake, type Step, type StepContext } from './step.ts';
import { recruitmentEnquiries, recruitmentEventAttendees, recruitmentEvents } from './tables.ts';

/** A household's road for one of its pages, if the viewer may see it; the view is audited. */
export async function viewRecruitment(
  db: Db,
  who: Who,
  id: string,
): Promise<{ household: HouseholdRecord; record: RecruitmentRecord } | null> {
  return db.transaction(async (tx) => {
    const household = await findVisibleHousehold(tx, who.user, id);
    if (!household) return null;
    await recordAudit(tx, who.actor, {
      action: 'view',
      recordType: 'household',
      recordId: id,
      detail: { page: 'recruitment' },
    });
    return { household, record: await recruitmentRecord(tx, id) };
  });
}

/** The context a step is drawn and applied in (the household read under the viewer's scope). */
export async function stepContext(db: DbOrTx, who: Who, id: string): Promise<StepContext | null> {
  const household = await findVisibleHousehold(db, who.user, id);
  if (!household) return null;
  return { db, user: who.user, household, record: await recruitmentRecord(db, id), today: todayInLondon() };
}

/** A step's form: its context, the view of the household written to the audit trail. */
export async function openStep(db: Db, who: Who, id: string, step: Step): Promise<StepContext | null> {
  return db.transaction(async (tx) => {
    const ctx = await stepContext(tx, who, id);
    if (!ctx) return null;
    await recordAudit(tx, who.actor, {
      action: 'view',
      recordType: 'household',
      recordId: id,
      detail: { page: `recruitment-${step.path}` },
    });
    return { ...ctx, db };
  });
}

/** Takes a step: refused unless the user may take it and the household has got to it. */
export async function takeStep<S extends z.ZodType>(
  db: Db,
  who: Who,
  id: string,
  step: Step<S>,
  input: z.infer<S>,
): Promise<Result> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select 1 from ${households} where ${households.id} = ${id} for update`);
    const ctx = await stepContext(tx, who, id);
    if (!ctx) return notFound;
    if (!mayTake(step, who.user, ctx)) return forbidden;
    if (!step.offered(ctx)) {
      return invalid({ field: step.dates[0] ?? 'form', message: `“${step.title}” is not open for this household now` });
    }
    const errors = await step.apply(tx, who, ctx, input);
    if (errors.length) throw new Refused(errors);
    await refreshDueItems(tx, 'household', [id]);
    await recordAudit(tx, who.actor, {
      action: step.auditAction ?? 'update',
      recordType: 'household',
      recordId: id,
      detail: { part: `recruitment-${step.path}`, ...step.auditDetail?.(ctx, input) },
    });
    return { ok: true, id };
  });
}

/** A new enquiry: the household (in status enquiry, through the households service) and how they found us. */
export async function recordNewEnquiry(db: Db, who: Who, input: EnquiryInput): Promise<Result> {
  if (input.enquiredOn > todayInLondon()) {
    return invalid({ field: 'enquiredOn', message: 'The date of the enquiry must be today or in the past' });
  }
  return inTransaction(db, async (tx) => {
    const made = await householdLifecycle().recordEnquiry(
      tx as unknown as Db,
      who,
      {
        name: input.carerLastName,
        addressLine1: input.addressLine1,
        addressLine2: input.addressLine2,
        town: input.town,
        postcode: input.postcode,
        teamId: input.teamId,
        householdType: householdTypeFor(input.interests),
        carerFirstName: input.carerFirstName,
        carerLastName: input.carerLastName,
      },
      input.enquiredOn,
    );
    if (!made.ok) return made;
    await tx.insert(recruitmentEnquiries).values({
      householdId: made.id,
      enquiredOn: input.enquiredOn,
      source: input.source,
      interests: input.interests,
      email: input.email,
      phone: input.phone,
      secondName: input.secondName,
      createdBy: who.user.id,
    });
    await refreshDueItems(tx, 'household', [made.id]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'household',
      recordId: made.id,
      detail: { part: 'recruitment-enquiry' },
    });
    return { ok: true, id: made.id };
  });
}

/** An information event and who came (households the user may see, at enquiry or application). */
export async function recordEvent(db: Db, who: Who, input: EventInput): Promise<Result> {
  if (input.heldOn > todayInLondon()) {
    return invalid({ field: 'heldOn', message: 'The date of the event must be today or in the past' });
  }
  return inTransaction(db, async (tx) => {
    const visible = input.attendees.length
      ? await tx
          .select({ id: households.id })
          .from(households)
          .where(sql`${households.id} in ${input.attendees} and ${householdVisibleTo(who.user)}`)
      : [];
    if (visible.length !== input.attendees.length) {
      return invalid({ field: 'attendees', message: 'Select who came from the list' });
    }
    const [event] = await tx
      .insert(recruitmentEvents)
      .values({ heldOn: input.heldOn, place: input.place, online: input.online === 'yes', createdBy: who.user.id })
      .returning({ id: recruitmentEvents.id });
    if (visible.length) {
      await tx
        .insert(recruitmentEventAttendees)
        .values(visible.map((h) => ({ eventId: event!.id, householdId: h.id })));
    }
    for (const h of visible) {
      await recordAudit(tx, who.actor, {
        action: 'update',
        recordType: 'household',
        recordId: h.id,
        detail: { part: 'recruitment-event' },
      });
    }
    return { ok: true, id: event!.id };
  });
}
