/**
 * What only an agency decision changes on a household (Fostering Services (England) Regulations
 * 2011, regulations 26 to 28): its approval with the terms decided, a change of its terms, its
 * deregistration. Run by the panel module inside the decision's own transaction (this module's
 * panel business, declared in its entry), after it has checked the decision maker's access; never
 * from a page of this module.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import type { AgencyDecision, PanelBusiness } from '../../platform/modules/panel-business.ts';
import { changedFields } from './access.ts';
import { withdrawDecisionFromHousehold } from './decision-withdrawn.ts';
import { invalid, notFound, type Who } from '../../platform/views/results.ts';
import { findHouseholdById } from './scope.ts';
import { lockHousehold, writeStatus, type Result } from './service.ts';
import { approvalStandsWhile, statusName } from './labels.ts';
import { households } from './tables.ts';

export interface DecidedTerms {
  approvedPlaces: number;
  ageMin: number;
  ageMax: number;
}

async function setTerms(tx: DbOrTx, who: Who, id: string, before: object, terms: DecidedTerms, decisionId: string) {
  const fields = changedFields(before, terms);
  if (!fields.length) return;
  await tx
    .update(households)
    .set({ ...terms, updatedAt: new Date() })
    .where(eq(households.id, id));
  await refreshDueItems(tx, 'household', [id]);
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: id,
    detail: { part: 'terms', fields, by: 'agency-decision', recordId: decisionId },
  });
}

/**
 * Applies an agency decision to the household: 'approve' (in assessment to approved, with the
 * terms), 'change_of_terms' (an approved household's terms) or 'deregister'. Refused when the
 * household is not in a status the decision can move.
 */
export async function applyAgencyDecision(
  tx: DbOrTx,
  who: Who,
  householdId: string,
  decision: { id: string; outcome: 'approve' | 'change_of_terms' | 'deregister'; onDate: string; reasons: string },
  terms: DecidedTerms | null,
): Promise<Result> {
  await lockHousehold(tx, householdId);
  const household = await findHouseholdById(tx, householdId);
  if (!household) return notFound;
  const status = household.status;
  // An approval from assessment; a change of terms or a deregistration while the approval stands.
  const allowed = decision.outcome === 'approve' ? status === 'in_assessment' : approvalStandsWhile(status);
  if (!allowed) {
    return invalid({
      field: 'agrees',
      message: `The household is ${statusName(status).toLowerCase()}: this decision cannot be applied to it`,
    });
  }
  if (terms) await setTerms(tx, who, householdId, household, terms, decision.id);
  if (decision.outcome === 'approve' || decision.outcome === 'deregister') {
    const toStatus = decision.outcome === 'approve' ? 'approved' : 'deregistered';
    const onDate = decision.onDate < household.statusSince ? household.statusSince : decision.onDate;
    await writeStatus(
      tx,
      who,
      household,
      { toStatus, onDate, reason: decision.outcome === 'deregister' ? decision.reasons : null },
      { origin: 'agency-decision', decisionId: decision.id },
    );
  }
  return { ok: true };
}

const outcomesForTheHousehold = ['approve', 'change_of_terms', 'deregister'] as const;

/**
 * A skills level agreed by the agency decision maker: the household is paid at that level from
 * the decision (payments reads the household's level). Refused whole when its approval no longer
 * stands.
 */
async function setSkillLevel(tx: DbOrTx, who: Who, decision: AgencyDecision, level: number): Promise<Result> {
  await lockHousehold(tx, decision.householdId);
  const household = await findHouseholdById(tx, decision.householdId);
  if (!household) return notFound;
  if (!approvalStandsWhile(household.status)) {
    return invalid({
      field: 'agrees',
      message: `The household is ${statusName(household.status).toLowerCase()}: its skills level cannot change`,
    });
  }
  if (household.skillLevel === level) return { ok: true };
  await tx.update(households).set({ skillLevel: level, updatedAt: new Date() }).where(eq(households.id, household.id));
  await recordAudit(tx, who.actor, {
    action: 'update',
    recordType: 'household',
    recordId: household.id,
    detail: { part: 'skill-level', fields: ['skillLevel'], by: 'agency-decision', recordId: decision.id },
  });
  return { ok: true };
}

/**
 * The agency decision on an item, applied to its household: an approval, a change of terms or a
 * deregistration (refused whole when the household's status does not allow it), or a skills level;
 * a decision not to approve, or one that only notes the recommendation, changes nothing here.
 */
async function applyDecisionToHousehold(tx: DbOrTx, who: Who, decision: AgencyDecision): Promise<Result> {
  if (decision.outcome === 'skills_level' && decision.skillLevel !== null) {
    return setSkillLevel(tx, who, decision, decision.skillLevel);
  }
  const outcome = outcomesForTheHousehold.find((o) => o === decision.outcome);
  if (!outcome) return { ok: true };
  const { id, householdId, onDate, reasons, terms } = decision;
  return applyAgencyDecision(tx, who, householdId, { id, outcome, onDate, reasons }, terms);
}

/** The kinds of panel item whose agency decision changes the household (and is taken back when withdrawn). */
export const agencyDecisionPanelBusiness: PanelBusiness[] = [
  'approval',
  'change_of_terms',
  'deregistration',
  'skills_level',
].map((kind) => ({
  kind,
  agencyDecided: applyDecisionToHousehold,
  agencyDecisionWithdrawn: withdrawDecisionFromHousehold,
}));
