/** Every table of Hearth, platform first, then each module's, for Drizzle and drizzle-kit. */
import * as auth from './platform/auth/tables.ts';
import * as audit from './platform/audit/tables.ts';

export const schema = { ...auth, ...audit };
