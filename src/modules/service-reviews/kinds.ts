/**
 * The four six-monthly reviews the business plan asks for, defined here in code (not a table):
 * each in the service's words, the plan action it answers (a local expectation, not law), whether
 * it is written for each area or once for the whole service, who writes it, who reads it besides
 * the managers, and whose deadline it is.
 */
import type { Role } from '../../platform/access/roles.ts';

export const kindKeys = ['childrens-feedback', 'allegations-complaints', 'carer-retention', 'agency-payments'] as const;
export type KindKey = (typeof kindKeys)[number];

/** Whose work a review is, for its deadline: the area's service manager, the head, or the recruitment coordinator. */
export type Owner = 'area-service-manager' | 'head' | 'recruitment-coordinator';

export interface ReviewKind {
  key: KindKey;
  /** What the review is called on every page, in the service's words. */
  title: string;
  /** The business plan action it answers ("1.1"). */
  action: string;
  /** The plan's own words for it. */
  asked: string;
  /** One review for each area (by its service manager), or one for the whole service. */
  perArea: boolean;
  /** Who writes it, in words. */
  writtenBy: string;
  /** Roles that write it besides the head of fostering (a service manager only their own area's). */
  writers: readonly Role[];
  /** Roles that read it besides the head, the assistant director, service managers and team managers. */
  alsoRead: readonly Role[];
  owner: Owner;
  /** What the figures Hearth gathers for it are, in a sentence. */
  figures: string;
}

export const reviewKinds: readonly ReviewKind[] = [
  {
    key: 'childrens-feedback',
    title: 'Summary of children’s feedback',
    action: '1.1',
    asked: 'Service managers to complete a summary of children’s feedback every 6 months.',
    perArea: true,
    writtenBy: 'The area’s service manager',
    writers: ['service_manager'],
    alsoRead: [],
    owner: 'area-service-manager',
    figures:
      'children’s views received for carers’ annual reviews, complaints and compliments raised by children, and children told the outcome of an allegation, complaint or concern',
  },
  {
    key: 'allegations-complaints',
    title: 'Review of allegations and complaints',
    action: '1.2',
    asked:
      'Allegations and complaints reviewed every 6 months by the Head of Fostering and the LADO, meeting with support team managers to review any learning and training needs.',
    perArea: false,
    writtenBy: 'The head of fostering or the LADO',
    writers: ['lado'],
    alsoRead: ['lado'],
    owner: 'head',
    figures:
      'allegations by outcome, referred to the LADO within 1 working day and concluded within 3 months, and complaints by theme with repeats',
  },
  {
    key: 'carer-retention',
    title: 'Retention of foster carers',
    action: '3.2',
    asked: 'Retention of foster carers evaluated every 6 months, using information from exit interviews.',
    perArea: false,
    writtenBy: 'The recruitment coordinator',
    writers: ['recruitment_coordinator'],
    alsoRead: ['recruitment_coordinator'],
    owner: 'recruitment-coordinator',
    figures: 'households that left the service by reason, and their exit interviews with the themes raised',
  },
  {
    key: 'agency-payments',
    title: 'What local agencies pay foster carers',
    action: '6.3',
    asked:
      'The Head of Fostering reviews every 6 months what local independent fostering agencies pay foster carers, so that the service stays competitive.',
    perArea: false,
    writtenBy: 'The head of fostering',
    writers: [],
    alsoRead: [],
    owner: 'head',
    figures: 'the service’s own published rates in force at the end of the half-year, to compare with',
  },
];

export function isKindKey(value: unknown): value is KindKey {
  return typeof value === 'string' && (kindKeys as readonly string[]).includes(value);
}

export function reviewKind(key: KindKey): ReviewKind {
  return reviewKinds.find((k) => k.key === key)!;
}

/** "Business plan action 1.1": a local expectation, not law. */
export const actionName = (kind: ReviewKind) => `Business plan action ${kind.action}`;

/** What a deadline cites: "Business plan action 1.1 (the service’s own timescale)". */
export const citation = (kind: ReviewKind) => `${actionName(kind)} (the service’s own timescale)`;
