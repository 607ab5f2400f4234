/** The panel's central list, its meetings, who sits and the agenda: rules and writes, each audited. */
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import { users } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { invalid, notFound, type Result, type Who } from '../../platform/views/results.ts';
import { candidatesFor } from './agenda.ts';
import { papersDueFor } from './dates.ts';
import type { ItemInput, MeetingInput, MemberInput } from './forms.ts';
import { itemsWithTerms } from './labels.ts';
import { panelAttendance, panelItems, panelMeetings, panelMembers } from './tables.ts';
import { skillLevelName } from '../households/labels.ts';
import { households } from '../households/tables.ts';

/** Adds a member to the central list, or changes one (`id`); the linked account must be a panel member's. */
export async function saveMember(db: Db, who: Who, input: MemberInput, id?: string): Promise<Result> {
  return db.transaction(async (tx) => {
    if (input.userId) {
      const [account] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId));
      if (!account || account.role !== 'panel_member') {
        return invalid({ field: 'userId', message: 'Select an account with the panel member role, or none' });
      }
      const [linked] = await tx
        .select({ id: panelMembers.id, name: panelMembers.name })
        .from(panelMembers)
        .where(eq(panelMembers.userId, input.userId));
      if (linked && linked.id !== id) {
        return invalid({
          field: 'userId',
          message: `That account is already ${linked.name}’s: select another, or none`,
        });
      }
    }
    if (input.leavesOn && input.leavesOn < input.joinedOn) {
      return invalid({ field: 'leavesOn', message: 'The date they leave must be on or after the date they joined' });
    }
    if (input.leavesOn && !input.noticeOn) {
      return invalid({ field: 'noticeOn', message: 'Enter the date they gave notice: a member leaves on notice' });
    }
    if (input.noticeOn && input.leavesOn && input.leavesOn < input.noticeOn) {
      return invalid({
        field: 'leavesOn',
        message: 'The date they leave must be on or after the date of their notice',
      });
    }
    let memberId = id;
    if (id) {
      const rows = await tx.update(panelMembers).set(input).where(eq(panelMembers.id, id)).returning();
      if (!rows.length) return notFound;
    } else {
      const [row] = await tx.insert(panelMembers).values(input).returning({ id: panelMembers.id });
      memberId = row!.id;
    }
    await recordAudit(tx, who.actor, {
      action: id ? 'update' : 'create',
      recordType: 'panel-member',
      recordId: memberId!,
    });
    return { ok: true, id: memberId! };
  });
}

export async function createMeeting(db: Db, who: Who, input: MeetingInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(panelMeetings)
      .values({ ...input, papersDueOn: papersDueFor(input.meetsOn) })
      .returning({ id: panelMeetings.id });
    await recordAudit(tx, who.actor, { action: 'create', recordType: 'panel-meeting', recordId: row!.id });
    return { ok: true, id: row!.id };
  });
}

/** Who sits on the meeting: members on the list on the meeting's day. Not after the minutes are signed. */
export async function setAttendance(db: Db, who: Who, meetingId: string, memberIds: string[]): Promise<Result> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(panelMeetings).where(eq(panelMeetings.id, meetingId)).for('update');
    if (!meeting) return notFound;
    if (meeting.minutesSignedOn) {
      return invalid({ field: 'memberIds', message: 'The minutes are signed: the attendance can no longer change' });
    }
    const members = memberIds.length
      ? await tx.select().from(panelMembers).where(inArray(panelMembers.id, memberIds))
      : [];
    const onList = members.filter(
      (m) => m.joinedOn <= meeting.meetsOn && (!m.leavesOn || m.leavesOn > meeting.meetsOn),
    );
    if (onList.length !== memberIds.length) {
      return invalid({
        field: 'memberIds',
        message: 'Select only members on the central list on the day of the meeting',
      });
    }
    await tx.delete(panelAttendance).where(eq(panelAttendance.meetingId, meetingId));
    if (onList.length) {
      await tx.insert(panelAttendance).values(onList.map((m) => ({ meetingId, memberId: m.id })));
    }
    await refreshDueItems(tx, 'panel-meeting', [meetingId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-meeting',
      recordId: meetingId,
      detail: { part: 'attendance', members: onList.length },
    });
    return { ok: true, id: meetingId };
  });
}

/** Puts a due household on the agenda (only a candidate agenda.ts lists for that kind). */
export async function addItem(db: Db, who: Who, meetingId: string, input: ItemInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(panelMeetings).where(eq(panelMeetings.id, meetingId));
    if (!meeting) return notFound;
    if (meeting.minutesSignedOn) {
      return invalid({ field: 'candidate', message: 'The minutes are signed: the agenda can no longer change' });
    }
    const [candidate] = await candidatesFor[input.kind](tx, { value: input.candidate });
    if (!candidate) {
      return invalid({ field: 'candidate', message: 'Select a household from the list of those due for this item' });
    }
    const skills = input.kind === 'skills_level';
    if (skills && input.skillLevel === null) {
      return invalid({ field: 'skillLevel', message: 'Select the skills level proposed' });
    }
    if (skills) {
      const [now] = await tx
        .select({ skillLevel: households.skillLevel })
        .from(households)
        .where(eq(households.id, candidate.householdId));
      if (now?.skillLevel === input.skillLevel) {
        return invalid({
          field: 'skillLevel',
          message: `The household is paid at ${skillLevelName(input.skillLevel!).toLowerCase()} already: select another level`,
        });
      }
    }
    const withTerms = itemsWithTerms.includes(input.kind);
    if (withTerms && (input.places === null || input.ageMin === null || input.ageMax === null)) {
      return invalid({
        field: 'places',
        message: 'Enter the terms proposed: the number of children and the youngest and oldest ages',
      });
    }
    if (withTerms && input.ageMin! > input.ageMax!) {
      return invalid({ field: 'ageMax', message: 'The oldest age must be the same as or more than the youngest' });
    }
    const [row] = await tx
      .insert(panelItems)
      .values({
        meetingId,
        kind: input.kind,
        householdId: candidate.householdId,
        sourceType: candidate.sourceType,
        sourceId: candidate.sourceId,
        ...(withTerms
          ? { places: input.places, ageMin: input.ageMin, ageMax: input.ageMax, careType: input.careType ?? null }
          : {}),
        skillLevel: skills ? input.skillLevel : null,
      })
      .returning({ id: panelItems.id });
    await refreshDueItems(tx, 'panel-meeting', [meetingId]);
    await recordAudits(tx, who.actor, [
      {
        action: 'create',
        recordType: 'panel-meeting',
        recordId: meetingId,
        detail: { part: 'agenda', kind: input.kind, householdId: candidate.householdId, itemId: row!.id },
      },
      { action: 'create', recordType: 'panel-item', recordId: row!.id, detail: { kind: input.kind } },
    ]);
    return { ok: true, id: row!.id };
  });
}

/** The meeting's attendance roles, for the quorum. */
export async function attendingRoles(db: DbOrTx, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ role: panelMembers.role })
    .from(panelAttendance)
    .innerJoin(panelMembers, eq(panelMembers.id, panelAttendance.memberId))
    .where(and(eq(panelAttendance.meetingId, meetingId)));
  return rows.map((r) => r.role);
}
