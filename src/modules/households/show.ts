import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordLinksFor } from '../../platform/views/record-links.ts';
import { loadPageSections } from '../../platform/views/page-sections.ts';
import type { Db } from '../../platform/db/client.ts';
import { can } from '../../platform/access/policy.ts';
import { ageOn, compareIsoDates, todayInLondon } from '../../platform/dates/index.ts';
import { householdPeople } from './queries.ts';
import { changeNoticeText } from './change-notices.ts';
import { type HouseholdRecord } from './scope.ts';
import { abilities } from './route-support.ts';
import {
  allowedTransitions,
  changeNoticeNames,
  type ChangeNoticeKind,
  checkKindNames,
  genderPreferenceNames,
  householdTypeName,
  isHouseholdStatus,
  memberRelationshipNames,
  skillLevelName,
  statusName,
  checkOutcomeText,
} from './labels.ts';
import { doneMessage, expiryTag, statusTag } from './views.ts';
import { correctableChange } from './status-corrections.ts';
import {
  changeNoticeDealtWithPath,
  changeNoticeReopenPath,
  portalAccountPath,
  redateStatusChangePath,
  undoStatusChangePath,
} from './paths.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The latest hand-recorded status change's reason, with the links that undo it or change its date. */
function correctionLinksHtml(householdId: string, eventId: string, reason: string | null): string {
  const hidden = (words: string) => `<span class="govuk-visually-hidden"> ${words} latest status change</span>`;
  return [
    reason ? `<p class="govuk-body">${escapeHtml(reason)}</p>` : '',
    '<ul class="govuk-list">',
    `<li><a class="govuk-link" href="${undoStatusChangePath(householdId, eventId)}">Undo${hidden('the')}</a></li>`,
    `<li><a class="govuk-link" href="${redateStatusChangePath(householdId, eventId)}">Change the date${hidden('of the')}</a></li>`,
    '</ul>',
  ].join('');
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Where a status change was recorded, when not by hand on the status page (its byline says who). */
const originWords: Record<string, string> = {
  'agency-decision': 'By the agency decision maker’s decision.',
  'module-step': 'Recorded as a step of the household’s recruitment.',
};

/** The household's page: details, status, terms, allocation, people, checks, vacancies, timeline. */
export async function showHousehold(
  db: Db,
  request: FastifyRequest<{ Querystring: { done?: string } }>,
  reply: FastifyReply,
  household: HouseholdRecord,
) {
  const today = todayInLondon();
  const people = await householdPeople(db, household.id);
  // What other modules show of the household (the children placed there now), each within its own access.
  const sections = await loadPageSections('household', {
    db,
    user: request.user!,
    actor: request.actor(),
    record: {
      id: household.id,
      placed: household.placed,
      status: household.status,
      householdType: household.householdType,
    },
    today,
  });
  const age = (dob: string | null) => (dob && dob <= today ? ageOn(dob, today) : null);
  const names = new Map<string, string>();
  for (const c of people.carers) names.set(`carer:${c.id}`, `${c.firstName} ${c.lastName}`);
  for (const m of people.members) names.set(`member:${m.id}`, `${m.firstName} ${m.lastName}`);
  const carers = nowAndFormer(
    people.carers.map((c) => ({
      ...c,
      age: age(c.dateOfBirth),
      account: people.accounts.find((a) => a.carerId === c.id) ?? null,
      portalAccountPath: portalAccountPath(household.id, c.id),
    })),
  );
  const members = nowAndFormer(
    people.members.map((m) => ({
      ...m,
      age: age(m.dateOfBirth),
      relationshipName:
        memberRelationshipNames[m.relationship as keyof typeof memberRelationshipNames] ?? m.relationship,
    })),
  );
  const can_ = abilities(request, household);
  // The latest status change recorded by hand, for those who may put it right.
  const correctable = can_.change ? await correctableChange(db, household) : null;
  const correctableId = correctable?.ok ? correctable.event.id : null;
  const status = isHouseholdStatus(household.status) ? household.status : null;
  return reply.page('households-show.njk', {
    title: `Household: ${household.name} (${household.reference})`,
    household,
    can: {
      ...can_,
      changeStatus: can_.change && status !== null && allowedTransitions[status].length > 0,
      seeAudit: can(request.user!.role, 'audit.view'),
    },
    links: recordLinksFor('household', request.user!, household.id),
    sections,
    statusTag: statusTag(household.status),
    statusName: statusName(household.status),
    typeName: householdTypeName(household.householdType),
    skillName: skillLevelName(household.skillLevel),
    terms: {
      gender:
        genderPreferenceNames[household.genderPreference as keyof typeof genderPreferenceNames] ??
        household.genderPreference,
      siblingGroups: yesNo(household.siblingGroups),
      disability: yesNo(household.disability),
      uasc: yesNo(household.uasc),
      emergency: yesNo(household.emergency),
      shortBreaks: yesNo(household.shortBreaks),
      stayingPut: yesNo(household.stayingPut),
    },
    carers: carers.now,
    formerCarers: carers.former,
    members: members.now,
    formerMembers: members.former,
    changeNotices: people.notices.map((n) => ({
      ...n,
      kindName: changeNoticeNames[n.kind as ChangeNoticeKind] ?? n.kind,
      text: changeNoticeText(n),
      dealtWithPath: changeNoticeDealtWithPath(household.id, n.id),
      reopenPath: changeNoticeReopenPath(household.id, n.id),
    })),
    checks: people.checks.map((c) => ({
      ...c,
      kindName: checkKindNames[c.kind as keyof typeof checkKindNames] ?? c.kind,
      personName:
        c.carerId || c.memberId
          ? (names.get(c.carerId ? `carer:${c.carerId}` : `member:${c.memberId}`) ?? 'A former member')
          : 'The household',
      outcome: checkOutcomeText(c),
      tag: expiryTag(c.expiresOn, today),
    })),
    timeline: people.events.map(({ event, byName }) => ({
      label: {
        text: event.fromStatus
          ? `${statusName(event.toStatus)} (was ${statusName(event.fromStatus).toLowerCase()})`
          : statusName(event.toStatus),
      },
      ...(event.id === correctableId
        ? { html: correctionLinksHtml(household.id, event.id, event.reason) }
        : { text: [originWords[event.origin ?? ''], event.reason].filter(Boolean).join(' ') }),
      datetime: { timestamp: event.onDate, type: 'date' },
      byline: byName ? { text: byName } : undefined,
    })),
    flash: doneMessage(request.query.done),
    breadcrumbs: [{ text: 'Households', href: '/households' }],
  });
}

/** Those who live in the household now, and those who have left (latest first), for its page. */
function nowAndFormer<T extends { leftOn: string | null }>(people: T[]): { now: T[]; former: T[] } {
  return {
    now: people.filter((p) => p.leftOn === null),
    former: people.filter((p) => p.leftOn !== null).sort((a, b) => compareIsoDates(b.leftOn!, a.leftOn!)),
  };
}
