/**
 * Recording a matter, changing it step by step, closing it, and reading it for its page. Every
 * change checks who may make it, keeps the stage and the deadlines in step and writes its audit
 * entry, all in one transaction.
 */
import { and, count, eq, max, sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { teams } from '../../platform/auth/tables.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addYears, todayInLondon } from '../../platform/dates/index.ts';
import { futureDateErrors } from '../../platform/views/date-input.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import type { ConcernFound } from '../../platform/modules/concerns-raised.ts';
import { forbidden, invalid, notFound, type FieldError, type Result, type Who } from '../../platform/views/results.ts';
import { findHouseholdReadInFull, type HouseholdRecord } from '../households/scope.ts';
import { carers, householdMembers } from '../households/tables.ts';
import type { MatterInput } from './forms.ts';
import type { Kind } from './labels.ts';
import {
  childrenPlacedSince,
  findVisibleConcern,
  matterChildren,
  type ConcernRecord,
  type MatterChild,
} from './queries.ts';
import { worksOn, type MatterPlace } from './scope.ts';
import { stageOf } from './stage.ts';
import { firstComplaintStage } from './complaint-deadlines.ts';
import {
  allegationMeetings,
  complaintStages,
  concernChildren,
  concerns,
  concernThemes,
  significantEvents,
} from './tables.ts';

/** What a step's change did: the fields it wrote (names only), and a correction's detail; or why not. */
export type Change =
  | {
      step: string;
      fields: string[];
      /** A correction's part of the record, what it said before and why it was changed. */
      detail?: Record<string, unknown>;
    }
  | { errors: FieldError[] };

/** Keeps the matter's stage and its deadlines in step with the record, in the caller's transaction. */
export async function refreshMatter(tx: DbOrTx, id: string): Promise<void> {
  const [row] = await tx.select().from(concerns).where(eq(concerns.id, id));
  if (!row) return;
  const [meetings] = await tx
    .select({ n: count() })
    .from(allegationMeetings)
    .where(eq(allegationMeetings.concernId, id));
  const [latest] = await tx
    .select({ stage: max(complaintStages.stage) })
    .from(complaintStages)
    .where(eq(complaintStages.concernId, id));
  const stage = stageOf({
    kind: row.kind,
    closedOn: row.closedOn,
    referredToLadoOn: row.referredToLadoOn,
    outcomeOn: row.outcomeOn,
    meetings: Number(meetings?.n ?? 0),
    complaintStage: latest?.stage ?? null,
  });
  await tx.update(concerns).set({ stage, updatedAt: new Date() }).where(eq(concerns.id, id));
  await refreshDueItems(tx, 'concern', [id]);
}

/**
 * Changes a matter: it must be visible to the user (404 otherwise) and theirs to change (403),
 * then `change` validates and writes; the stage, deadlines and audit entry follow.
 */
export async function changeMatter(
  db: DbOrTx,
  who: Who,
  id: string,
  may: (user: SignedInUser, record: ConcernRecord) => boolean,
  change: (tx: DbOrTx, record: ConcernRecord) => Promise<Change>,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const record = await findVisibleConcern(tx, who.user, id);
    if (!record) return notFound;
    if (!may(who.user, record)) return forbidden;
    const done = await change(tx, record);
    if ('errors' in done) return invalid(...done.errors);
    await refreshMatter(tx, id);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'concern',
      recordId: id,
      detail: { step: done.step, fields: done.fields, ...done.detail },
    });
    return { ok: true as const, id };
  });
}

/** Where a new matter would be, for who may record it: on a household, or a team's (no household). */
async function placeOf(
  tx: DbOrTx,
  user: SignedInUser,
  kind: Kind,
  at: { household: HouseholdRecord } | { teamId: string | null },
): Promise<MatterPlace | null> {
  if ('household' in at) {
    const h = at.household;
    return { kind, householdId: h.id, teamId: h.teamId, areaId: h.areaId, allocatedSswId: h.allocatedSswId };
  }
  if (!at.teamId) return null;
  const [team] = await tx.select({ id: teams.id, areaId: teams.areaId }).from(teams).where(eq(teams.id, at.teamId));
  return team ? { kind, householdId: null, teamId: team.id, areaId: team.areaId, allocatedSswId: null } : null;
}

/** Who it is about from the household's people, and the children from those placed there in the year before. */
export async function checkPeople(tx: DbOrTx, householdId: string | null, input: MatterInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.againstKind !== 'service') {
    const table = input.againstKind === 'carer' ? carers : householdMembers;
    const [person] = householdId
      ? await tx
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.id, input.personId ?? ''), eq(table.householdId, householdId)))
      : [];
    if (!person) errors.push({ field: 'personId', message: 'Select the person it is about from the list' });
  }
  if (input.childIds.length) {
    const placed = householdId ? await childrenPlacedSince(tx, householdId, addYears(input.knownOn, -1)) : [];
    const known = new Set(placed.map((c) => c.id));
    if (input.childIds.some((id) => !known.has(id))) {
      errors.push({ field: 'childIds', message: 'Select the children from the list' });
    }
  }
  return errors;
}

/** The allegation's Schedule 7 notification: made with it, due 24 hours after it became known. */
async function allegationEvent(
  tx: DbOrTx,
  user: SignedInUser,
  concernId: string,
  householdId: string,
  input: MatterInput,
) {
  const [event] = await tx
    .insert(significantEvents)
    .values({
      householdId,
      childId: input.childIds[0] ?? null,
      concernId,
      kind: 'allegation',
      summary: 'Allegation against a foster carer or a member of the household (see the allegation)',
      knownAt: sql`(${input.knownOn}::date + ${input.knownAtTime}::time) at time zone 'Europe/London'`,
      recordedBy: user.id,
    })
    .returning({ id: significantEvents.id });
  await refreshDueItems(tx, 'significant-event', [event!.id]);
}

