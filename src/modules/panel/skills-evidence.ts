/**
 * The evidence checklist for presenting carers at skills level 2 or 3 (business plan action 6.2):
 * the pieces of evidence the panel expects, each confirmed by the worker presenting the household
 * (someone who may change it, as for its papers), until the meeting's minutes are signed, beside
 * what the household's records hold (skills-evidence-facts.ts: the facts inform, the ticks stay the
 * worker's). Every reading and change is audited on the agenda item. Publishing a meeting's papers
 * with a checklist incomplete asks the adviser to confirm it (papers.ts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit, recordAudits } from '../../platform/audit/service.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { optionalText } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { invalid, notFound, type Refusal, type Result, type Who } from '../../platform/views/results.ts';
import { householdFor } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { itemDetail } from './queries.ts';
import { evidenceFacts, type EvidenceFacts } from './skills-evidence-facts.ts';
import { panelItems, panelSkillsEvidence } from './tables.ts';

/** The evidence the panel expects for a skills level, in the order the form asks for it. */
export const evidenceChecks = [
  {
    name: 'competencies',
    text: 'The supervising social worker’s report shows evidence against each competency of the level',
  },
  { name: 'training', text: 'The training the level asks for is done, as the carers’ training record shows' },
  { name: 'supervision', text: 'Supervision records show the skills in practice over the last year' },
  { name: 'annualReview', text: 'The latest annual review supports the level proposed' },
  { name: 'childrensViews', text: 'The views of the social workers of the children placed are included' },
  { name: 'carersPortfolio', text: 'The carers’ own portfolio or statement of evidence is included' },
] as const;
export type EvidenceCheck = (typeof evidenceChecks)[number]['name'];

export const evidenceForm = z.object({
  confirmed: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [v ?? []].flat())
    .pipe(
      z.array(
        z.enum(
          evidenceChecks.map((c) => c.name),
          { error: 'Select evidence from the list' },
        ),
      ),
    ),
  notes: optionalText(4000),
});
export type EvidenceInput = z.infer<typeof evidenceForm>;

export type Evidence = typeof panelSkillsEvidence.$inferSelect;

/** How many of the checks an item's evidence confirms. */
export const confirmedCount = (evidence: Evidence | null) =>
  evidence ? evidenceChecks.filter((c) => evidence[c.name]).length : 0;

/** The checklists of some items, by item id (for the meeting page: one query). */
export async function evidenceOfItems(db: DbOrTx, itemIds: string[]): Promise<Map<string, Evidence>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.select().from(panelSkillsEvidence).where(inArray(panelSkillsEvidence.itemId, itemIds));
  return new Map(rows.map((r) => [r.itemId, r]));
}

type Item = NonNullable<Awaited<ReturnType<typeof itemDetail>>>;
export type Checkable = { ok: true; found: Item; evidence: Evidence | null };

/** The skills level item, its household changeable by this user (else a refusal), and its checklist. */
async function itemToCheck(tx: DbOrTx, who: Who, itemId: string): Promise<Checkable | Refusal> {
  const found = isUuid(itemId) ? await itemDetail(tx, itemId) : null;
  if (!found || found.item.kind !== 'skills_level') return notFound;
  const access = await householdFor(tx, who.user, found.item.householdId, 'change');
  if (!access.ok) return access;
  const [evidence] = await tx.select().from(panelSkillsEvidence).where(eq(panelSkillsEvidence.itemId, itemId));
  return { ok: true, found, evidence: evidence ?? null };
}

export type Checked = Checkable & { facts: EvidenceFacts };

/**
 * The checklist to fill in, for a user who may present the household, with what Hearth holds beside
 * each piece as of the day. The reading is audited on the item, on the household whose records it
 * shows, and on each open allegation or concern it names.
 */
export async function evidenceToCheck(
  db: DbOrTx,
  who: Who,
  itemId: string,
  today: IsoDate = todayInLondon(),
): Promise<Checked | Refusal> {
  return db.transaction(async (tx) => {
    const got = await itemToCheck(tx, who, itemId);
    if (!got.ok) return got;
    const facts = await evidenceFacts(tx, who.user, got.found.item.householdId, today);
    await recordAudits(tx, who.actor, [
      { action: 'view', recordType: 'panel-item', recordId: itemId, detail: { part: 'skills-evidence' } },
      {
        action: 'view',
        recordType: 'household',
        recordId: got.found.item.householdId,
        detail: { part: 'skills-evidence' },
      },
      ...facts.matterIds.map((id) => ({
        action: 'view',
        recordType: 'concern',
        recordId: id,
        detail: { page: 'skills-evidence' },
      })),
    ]);
    return { ...got, facts };
  });
}

/** A skills level item of a meeting whose checklist is not complete: the household and how much is confirmed. */
export interface IncompleteEvidence {
  itemId: string;
  household: string;
  confirmed: number;
}

/** The skills level items of a meeting whose checklist is incomplete or missing, in agenda order (one query). */
export async function incompleteEvidenceOf(db: DbOrTx, meetingId: string): Promise<IncompleteEvidence[]> {
  const rows = await db
    .select({ itemId: panelItems.id, household: households.name, evidence: panelSkillsEvidence })
    .from(panelItems)
    .innerJoin(households, eq(households.id, panelItems.householdId))
    .leftJoin(panelSkillsEvidence, eq(panelSkillsEvidence.itemId, panelItems.id))
    .where(and(eq(panelItems.meetingId, meetingId), eq(panelItems.kind, 'skills_level')))
    .orderBy(asc(panelItems.createdAt));
  return rows
    .map((r) => ({ itemId: r.itemId, household: r.household, confirmed: confirmedCount(r.evidence) }))
    .filter((r) => r.confirmed < evidenceChecks.length);
}

/** Records the checklist as confirmed today by this user. */
export async function recordEvidence(
  db: DbOrTx,
  who: Who,
  itemId: string,
  input: EvidenceInput,
  today: IsoDate = todayInLondon(),
): Promise<Result> {
  return db.transaction(async (tx) => {
    const got = await itemToCheck(tx, who, itemId);
    if (!got.ok) return got;
    if (got.found.meeting.minutesSignedOn) {
      return invalid({
        field: 'confirmed',
        message: 'The minutes of this meeting are signed: the evidence can no longer be changed',
      });
    }
    const values = {
      ...Object.fromEntries(evidenceChecks.map((c) => [c.name, input.confirmed.includes(c.name)])),
      notes: input.notes || null,
      checkedBy: who.user.id,
      checkedOn: today,
      updatedAt: new Date(),
    } as Omit<typeof panelSkillsEvidence.$inferInsert, 'itemId'>;
    await tx
      .insert(panelSkillsEvidence)
      .values({ itemId, ...values })
      .onConflictDoUpdate({ target: panelSkillsEvidence.itemId, set: values });
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'panel-item',
      recordId: itemId,
      detail: { part: 'skills-evidence' },
    });
    return { ok: true as const, id: got.found.meeting.id };
  });
}
