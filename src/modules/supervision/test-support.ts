/**
 * Test support: supervisions and agreements written straight to the database (their kept
 * deadlines refreshed, as the service does). Not used by the app.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { addDays, addYears } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { userIdByUsername } from '../../../test/support/households.ts';
import { refreshSupervisionFacts } from './facts.ts';
import { supervisionAgreements, supervisionChildren, supervisions } from './tables.ts';

export interface SupervisionFixture {
  householdId: string;
  visitDate: string;
  announced?: boolean;
  status?: 'draft' | 'final';
  notesSentOn?: string | null;
  /** child id → seen, seen_alone or not_seen */
  seen?: Record<string, string>;
}

/** A supervision visit (finalised and announced unless said otherwise) by ssw. */
export async function makeSupervision(db: DbOrTx, f: SupervisionFixture) {
  const authorId = await userIdByUsername(db, 'ssw');
  const status = f.status ?? 'final';
  const [row] = await db
    .insert(supervisions)
    .values({
      householdId: f.householdId,
      visitDate: f.visitDate,
      announced: f.announced ?? true,
      attendees: 'Both carers',
      workingWell: 'Routines',
      worries: 'None',
      needsToHappen: 'Carry on',
      scalingQuestion: 'How settled?',
      scalingScore: 7,
      status,
      authorId,
      finalisedAt: status === 'final' ? new Date(`${f.visitDate}T12:00:00Z`) : null,
      finalisedBy: status === 'final' ? authorId : null,
      notesSentOn: f.notesSentOn ?? null,
    })
    .returning();
  const seen = Object.entries(f.seen ?? {});
  if (seen.length) {
    await db
      .insert(supervisionChildren)
      .values(seen.map(([childId, s]) => ({ supervisionId: row!.id, childId, seen: s })));
  }
  await refreshDueItems(db, 'supervision', [row!.id]);
  await refreshSupervisionFacts(db, f.householdId); // as the service does
  return row!;
}

/** A signed supervision agreement, reviewed 12 months after signing. */
export async function makeAgreement(db: DbOrTx, householdId: string, signedOn: string) {
  await db
    .insert(supervisionAgreements)
    .values({ householdId, signedOn, signedByCarers: 'Both carers', reviewOn: addYears(signedOn, 1) });
  await refreshDueItems(db, 'household', [householdId]);
  await refreshSupervisionFacts(db, householdId); // as the service does
}

/** The supervision form's answers for a visit on `visitDate`, as a supervising social worker fills it in (`extra` added or replacing). */
export const visitAnswers = (visitDate: string, today: string, extra: Record<string, string> = {}) => ({
  ...dateBoxes('visitDate', visitDate),
  announced: 'unannounced',
  attendees: 'Both carers and the supervising social worker',
  workingWell: 'Settled routines at bedtime',
  worries: 'School attendance has dipped',
  needsToHappen: 'Meet the school about attendance',
  scalingQuestion: 'How settled is the placement?',
  scalingScore: '7',
  action1: 'Arrange a meeting with the school',
  action1Owner: 'Supervising social worker',
  ...dateBoxes('action1Due', addDays(today, 14)),
  ...extra,
});
