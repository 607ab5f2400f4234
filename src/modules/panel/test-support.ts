/**
 * Test support: panel meetings, agenda items and agency decisions written straight to the
 * database (their kept deadlines refreshed, as the service does), and an approval through a
 * decision for tests of other modules that need an approved household. Not used by the app.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Agent } from '../../../test/support/app.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import type { Result, Who } from '../../platform/views/results.ts';
import { applyAgencyDecision, type DecidedTerms } from '../households/decided.ts';
import { letterDueFor, papersDueFor, toldDueFor } from './dates.ts';
import { agencyDecisions, panelAttendance, panelItems, panelMeetings, panelMembers } from './tables.ts';

/**
 * Approves a household in assessment as the agency decision does: a decision recorded (with no
 * panel record behind it, so marked imported) and applied to the household in one transaction.
 */
export async function approveByDecision(
  db: Db,
  who: Who,
  householdId: string,
  onDate: string,
  terms: DecidedTerms = { approvedPlaces: 2, ageMin: 0, ageMax: 17 },
): Promise<Result> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const decision = { id, outcome: 'approve' as const, onDate, reasons: 'Approved on the panel’s recommendation' };
    const applied = await applyAgencyDecision(tx, who, householdId, decision, terms);
    if (!applied.ok) return applied;
    await tx.insert(agencyDecisions).values({
      id,
      householdId,
      outcome: 'approve',
      agrees: true,
      reasons: decision.reasons,
      decidedOn: onDate,
      decidedBy: who.user.id,
      toldDueOn: toldDueFor(onDate),
      letterDueOn: letterDueFor(onDate),
      toldOn: onDate,
      letterSentOn: onDate,
      imported: true,
    });
    return { ok: true, id };
  });
}

export interface MeetingFixture {
  meetsOn: string;
  minutesSignedOn?: string | null;
  place?: string;
  online?: boolean;
}

export async function makeMeeting(db: DbOrTx, f: MeetingFixture) {
  const [row] = await db
    .insert(panelMeetings)
    .values({
      meetsOn: f.meetsOn,
      place: f.place ?? 'County Hall, Room 2',
      online: f.online ?? false,
      papersDueOn: papersDueFor(f.meetsOn),
      minutesSignedOn: f.minutesSignedOn ?? null,
      minutes: f.minutesSignedOn ? 'Minutes of the meeting' : null,
    })
    .returning();
  return row!;
}

/**
 * One of each of the panel's deadlines for a household: papers due to an unsigned meeting on
 * `meetsOn`, a decision due on a recommendation whose minutes were signed on `signedOn`, and an
 * applicant to tell of a decision made on `signedOn`.
 */
export async function makePanelDeadlines(db: DbOrTx, householdId: string, meetsOn: string, signedOn: string) {
  const coming = await makeMeeting(db, { meetsOn });
  const met = await makeMeeting(db, { meetsOn: signedOn, minutesSignedOn: signedOn });
  const recommended = { householdId, kind: 'standards_of_care', recommendation: 'approve', reasons: 'Standards met' };
  const [, waiting, decided] = await db
    .insert(panelItems)
    .values([
      { meetingId: coming.id, householdId, kind: 'standards_of_care' },
      { meetingId: met.id, ...recommended },
      { meetingId: met.id, ...recommended },
    ])
    .returning();
  const [decision] = await db
    .insert(agencyDecisions)
    .values({
      itemId: decided!.id,
      householdId,
      outcome: 'noted',
      agrees: true,
      reasons: 'Agreed',
      receivedOn: signedOn,
      decidedOn: signedOn,
      toldDueOn: toldDueFor(signedOn),
      letterDueOn: letterDueFor(signedOn),
    })
    .returning();
  await refreshDueItems(db, 'panel-meeting', [coming.id, met.id]);
  await refreshDueItems(db, 'agency-decision', [decision!.id]);
  return { coming, met, waiting: waiting!, decision: decision! };
}

/**
 * An item of `kind` for the household recommended (approve, 2 children aged 0 to 10, unanimous) at a
 * meeting on `meetsOn` whose minutes were signed on `signedOn`, written straight to the database.
 */
export async function recommendedItem(
  db: DbOrTx,
  f: { kind: string; householdId: string; meetsOn: string; signedOn: string; skillLevel?: number },
) {
  const meeting = await makeMeeting(db, { meetsOn: f.meetsOn, minutesSignedOn: f.signedOn });
  const [item] = await db
    .insert(panelItems)
    .values({
      meetingId: meeting.id,
      householdId: f.householdId,
      kind: f.kind,
      recommendation: 'approve',
      reasons: 'A thorough assessment',
      votesFor: 5,
      votesAgainst: 0,
      votesAbstaining: 0,
      places: 2,
      ageMin: 0,
      ageMax: 10,
      skillLevel: f.skillLevel ?? null,
    })
    .returning();
  return item!;
}

/** The decision maker decides on the item through the page (agreeing with the panel unless told not to): the response. */
export async function decideThroughPage(decider: Agent, itemId: string, on: string, agrees: 'yes' | 'no' = 'yes') {
  await decider.get(`/panel/items/${itemId}/decision`);
  return decider.post(`/panel/items/${itemId}/decision`, {
    agrees,
    reasons: 'Agreed on the panel’s reasons',
    ...dateBoxes('decidedOn', on),
  });
}

/** The panel adviser records a unanimous recommendation to approve (5 for), through the page: the response. */
export async function recommendApproval(adviser: Agent, itemId: string, reasons: string) {
  await adviser.get(`/panel/items/${itemId}/recommendation`);
  return adviser.post(`/panel/items/${itemId}/recommendation`, {
    recommendation: 'approve',
    reasons,
    votesFor: '5',
    votesAgainst: '0',
    votesAbstaining: '0',
  });
}

/** A panel meeting on the day with five voting members sitting (quorate), written straight to the database. */
export async function makeQuorateMeeting(db: DbOrTx, meetsOn: string) {
  const meeting = await makeMeeting(db, { meetsOn });
  for (const role of ['chair', 'social_worker', 'independent', 'independent', 'care_experienced']) {
    const [member] = await db
      .insert(panelMembers)
      .values({ name: `Member ${role}`, role, joinedOn: '2024-01-01' })
      .returning();
    await db.insert(panelAttendance).values({ meetingId: meeting.id, memberId: member!.id });
  }
  return meeting;
}

export type PaperFile = { name: string; type: string; bytes: Buffer };

/** Posts the upload form as a browser would: multipart, with the CSRF token from the form page. */
export async function postPaper(app: FastifyInstance, agent: Agent, itemId: string, title: string, file: PaperFile) {
  const form = await agent.get(`/panel/items/${itemId}/papers/new`);
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const boundary = '----hearthpaperboundary';
  const field = (name: string, value: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return app.inject({
    method: 'POST',
    url: `/panel/items/${itemId}/papers/new`,
    headers: { cookie: agent.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      field('_csrf', token),
      field('title', title),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}
