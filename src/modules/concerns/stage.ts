/**
 * Where a matter has got to, kept in `concerns.stage` by the service after every change, so the
 * register and the LADO's home filter and count by it in SQL. Worked out from the record alone.
 */
import type { Kind } from './labels.ts';

export const stages = [
  'awaiting-referral',
  'referred',
  'meeting-held',
  'outcome',
  'open',
  'stage-1',
  'stage-2',
  'stage-3',
  'recorded',
  'closed',
] as const;
export type Stage = (typeof stages)[number];

export const stageNames: Record<Stage, string> = {
  'awaiting-referral': 'Not yet referred to the LADO',
  referred: 'With the LADO',
  'meeting-held': 'Strategy or evaluation meeting held',
  outcome: 'Outcome reached',
  open: 'Open',
  'stage-1': 'Stage 1: local resolution',
  'stage-2': 'Stage 2: investigation',
  'stage-3': 'Stage 3: review panel',
  recorded: 'Recorded',
  closed: 'Closed',
};

/** The stages of an open allegation, in order (the LADO's home counts each). */
export const allegationStages: Stage[] = ['awaiting-referral', 'referred', 'meeting-held', 'outcome'];

/** What a carer is told of an open matter about their household: where it has got to, no more. */
export const carerStageNames: Partial<Record<Stage, string>> = {
  'awaiting-referral': 'Being looked into by the fostering service',
  referred: 'With the local authority designated officer (LADO)',
  'meeting-held': 'Being looked into by the LADO and the fostering service',
  outcome: 'An outcome has been reached: your supervising social worker will talk to you about it',
  open: 'Being looked into by the fostering service',
};

export const stageTagClasses: Record<Stage, string> = {
  'awaiting-referral': 'govuk-tag--red',
  referred: 'govuk-tag--orange',
  'meeting-held': 'govuk-tag--yellow',
  outcome: 'govuk-tag--blue',
  open: 'govuk-tag--orange',
  'stage-1': 'govuk-tag--light-blue',
  'stage-2': 'govuk-tag--blue',
  'stage-3': 'govuk-tag--purple',
  recorded: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};

export interface StageFacts {
  kind: Kind | string;
  closedOn: string | null;
  referredToLadoOn: string | null;
  outcomeOn: string | null;
  /** Meetings recorded (allegations). */
  meetings: number;
  /** The latest complaint stage received (complaints). */
  complaintStage: number | null;
}

export function stageOf(m: StageFacts): Stage {
  if (m.kind === 'compliment') return 'recorded';
  if (m.closedOn) return 'closed';
  if (m.kind === 'complaint') return `stage-${Math.min(3, Math.max(1, m.complaintStage ?? 1))}` as Stage;
  if (m.kind !== 'allegation') return 'open';
  if (m.outcomeOn) return 'outcome';
  if (m.meetings > 0) return 'meeting-held';
  return m.referredToLadoOn ? 'referred' : 'awaiting-referral';
}

export const isStage = (value: unknown): value is Stage => (stages as readonly unknown[]).includes(value);
