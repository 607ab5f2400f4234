/**
 * Test support: supervisions and agreements written straight to the database (their kept
 * deadlines refreshed, as the service does). Not used by the app.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { addYears } from '../../platform/dates/index.ts';
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