/**
 * Records a matter on a household (or, for a complaint or compliment about the service alone, a
 * team's). An allegation also makes its notification of a significant event; a complaint starts
 * at stage 1; a compliment is recorded and closed.
 */
export async function recordMatter(
  db: DbOrTx,
  who: Who,
  at: { householdId: string } | { service: true },
  input: MatterInput,
  extra: { sourceAuditId?: string; raisedBy?: string; byAudit?: boolean } = {},
): Promise<Result> {
  return db.transaction(async (tx) => {
    let household: HouseholdRecord | null = null;
    if ('householdId' in at) {
      household = await findHouseholdReadInFull(tx, who.user, at.householdId);
      if (!household) return notFound;
    } else if (input.kind !== 'complaint' && input.kind !== 'compliment') {
      return invalid({ field: 'kind', message: 'Only a complaint or a compliment can be about the service alone' });
    }
    const place = await placeOf(tx, who.user, input.kind, household ? { household } : { teamId: input.teamId });
    if (!place) return invalid({ field: 'teamId', message: 'Select the team' });
    // An audit's concern is raised by whoever may audit the file (the audits module's rule).
    if (!extra.byAudit && !worksOn(who.user, place)) return forbidden;
    const errors = [
      ...futureDateErrors('knownOn', 'The date it became known', input.knownOn),
      ...(await checkPeople(tx, place.householdId, input)),
    ];
    if (input.knownAtTime && input.knownOn === todayInLondon()) {
      const now = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(
        new Date(),
      );
      if (input.knownAtTime > now)
        errors.push({ field: 'knownAtTime', message: 'The time it became known must be in the past' });
    }
    if (errors.length) return invalid(...errors);
    const closed = input.kind === 'compliment';
    const [row] = await tx
      .insert(concerns)
      .values({
        kind: input.kind,
        stage: 'recorded',
        householdId: place.householdId,
        teamId: place.householdId ? null : place.teamId,
        againstKind: input.againstKind,
        carerId: input.againstKind === 'carer' ? input.personId : null,
        memberId: input.againstKind === 'household_member' ? input.personId : null,
        raisedBy: extra.raisedBy ?? input.raisedBy,
        raisedByName: input.raisedByName,
        knownOn: input.knownOn,
        category: input.kind === 'compliment' ? null : input.category,
        summary: input.summary,
        sourceAuditId: extra.sourceAuditId ?? null,
        closedOn: closed ? input.knownOn : null,
        closedBy: closed ? who.user.id : null,
        recordedBy: who.user.id,
      })
      .returning({ id: concerns.id });
    const id = row!.id;
    if (input.childIds.length) {
      await tx.insert(concernChildren).values(input.childIds.map((childId) => ({ concernId: id, childId })));
    }
    if (input.kind === 'complaint') {
      await tx.insert(concernThemes).values(input.themes.map((theme) => ({ concernId: id, theme })));
      await tx.insert(complaintStages).values(firstComplaintStage(id, input.knownOn, who.user.id));
    }
    if (input.kind === 'allegation' && place.householdId) {
      await allegationEvent(tx, who.user, id, place.householdId, input);
    }
    await refreshMatter(tx, id);
    await recordAudit(tx, who.actor, {
      action: 'create',
      recordType: 'concern',
      recordId: id,
      detail: { kind: input.kind, householdId: place.householdId, children: input.childIds.length },
    });
    return { ok: true as const, id };
  });
}

/**
 * A safeguarding concern another module's work finds (a case-file audit's) becomes a
 * standard-of-care concern on the household at once, in that work's transaction, linked to the audit
 * that raised it (declared in the entry as `raisesConcerns`). The auditor must read the household in
 * full (whether they may audit it is the audits module's rule); the concern's deadlines and stage are
 * kept as for any other. Only a case audit raises concerns this way today.
 */
export async function raiseFoundConcern(tx: DbOrTx, who: Who, found: ConcernFound): Promise<Result> {
  if (found.foundBy.recordType !== 'case-audit') {
    return invalid({ field: 'summary', message: 'Only a case-file audit can raise a concern this way' });
  }
  return recordMatter(
    tx,
    who,
    { householdId: found.householdId },
    {
      kind: 'standard_of_care',
      againstKind: 'service',
      personId: null,
      raisedBy: 'staff',
      raisedByName: null,
      knownOn: todayInLondon(),
      knownAtTime: null,
      category: 'standards_of_care',
      summary: found.summary,
      childIds: [],
      themes: [],
      teamId: null,
    },
    { sourceAuditId: found.foundBy.recordId, raisedBy: 'audit', byAudit: true },
  );
}

/**
 * Reads a matter for its page, with the children it names (each account only for those who may
 * read it), and writes the 'view' to the audit trail with how many children's accounts were shown.
 */
export async function viewMatter(
  db: DbOrTx,
  who: Who,
  id: string,
  page: string,
): Promise<{ record: ConcernRecord; children: MatterChild[] } | null> {
  const record = await findVisibleConcern(db, who.user, id);
  if (!record) return null;
  const named = await matterChildren(db, who.user, id);
  await recordAudit(db, who.actor, {
    action: 'view',
    recordType: 'concern',
    recordId: id,
    detail: { page, childAccounts: named.filter((c) => c.account !== null).length },
  });
  return { record, children: named };
}
