/** Every table of Hearth, platform first, then each module's, for Drizzle and drizzle-kit. */
import * as auth from './platform/auth/tables.ts';
import * as audit from './platform/audit/tables.ts';
import * as households from './modules/households/tables.ts';
import * as children from './modules/children/tables.ts';
import * as placements from './modules/placements/tables.ts';
import * as measures from './platform/measures/tables.ts';
import * as due from './platform/due/tables.ts';
import * as plan from './modules/plan/tables.ts';
import * as supervision from './modules/supervision/tables.ts';

export const schema = {
  ...auth,
  ...audit,
  ...households,
  ...children,
  ...placements,
  ...measures,
  ...due,
  ...plan,
  ...supervision,
};
