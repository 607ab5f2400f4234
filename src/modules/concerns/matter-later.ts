/**
 * What was recorded on a matter after its opening details (the steps of allegation-steps.ts,
 * complaint-steps.ts and matter-steps.ts, and who was told of an allegation's notification), in the
 * service's words with their dates: the opening's date may not move after the first of them, and a
 * matter with any of them is changed, never removed.
 */
import { named } from '../../platform/views/format.ts';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { children } from '../children/tables.ts';
import { placements } from '../placements/tables.ts';
import { meetingNames, recipientNames } from './labels.ts';
import {
  allegationMeetings,
  complaintStages,
  concernChildren,
  concernPlacements,
  concerns,
  eventNotices,
  significantEvents,
} from './tables.ts';

type ConcernRow = typeof concerns.$inferSelect;

/** A step recorded after the opening: what it was, in words ("the referral to the LADO"), and its date if it has one. */
export interface LaterStep {
  what: string;
  on: string | null;
}

const childName = sql<string>`${children.firstName} || ' ' || ${children.lastName}`;

/** Every step recorded on the matter after its opening, dated ones first by date. */
export async function laterSteps(db: DbOrTx, c: ConcernRow): Promise<LaterStep[]> {
  const steps: LaterStep[] = [];
  const add = (on: string | null, what: string) => {
    if (on) steps.push({ on, what });
  };
  add(c.referredToLadoOn, 'the referral to the LADO');
  add(c.ladoDecisionOn, 'the LADO’s decision on immediate action');
  add(c.outcomeOn, 'the outcome');
  add(c.carerToldOn, 'the outcome given to the carer');
  add(c.presentedToPanelOn, 'its presentation to the fostering panel');
  add(c.supportOfferedOn, 'the independent support offered to the carer');
  // A compliment is closed the day it is recorded: its closing is part of its opening.
  if (c.kind !== 'compliment') add(c.closedOn, 'its closing');
  const meetings = await db
    .select({ kind: allegationMeetings.kind, heldOn: allegationMeetings.heldOn })
    .from(allegationMeetings)
    .where(eq(allegationMeetings.concernId, c.id));
  for (const m of meetings) add(m.heldOn, `the ${named(meetingNames, m.kind).toLowerCase()}`);
  const linked = await db
    .select({ effect: concernPlacements.effect, onDate: concernPlacements.onDate, name: childName })
    .from(concernPlacements)
    .innerJoin(placements, eq(placements.id, concernPlacements.placementId))
    .innerJoin(children, eq(children.id, placements.childId))
    .where(eq(concernPlacements.concernId, c.id));
  for (const p of linked) {
    add(p.onDate, `the ${p.effect === 'suspended' ? 'suspension' : 'ending'} of ${p.name}’s placement`);
  }
  for (const child of await namedChildren(db, c.id)) {
    add(child.outcomeToldOn, `the outcome given to ${child.name}`);
    if (child.account !== null) steps.push({ on: null, what: `${child.name}’s account` });
  }
  const stages = await db
    .select()
    .from(complaintStages)
    .where(eq(complaintStages.concernId, c.id))
    .orderBy(asc(complaintStages.stage));
  for (const s of stages) {
    // Stage 1 is received with the complaint: its receipt is the opening itself.
    if (s.stage > 1) add(s.receivedOn, `the request for stage ${s.stage}`);
    if (s.extended) steps.push({ on: null, what: `the extension of stage ${s.stage}` });
    add(s.panelOn, `the stage ${s.stage} review panel`);
    add(s.reportOn, `the stage ${s.stage} review panel’s report`);
    add(s.respondedOn, `the stage ${s.stage} response`);
  }
  const dated = steps.filter((s) => s.on !== null).sort((a, b) => (a.on! < b.on! ? -1 : a.on! > b.on! ? 1 : 0));
  return [...dated, ...steps.filter((s) => s.on === null)];
}

/** The children the matter names, with what is recorded for each (not the account itself: only whether there is one). */
export async function namedChildren(db: DbOrTx, concernId: string) {
  return db
    .select({
      childId: concernChildren.childId,
      name: childName,
      reference: children.reference,
      outcomeToldOn: concernChildren.outcomeToldOn,
      account: sql<string | null>`case when ${concernChildren.account} is null then null else '' end`,
    })
    .from(concernChildren)
    .innerJoin(children, eq(children.id, concernChildren.childId))
    .where(eq(concernChildren.concernId, concernId))
    .orderBy(asc(children.reference));
}

/** The allegation's notification and who was told of it, first told first (none for other kinds). */
export async function notificationOf(db: DbOrTx, concernId: string) {
  const [event] = await db.select().from(significantEvents).where(eq(significantEvents.concernId, concernId));
  if (!event) return null;
  const notices = await db
    .select()
    .from(eventNotices)
    .where(eq(eventNotices.eventId, event.id))
    .orderBy(asc(eventNotices.toldAt));
  return { event, notices };
}

/** Who was told, as it reads in a sentence ("Ofsted", "the police"). */
export const toldWords = (recipient: string) =>
  recipient === 'ofsted' ? 'Ofsted' : named(recipientNames, recipient).replace(/^./, (ch) => ch.toLowerCase());
