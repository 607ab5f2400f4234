/** The audit service's local settings (Target 4.1 of the business plan): shown as local, not law. */
import { workingDaysAfter } from '../../platform/due/index.ts';
import type { IsoDate } from '../../platform/dates/index.ts';

/** Files each fostering support team audits from its own team a month. */
export const TEAM_SAMPLE = 10;
/** Files the centralised teams audit across the county a month. */
export const CENTRAL_SAMPLE = 20;
/** A household is not audited twice within this many months. */
export const NOT_AGAIN_MONTHS = 12;
/** An inadequate audit's actions are put right within this many working days. */
export const PUT_RIGHT_WORKING_DAYS = 5;

/** The auditor confirms an inadequate audit's actions were put right within this many working days of the SSW recording them (local). */
export const CONFIRM_WORKING_DAYS = 5;

export const TARGET_4 =
  'Target 4, action 4.1: 10 audits a month per team plus 20 central; any case graded inadequate put right within 5 days (NMS 25.2)';
export const NMS_25 = 'NMS 25.2 (the manager monitors all records kept by the service)';

export const AUDIT_POLICY = `The service’s case-file audit policy (local, not law): the auditor confirms the actions of an inadequate audit were put right within ${CONFIRM_WORKING_DAYS} working days of the supervising social worker recording them`;

/** The day an inadequate audit's actions must be put right by. */
export const putRightDueOn = (auditedOn: IsoDate): IsoDate => workingDaysAfter(auditedOn, PUT_RIGHT_WORKING_DAYS);

/** The day the auditor must confirm an inadequate audit's actions were put right by. */
export const confirmDueOn = (putRightOn: IsoDate): IsoDate => workingDaysAfter(putRightOn, CONFIRM_WORKING_DAYS);
