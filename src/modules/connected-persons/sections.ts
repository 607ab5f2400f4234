/**
 * What temporary approval shows on other modules' pages (declared as `pageSections` in the entry):
 * on a child's page, their approvals with where each stands and "Give temporary approval to a
 * connected person" for those who may; on a family and friends household's page, its approvals.
 * Each approval shown is audited.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/sql.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { CONNECTED_TYPE } from './labels.ts';
import { giveApprovalPath } from './paths.ts';
import { approvalsOf } from './queries.ts';
import { mayApprove } from './scope.ts';
import { auditApprovalsViewed, undecided } from './service.ts';
import { approvalSummary } from './views.ts';

/** The child's page (the child already found within the viewer's access). */
export async function childApprovalsSection({ db, user, actor, record, today }: PageSectionContext<'child'>) {
  const approvals = await approvalsOf(db, { childId: record.id });
  const [child] = await queryRows<{ inCare: boolean }>(
    db,
    sql`select (left_care_on is null or left_care_on > ${today}::date) as "inCare" from children where id = ${record.id}`,
  );
  const giving = mayApprove(user) && child?.inCare && !approvals.some(undecided);
  if (approvals.length === 0 && !giving) return null;
  await auditApprovalsViewed(
    db,
    { user, actor },
    approvals.map((a) => a.id),
    'child',
  );
  return {
    approvals: approvals.map((a) => approvalSummary(a, today)),
    giveHref: giving ? giveApprovalPath(record.id) : null,
  };
}

/** A household's page: shown for family and friends households, and any with approvals. */
export async function householdApprovalsSection({ db, user, actor, record, today }: PageSectionContext<'household'>) {
  const approvals = await approvalsOf(db, { householdId: record.id });
  if (approvals.length === 0 && record.householdType !== CONNECTED_TYPE) return null;
  await auditApprovalsViewed(
    db,
    { user, actor },
    approvals.map((a) => a.id),
    'household',
  );
  return { approvals: approvals.map((a) => approvalSummary(a, today)) };
}
