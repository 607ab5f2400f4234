import { can } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { ageOn, type IsoDate } from '../../platform/dates/index.ts';
import {
  delegatedAuthorityStatus,
  delegatedAuthorityStatuses,
  endings,
  isPlanned,
  placementTypes,
  referralStatuses,
  referralStatusTags,
  urgencies,
} from '../placements/labels.ts';
import { formatDate, named } from '../../platform/views/format.ts';
import { CHILD_RETENTION_RULE } from '../records/labels.ts';
import {
  DEATH_NOTIFICATION_RULE,
  deathNotifications,
  ethnicities,
  genders,
  healthAssessmentKinds,
  leavingReasonPhrases,
  legalStatuses,
  needs,
} from './labels.ts';
import { deathNotificationsPath, leavingPath, removeHealthAssessmentPath, removeLeavingPath } from './paths.ts';
import { childKeptUntil } from '../records/scope.ts';
import type { healthAssessmentsOfChild, placementsOfChild, referralsOfChild } from './queries.ts';
import type { ChildRecord } from './scope.ts';
import { OPEN_REFERRAL_STATUSES } from './scope.ts';

type Placements = Awaited<ReturnType<typeof placementsOfChild>>;
type Referrals = Awaited<ReturnType<typeof referralsOfChild>>;
type Assessments = Awaited<ReturnType<typeof healthAssessmentsOfChild>>;

/** What the child's record page shows, in words, and which actions this user may take. */
export function childPageView(
  user: SignedInUser,
  child: ChildRecord,
  data: { placements: Placements; referrals: Referrals; assessments: Assessments },
  today: IsoDate,
) {
  const placements = data.placements.map((p) => {
    const status = delegatedAuthorityStatus(p, {
      id: p.daId,
      signedOn: p.daSignedOn,
      copyGivenToCarerOn: p.daCopyGivenOn,
    });
    return {
      ...p,
      typeText: named(placementTypes, p.placementType),
      endingText: named(endings, p.ending),
      delegatedAuthority: delegatedAuthorityStatuses[status],
    };
  });
  const open = placements.find((p) => p.endDate === null) ?? null;
  // A placement that has not started yet is planned: the child does not live there until it starts.
  const planned = open && isPlanned(open, today) ? open : null;
  const current = planned ? null : open;
  const referrals = data.referrals.map((r) => ({
    ...r,
    typeText: named(placementTypes, r.placementType),
    urgencyText: named(urgencies, r.urgency),
    statusText: named(referralStatuses, r.status),
    statusTag: referralStatusTags[r.status] ?? '',
  }));
  const openReferral = referrals.find((r) => (OPEN_REFERRAL_STATUSES as readonly string[]).includes(r.status)) ?? null;
  const canChange = can(user.role, 'children.change');
  const childNeeds = (Object.keys(needs) as (keyof typeof needs)[]).filter((n) => child[n]).map((n) => needs[n]);
  return {
    child,
    age: ageOn(child.dateOfBirth, today),
    genderText: named(genders, child.gender),
    ethnicityText: ethnicities.includes(child.ethnicity as (typeof ethnicities)[number]) ? child.ethnicity : null,
    legalStatusText: named(legalStatuses, child.legalStatus),
    needsText: childNeeds,
    current,
    planned,
    pastPlacements: placements.filter((p) => p.endDate !== null),
    referrals,
    openReferral,
    assessments: data.assessments.map((a) => ({
      ...a,
      kindText: named(healthAssessmentKinds, a.kind),
      removeHref: canChange ? removeHealthAssessmentPath(child.id, a.id) : null,
    })),
    canChange,
    leaving: leavingView(child, canChange),
    leavingHref: canChange && !child.leftCareOn ? leavingPath(child.id) : null,
    // A child who has left care is not referred or placed.
    canRefer: can(user.role, 'referrals.create') && !openReferral && !child.leftCareOn,
    canPlaceInEmergency: can(user.role, 'referrals.review') && !open && !child.leftCareOn,
    canSeeAudit: can(user.role, 'audit.view'),
  };
}

/** What the page says of a child who has left care (null while in care), and the links to change it. */
export function leavingView(child: ChildRecord, canChange: boolean) {
  if (!child.leftCareOn) return null;
  const on = formatDate(child.leftCareOn);
  const died = child.leftCareReason === 'died';
  const reason = child.leftCareReason && !died ? named(leavingReasonPhrases, child.leftCareReason) : null;
  return {
    text: died ? `Died on ${on}` : reason ? `Left care on ${on}: ${reason}` : `Left care on ${on}`,
    details: child.leftCareDetails,
    keptUntil: `Kept until ${formatDate(childKeptUntil(child))}: a child’s case record is kept ${CHILD_RETENTION_RULE}`,
    notificationRule: DEATH_NOTIFICATION_RULE,
    notifications: died
      ? deathNotifications.map((n) => ({ name: n.name, on: child[n.column] ? formatDate(child[n.column]) : null }))
      : null,
    changeHref: canChange ? leavingPath(child.id) : null,
    removeHref: canChange ? removeLeavingPath(child.id) : null,
    notificationsHref: canChange && died ? deathNotificationsPath(child.id) : null,
  };
}
