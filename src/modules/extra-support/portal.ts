/**
 * The carer's extra support on the portal home: their hub family (or, for a hub family, the
 * households it supports), their activity breaks this year and their requests for psychology support
 * still open. Their own household only; the view is audited.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { findVisibleHousehold } from '../households/scope.ts';
import { supportOfHousehold } from './queries.ts';
import { breakRow, requestStatus } from './views.ts';

export async function carerSupportSection({ db, user, actor, today }: PageSectionContext<'portal-home'>) {
  const household = user.householdId ? await findVisibleHousehold(db, user, user.householdId) : null;
  if (!household) return null;
  const support = await supportOfHousehold(db, household.id);
  const year = financialYearOf(today);
  const breaks = support.breaks.filter((b) => b.fromOn >= year.start);
  const open = support.requests.filter((r) => r.endedOn === null);
  if (!support.hub && !support.link && !breaks.length && !open.length) return null;
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'household',
    recordId: household.id,
    detail: { page: 'portal', section: 'extra-support' },
  });
  return {
    hubSince: support.hub?.startedOn ?? null,
    supporting: support.supported.filter((l) => l.endedOn === null).map((l) => l.householdName.replace(/ \(.*\)$/, '')),
    link: support.link
      ? { name: support.link.householdName.replace(/ \(.*\)$/, ''), since: support.link.startedOn }
      : null,
    breaks: breaks.map(breakRow),
    requests: open.map((r) => ({ who: r.childName ?? 'You', requestedOn: r.requestedOn, status: requestStatus(r) })),
  };
}
