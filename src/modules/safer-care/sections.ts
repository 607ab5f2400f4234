/** What the safer-care module adds to the household's page: the plan in force and when it is due again. */
import { recordAudit } from '../../platform/audit/service.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { householdPlansPath } from './paths.ts';
import { currentPlanOf } from './queries.ts';
import { PLAN_RECORD } from './labels.ts';
import { currentPlanView } from './views.ts';

/**
 * The household's page (the household is in the viewer's scope already: the page checked it and
 * audited its view): the plan in force, or for an approved household with none, that none is
 * recorded; nothing for a household in assessment or closed without one.
 */
export async function householdPlanSection({ db, record, today }: PageSectionContext<'household'>) {
  const owed = record.status === 'approved';
  const plan = await currentPlanOf(db, record.id);
  if (!plan && !owed) return null;
  return { plan: plan ? currentPlanView(plan, today, owed) : null, href: householdPlansPath(record.id) };
}

/**
 * The carer's portal home: their own household's plan in force, as they agreed it (what it covers
 * and says, and when it is next agreed again); nothing until one is recorded. The view is audited.
 */
export async function carerPlanSection({ db, user, actor, today }: PageSectionContext<'portal-home'>) {
  if (!user.householdId) return null;
  const plan = await currentPlanOf(db, user.householdId);
  if (!plan) return null;
  await recordAudit(db, actor, {
    action: 'view',
    recordType: PLAN_RECORD,
    recordId: plan.id,
    detail: { page: 'portal' },
  });
  return currentPlanView(plan, today);
}

/**
 * A review of the household's approval (the review's page has checked the viewer may read it): the
 * plan in force now and when it is due again, beside the review's report, which says which plan was
 * in force in the year the review looks back on and whether it was agreed again in that year.
 */
export async function reviewPlanSection({ db, record, today }: PageSectionContext<'annual-review'>) {
  const plan = await currentPlanOf(db, record.householdId);
  return { plan: plan ? currentPlanView(plan, today) : null, href: householdPlansPath(record.householdId) };
}
