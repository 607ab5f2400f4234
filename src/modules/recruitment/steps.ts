/** Every step on a household's road in and out, in the order the recruitment page offers them. */
import { answerStep, applicationDateStep, applicationStep, visitStep, withdrawStep } from './steps-in.ts';
import { checkStep, completeStep, mentorStep, startStep, trainingStep } from './steps-assessment.ts';
import { exemptionStep, leavingStep, postApprovalStep } from './steps-out.ts';
import type { Step } from './step.ts';
import { removeTransferStep, transferStep } from './steps-transfer.ts';

export const steps: Step[] = [
  answerStep,
  visitStep,
  applicationStep,
  applicationDateStep,
  transferStep,
  removeTransferStep,
  startStep,
  checkStep,
  mentorStep,
  trainingStep,
  completeStep,
  postApprovalStep,
  exemptionStep,
  leavingStep,
  withdrawStep,
] as unknown as Step[];

export function findStep(path: string): Step | undefined {
  return steps.find((s) => s.path === path);
}
