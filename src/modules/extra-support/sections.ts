/**
 * Extra support on a household's annual review: its hub family now, and the activity breaks and the
 * requests for psychology support of the last 12 months, so the review weighs the support the carers
 * had. The review's page has checked the viewer reads the household in full (the reviewing officer
 * too, who reads no other page of extra support); the view is audited.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import { addYears } from '../../platform/dates/index.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { urgencyNames } from './labels.ts';
import { householdSupportPath } from './paths.ts';
import { supportOfHousehold } from './queries.ts';
import { mayReadSupport } from './scope.ts';
import { breakRow, requestStatus } from './views.ts';

export async function reviewSupportSection({ db, user, actor, record, today }: PageSectionContext<'annual-review'>) {
  const support = await supportOfHousehold(db, record.householdId);
  const since = addYears(today, -1);
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'household',
    recordId: record.householdId,
    detail: { part: 'extra-support', page: 'annual-review' },
  });
  return {
    since,
    hub: support.hub ? `A hub family since ${formatDate(support.hub.startedOn)}` : null,
    link: support.link
      ? `Supported by the hub family ${support.link.householdName} since ${formatDate(support.link.startedOn)}`
      : null,
    breaks: support.breaks.filter((b) => b.toOn >= since).map(breakRow),
    requests: support.requests
      .filter((r) => r.endedOn === null || r.endedOn >= since)
      .map((r) => ({
        text: `${named(urgencyNames, r.urgency)} request, ${formatDate(r.requestedOn)}, for ${r.childName ?? 'the carers'}: ${requestStatus(r)}`,
      })),
    // The household's extra support page, for those who may open it (not the reviewing officer).
    href: mayReadSupport(user) ? householdSupportPath(record.householdId) : null,
  };
}
