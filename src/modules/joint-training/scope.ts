/**
 * Who may see and record joint training days, the one place that says so:
 * - the days, who attended and the summary of evaluations are read (`joint-training.view`) by the
 *   fostering staff the days are for and by panel members and advisers (they attend them), and by
 *   the assistant director; never by a foster carer or a child's social worker;
 * - a day and its attendance are recorded and changed (`joint-training.manage`) by the head of
 *   fostering, whose plan action it is, and by the training coordinator, who runs the training
 *   calendar and takes registers;
 * - an attendee's own evaluation is read by them, and by those who manage the days and the assistant
 *   director; an attendee with an account gives their own, and the head or the training coordinator
 *   enters one from a paper form;
 * - an evaluation is put right by whoever may record it (the attendee, the head or the training
 *   coordinator); one recorded against the wrong attendee is removed by the head or the coordinator.
 */
import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';

export const mayReadDays = (user: SignedInUser) => can(user.role, 'joint-training.view');
export const mayManageDays = (user: SignedInUser) => can(user.role, 'joint-training.manage');
/** Whether the user reads every attendee's evaluation (not only their own). */
export const mayReadEvaluations = (user: SignedInUser) => mayManageDays(user) || user.role === 'assistant_director';
/** Whether the user records (and so puts right) this attendee's evaluation: their own, or any for those who manage the days. */
export const mayRecordEvaluation = (user: SignedInUser, attendee: { accountId: string | null }) =>
  mayManageDays(user) || (attendee.accountId !== null && attendee.accountId === user.id);
