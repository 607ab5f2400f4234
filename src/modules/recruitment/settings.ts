/**
 * The timescales of the road in and out, with where each comes from. Those marked local are the
 * service's own targets, not law: change them here and pages, deadlines and measures follow, and
 * they are shown as "local target" wherever they appear.
 */
import { addDays, addMonths, addWorkingDays, type IsoDate } from '../../platform/dates/index.ts';

/** Local target: an enquiry is answered within this many working days. */
export const ENQUIRY_RESPONSE_WORKING_DAYS = 1;
/** The panel's recommendation within 8 months of the application (NMS 14.4). */
export const PANEL_WITHIN_MONTHS = 8;
/** Local target: stage 1 (the statutory checks) done within this many months of the application. */
export const STAGE_1_TARGET_MONTHS = 2;
/** Local target: stage 2 (the competency assessment) done within this many months of its start. */
export const STAGE_2_TARGET_MONTHS = 4;
/** Business plan Target 3.2: the post-approval interview six months after approval. */
export const POST_APPROVAL_INTERVIEW_MONTHS = 6;
/** An overdue post-approval interview leaves My work this many months after it was due (too late to learn from). */
export const POST_APPROVAL_SHOWN_MONTHS = 6;
/** Checks expiring are shown this many days before they expire. */
export const CHECK_EXPIRY_NOTICE_DAYS = 60;

export const NMS_14_4 = 'Fostering Services: National Minimum Standards (2011), standard 14.4';
export const CHECKS_CITED =
  'Fostering Services (England) Regulations 2011, regulation 26 and Schedule 3 (checks of the applicant and adult household members)';
export const TARGET_3 = 'Business plan 2017-18, Target 3 (local: not law)';

export const enquiryAnswerBy = (enquiredOn: IsoDate) => addWorkingDays(enquiredOn, ENQUIRY_RESPONSE_WORKING_DAYS);
export const panelDueBy = (appliedOn: IsoDate) => addMonths(appliedOn, PANEL_WITHIN_MONTHS);
export const stage1TargetBy = (appliedOn: IsoDate) => addMonths(appliedOn, STAGE_1_TARGET_MONTHS);
export const stage2TargetBy = (startedOn: IsoDate) => addMonths(startedOn, STAGE_2_TARGET_MONTHS);
export const postApprovalDueBy = (approvedOn: IsoDate) => addMonths(approvedOn, POST_APPROVAL_INTERVIEW_MONTHS);
export const checkNoticeFrom = (expiresOn: IsoDate) => addDays(expiresOn, -CHECK_EXPIRY_NOTICE_DAYS);
