import { named } from '../../platform/views/format.ts';
import { ageOn, type IsoDate } from '../../platform/dates/index.ts';
import { genders, legalStatuses, needs, selectItems, choiceItems } from '../children/labels.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import {
  authorityHolders,
  decisionAreaKeys,
  decisionAreas,
  delegatedAuthorityStatus,
  delegatedAuthorityStatuses,
  documentKinds,
  endings,
  placementTypes,
  referralEventKinds,
  referralStatuses,
  referralStatusTags,
  urgencies,
} from './labels.ts';
import { signingParties } from './forms.ts';
import type { delegatedAuthorityOf, referralHistory, ReferralRecord } from './queries.ts';

/** The words and pieces the referral and placement pages show. */

export function childSummary(
  c: Pick<
    ReferralRecord,
    | 'childFirstName'
    | 'childLastName'
    | 'childReference'
    | 'dateOfBirth'
    | 'gender'
    | 'legalStatus'
    | 'disability'
    | 'uasc'
    | 'cseRisk'
    | 'missingRisk'
    | 'schoolPostcode'
    | 'socialWorkerName'
  >,
  today: IsoDate,
) {
  return {
    name: `${c.childFirstName} ${c.childLastName}`,
    reference: c.childReference,
    age: ageOn(c.dateOfBirth, today),
    genderText: named(genders, c.gender),
    legalStatusText: named(legalStatuses, c.legalStatus),
    needs: (Object.keys(needs) as (keyof typeof needs)[]).filter((n) => c[n]).map((n) => needs[n]),
    schoolPostcode: c.schoolPostcode,
    socialWorkerName: c.socialWorkerName,
  };
}

/** What a referral asks for, in a sentence: "an emergency placement", "a Staying Put arrangement". */
const placementWanted: Record<string, string> = {
  emergency: 'an emergency placement',
  short_term: 'a short-term placement',
  long_term: 'a long-term placement',
  short_break: 'a short break',
  staying_put: 'a Staying Put arrangement',
};

export function referralWords(r: { placementType: string; urgency: string; status: string }) {
  return {
    typeText: named(placementTypes, r.placementType),
    wantedText: placementWanted[r.placementType] ?? 'a placement',
    urgencyText: named(urgencies, r.urgency),
    statusText: named(referralStatuses, r.status),
    statusTag: referralStatusTags[r.status] ?? '',
  };
}

/** The referral's history for the MOJ timeline, newest first. */
export function timelineItems(history: Awaited<ReturnType<typeof referralHistory>>) {
  return [...history].reverse().map((e) => ({
    label: { text: referralEventKinds[e.kind] ?? e.kind },
    text: e.reason ?? '',
    datetime: { timestamp: e.at.toISOString(), type: 'datetime' },
    byline: e.byName ? { text: e.byName } : undefined,
  }));
}

/** The reasons given the last time the referral was returned. */
export function lastReturnReasons(history: Awaited<ReturnType<typeof referralHistory>>): string | null {
  const returned = history.filter((e) => e.kind === 'returned');
  return returned.at(-1)?.reason ?? null;
}

export function referralFormItems(values: Record<string, unknown>) {
  return {
    typeItems: choiceItems(placementTypes, values.placementType),
    urgencyItems: choiceItems(urgencies, values.urgency),
  };
}

export function referralValues(r: ReferralRecord): Record<string, unknown> {
  return {
    needs: r.needs,
    placementType: r.placementType,
    urgency: r.urgency,
    siblingGroupSize: String(r.siblingGroupSize),
    ...dateBoxes('neededFrom', r.neededFrom),
  };
}

export const sawProfileItems = (checked: unknown) =>
  choiceItems({ yes: 'Yes', no: 'No', unknown: 'Not known' }, checked);

export function sawProfileValue(saw: boolean | null): string {
  return saw === null ? 'unknown' : saw ? 'yes' : 'no';
}

export function sawProfileText(saw: boolean | null): string {
  return saw === null ? 'Not recorded' : saw ? 'Yes' : 'No';
}

