/**
 * Allegations, standard-of-care concerns, complaints and compliments about the fostering service,
 * the LADO process, the carer's independent support, complaints' statutory stages, and
 * notifications of significant events (issue 13, part A).
 *
 * For other modules:
 * - audits: `raiseConcernFromAudit(tx, who, { householdId, summary, auditId })` (service.ts);
 * - panel: `allegationsAwaitingPanel(db)` and `recordAllegationPresentedToPanel(tx, actor, id, on)` (panel.ts);
 * - portal: `openMattersForCarer(db, user)` (lists.ts).
 */
import type { HearthModule } from '../../platform/modules/index.ts';
import { concernsDueRules } from './due.ts';
import { allegationMeasures } from './measures.ts';
import { complaintMeasures } from './measures-complaints.ts';
import { householdMattersPath } from './paths.ts';
import { concernRecordTypes } from './records.ts';
import { concernsRoutes } from './routes.ts';

export { raiseConcernFromAudit } from './service.ts';
export { allegationsAwaitingPanel, recordAllegationPresentedToPanel } from './panel.ts';
export { openMattersForCarer } from './lists.ts';

export const concerns: HearthModule = {
  name: 'concerns',
  routes: concernsRoutes,
  navigation: [
    {
      text: 'Open allegations',
      href: '/lado',
      describes: 'the county’s open allegations, by stage and age',
      permission: 'allegations.lado',
      order: 5,
    },
    {
      text: 'Concerns',
      href: '/concerns',
      describes: 'allegations, concerns, complaints and compliments',
      permission: 'concerns.view',
      order: 16,
    },
  ],
  recordTypes: concernRecordTypes,
  dueRules: concernsDueRules,
  measures: [...allegationMeasures, ...complaintMeasures],
  recordLinks: [
    {
      on: 'household',
      text: 'Concerns, complaints and allegations',
      href: householdMattersPath,
      permission: 'concerns.view',
      order: 30,
    },
  ],
};
