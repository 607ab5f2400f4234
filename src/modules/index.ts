/**
 * The one list of Hearth's modules, explicit and in order. The app registers their routes from
 * it; the server, the commands (snapshots, rebuilds), the demo loader and the benchmarks hand their
 * measures, deadlines, record types and kept facts to the engines from it. A new module is one
 * folder with one entry (`<area>/index.ts`) and one line here.
 */
import { registerModules, type HearthModule } from '../platform/modules/index.ts';
import type { KeptFacts } from '../platform/measures/facts.ts';
import { admin } from './admin/index.ts';
import { ambassadors } from './ambassadors/index.ts';
import { audits } from './audits/index.ts';
import { childVisits } from './child-visits/index.ts';
import { children } from './children/index.ts';
import { concerns } from './concerns/index.ts';
import { extraSupport } from './extra-support/index.ts';
import { connectedPersons } from './connected-persons/index.ts';
import { home } from './home/index.ts';
import { independence } from './independence/index.ts';
import { jointTraining } from './joint-training/index.ts';
import { lifelongLinks } from './lifelong-links/index.ts';
import { missing } from './missing/index.ts';
import { outOfHours } from './out-of-hours/index.ts';
import { panel } from './panel/index.ts';
import { payments } from './payments/index.ts';
import { households } from './households/index.ts';
import { placements } from './placements/index.ts';
import { plan } from './plan/index.ts';
import { portal } from './portal/index.ts';
import { records } from './records/index.ts';
import { saferCare } from './safer-care/index.ts';
import { recruitment } from './recruitment/index.ts';
import { reports } from './reports/index.ts';
import { reviews } from './reviews/index.ts';
import { scorecard } from './scorecard/index.ts';
import { search } from './search/index.ts';
import { serviceReviews } from './service-reviews/index.ts';
import { staff } from './staff/index.ts';
import { supervision } from './supervision/index.ts';
import { teamMeetings } from './team-meetings/index.ts';
import { training } from './training/index.ts';

export const modules: readonly HearthModule[] = [
  home,
  admin,
  households,
  children,
  placements,
  search,
  scorecard,
  plan,
  supervision,
  training,
  concerns,
  portal,
  reviews,
  staff,
  audits,
  recruitment,
  reports,
  panel,
  payments,
  records,
  childVisits,
  independence,
  lifelongLinks,
  missing,
  outOfHours,
  serviceReviews,
  connectedPersons,
  jointTraining,
  teamMeetings,
  saferCare,
  extraSupport,
  ambassadors,
];

/** Makes sure the engines know every module's measures, deadlines, record types and links. */
export function registerAllModules(): void {
  registerModules(modules);
}

/** Every module's kept facts, for the rebuild command, its check and the demo loader. */
export function allKeptFacts(): KeptFacts[] {
  return modules.flatMap((m) => m.keptFacts ?? []);
}
