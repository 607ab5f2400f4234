/**
 * Carer Ambassadors on a household's annual review: the carers who were ambassadors in the last 12
 * months and what they did, so the review recognises their contribution to the service. Shown only
 * when there is something to show. The review's page has checked the viewer reads the household in
 * full (the reviewing officer too, who reads no other page of ambassadors); the view is audited.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import { addYears } from '../../platform/dates/index.ts';
import { formatDate, lowerFirst, named } from '../../platform/views/format.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { activityKindNames } from './labels.ts';
import { householdAmbassadorsPath } from './paths.ts';
import { ambassadorsOfHousehold } from './queries.ts';
import { mayReadAmbassadors } from './scope.ts';

export async function reviewAmbassadorSection({ db, user, actor, record, today }: PageSectionContext<'annual-review'>) {
  const since = addYears(today, -1);
  const { ambassadors, activities } = await ambassadorsOfHousehold(db, record.householdId);
  const inYear = ambassadors.filter((a) => a.endedOn === null || a.endedOn >= since);
  if (!inYear.length) return null;
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'household',
    recordId: record.householdId,
    detail: { part: 'ambassadors', page: 'annual-review' },
  });
  return {
    since,
    ambassadors: inYear.map(
      (a) =>
        `${a.carerName}: a Carer Ambassador since ${formatDate(a.startedOn)}${a.endedOn ? `, until ${formatDate(a.endedOn)}` : ''}`,
    ),
    activities: activities
      .filter((x) => x.onDate >= since)
      .map((x) => `${formatDate(x.onDate)}: ${x.carerName}, ${lowerFirst(named(activityKindNames, x.kind))}`),
    href: mayReadAmbassadors(user) ? householdAmbassadorsPath(record.householdId) : null,
  };
}
