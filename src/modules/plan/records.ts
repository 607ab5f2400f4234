import { can } from '../../platform/access/policy.ts';
import type { RecordType } from '../../platform/access/registry.ts';
import { isUuid } from './forms.ts';
import { planActionPath, planPath } from './paths.ts';
import { actionDetail, findPlan } from './queries.ts';

/** Plan records on "who has seen or changed this record": not personal, open to everyone who may see the plan. */
export const planRecordTypes: RecordType[] = [
  {
    type: 'plan',
    async describe(db, id) {
      const plan = isUuid(id) ? await findPlan(db, id) : null;
      return plan ? { label: `Business plan: ${plan.title}`, href: planPath(plan.id) } : null;
    },
    inScope: async (_db, viewer) => can(viewer.role, 'plan.view'),
  },
  {
    type: 'plan-action',
    async describe(db, id) {
      const detail = isUuid(id) ? await actionDetail(db, id) : null;
      return detail
        ? { label: `Plan action ${detail.action.number}: ${detail.plan.title}`, href: planActionPath(id) }
        : null;
    },
    inScope: async (_db, viewer) => can(viewer.role, 'plan.view'),
  },
];