export function placementTypeItems(selected: unknown) {
  return choiceItems(placementTypes, selected);
}

export function endingItems(checked: unknown) {
  return choiceItems(endings, checked);
}

export function householdItems(
  choices: { id: string; name: string; reference: string; town: string; vacancies: number; temporary?: boolean }[],
  selected: unknown,
) {
  return selectItems(
    choices.map((h) => ({
      value: h.id,
      text: `${h.name} (${h.reference}), ${h.town || 'town not recorded'}: ${
        h.temporary
          ? 'connected person with temporary approval for this child'
          : `${h.vacancies} ${Number(h.vacancies) === 1 ? 'vacancy' : 'vacancies'}`
      }`,
    })),
    selected,
    'Select a household',
  );
}

export function documentRows(documents: { kind: string; givenOn: string }[]) {
  const given = new Map(documents.map((d) => [d.kind, d.givenOn]));
  return Object.entries(documentKinds).map(([kind, text]) => ({ kind, text, givenOn: given.get(kind) ?? null }));
}

type DelegatedAuthority = Awaited<ReturnType<typeof delegatedAuthorityOf>>;

const partyWords: Record<string, keyof typeof signingParties> = {
  'foster carer': 'foster_carer',
  carer: 'foster_carer',
  'social worker': 'social_worker',
  'child’s social worker': 'social_worker',
  "child's social worker": 'social_worker',
  parent: 'parent',
  'child or young person': 'young_person',
  'young person': 'young_person',
  child: 'young_person',
  'supervising social worker': 'supervising_social_worker',
};

/**
 * The parties who signed, as form keys. Hearth stores the keys ("foster_carer,parent"); older
 * records may hold words ("Foster carer, social worker"), read the same way. Unknown words are kept.
 */
export function signers(signedBy: string): string[] {
  return signedBy
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p in signingParties ? p : (partyWords[p.toLowerCase()] ?? p)));
}

export function delegatedAuthorityView(placement: { placementType: string }, form: DelegatedAuthority) {
  const status = delegatedAuthorityStatus(placement, form);
  return {
    status: delegatedAuthorityStatuses[status],
    statusKey: status,
    areas: form
      ? decisionAreaKeys.map((a) => ({
          text: decisionAreas[a],
          holder: named(authorityHolders, form[`${a}Holder`]),
          notes: form[`${a}Notes`],
        }))
      : [],
    signedBy: form?.signedBy
      ? signers(form.signedBy)
          .map((p) => named(signingParties, p))
          .join(', ')
      : null,
    signedOn: form?.signedOn ?? null,
    copyGivenToCarerOn: form?.copyGivenToCarerOn ?? null,
  };
}

/** The form's values from a saved delegated authority (or the usual starting point for a new one). */
export function delegatedAuthorityValues(form: DelegatedAuthority): Record<string, unknown> {
  if (!form) {
    return {
      medicalHolder: 'shared',
      educationHolder: 'foster_carer',
      socialHolder: 'foster_carer',
      religiousHolder: 'shared',
      culturalHolder: 'shared',
    };
  }
  return {
    ...Object.fromEntries(
      decisionAreaKeys.flatMap((a) => [
        [`${a}Holder`, form[`${a}Holder`]],
        [`${a}Notes`, form[`${a}Notes`] ?? ''],
      ]),
    ),
    signedBy: form.signedBy ? signers(form.signedBy) : [],
    ...dateBoxes('signedOn', form.signedOn),
    ...dateBoxes('copyGivenToCarerOn', form.copyGivenToCarerOn),
  };
}

export function delegatedAuthorityItems(values: Record<string, unknown>) {
  return {
    areas: decisionAreaKeys.map((a) => ({
      key: a,
      text: decisionAreas[a],
      holderItems: choiceItems(authorityHolders, values[`${a}Holder`]),
      notes: values[`${a}Notes`],
    })),
    partyItems: choiceItems(signingParties, values.signedBy),
  };
}
