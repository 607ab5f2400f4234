/**
 * Stage 1 of the assessment: which statutory checks each adult and the household need, and which
 * are still missing, not satisfactory or expired. The assessment cannot be completed while any is.
 */
import { ageOn, type IsoDate } from '../../platform/dates/index.ts';
import {
  adultCheckKinds,
  carerCheckKinds,
  checkKindNames,
  householdCheckKinds,
  PERSONAL_REFERENCES_NEEDED,
  type CheckKind,
} from './labels.ts';

export interface Person {
  carerId: string | null;
  memberId: string | null;
  name: string;
}

export interface CheckRecord {
  kind: string;
  carerId: string | null;
  memberId: string | null;
  doneOn: IsoDate;
  satisfactory: boolean;
  expiresOn: IsoDate | null;
}

export type CheckState = 'done' | 'missing' | 'not_satisfactory' | 'expired';

export interface RequiredCheck {
  label: string;
  kind: CheckKind;
  state: CheckState;
  doneOn: IsoDate | null;
  expiresOn: IsoDate | null;
}

const adultRelationships = ['adult_child', 'partner', 'grandparent', 'lodger', 'other_adult'];

/** An adult household member: 18 or over today, or (with no date of birth) an adult by relationship. */
export function isAdultMember(m: { dateOfBirth: string | null; relationship: string }, today: IsoDate): boolean {
  return m.dateOfBirth ? ageOn(m.dateOfBirth, today) >= 18 : adultRelationships.includes(m.relationship);
}

const samePerson = (c: CheckRecord, p: Person | null) =>
  (c.carerId ?? null) === (p?.carerId ?? null) && (c.memberId ?? null) === (p?.memberId ?? null);

/** The latest check of a kind on a person (or on the household, person null). */
function latest(checks: readonly CheckRecord[], kind: CheckKind, person: Person | null): CheckRecord | null {
  return (
    checks
      .filter((c) => c.kind === kind && samePerson(c, person))
      .sort((a, b) => (a.doneOn < b.doneOn ? 1 : a.doneOn > b.doneOn ? -1 : 0))[0] ?? null
  );
}

function stateOf(check: CheckRecord | null, today: IsoDate): CheckState {
  if (!check) return 'missing';
  if (!check.satisfactory) return 'not_satisfactory';
  if (check.expiresOn && check.expiresOn < today) return 'expired';
  return 'done';
}

function required(label: string, kind: CheckKind, check: CheckRecord | null, today: IsoDate): RequiredCheck {
  return {
    label,
    kind,
    state: stateOf(check, today),
    doneOn: check?.doneOn ?? null,
    expiresOn: check?.expiresOn ?? null,
  };
}

/** References counted as a group: the satisfactory ones, at least `needed`. */
function references(checks: readonly CheckRecord[], kind: CheckKind, needed: number, today: IsoDate): RequiredCheck[] {
  const given = checks.filter((c) => c.kind === kind).sort((a, b) => (a.doneOn < b.doneOn ? -1 : 1));
  const good = given.filter((c) => stateOf(c, today) === 'done');
  const rows: RequiredCheck[] = [];
  for (let i = 0; i < needed; i += 1) {
    const check = good[i] ?? null;
    const label = needed > 1 ? `${checkKindNames[kind]} ${i + 1} of ${needed}` : checkKindNames[kind];
    const bad = !check && given.some((c) => !good.includes(c));
    rows.push(
      check
        ? required(label, kind, check, today)
        : { label, kind, state: bad ? 'not_satisfactory' : 'missing', doneOn: null, expiresOn: null },
    );
  }
  return rows;
}

/** Every stage 1 check the household needs, each with its state today. */
export function stage1Checks(
  carers: readonly Person[],
  adultMembers: readonly Person[],
  checks: readonly CheckRecord[],
  needsEmployerReference: boolean,
  today: IsoDate,
): RequiredCheck[] {
  const perPerson = (people: readonly Person[], kinds: readonly CheckKind[]) =>
    people.flatMap((p) =>
      kinds.map((kind) => required(`${checkKindNames[kind]}: ${p.name}`, kind, latest(checks, kind, p), today)),
    );
  return [
    ...perPerson(carers, carerCheckKinds),
    ...perPerson(adultMembers, adultCheckKinds),
    ...references(checks, 'personal_reference', PERSONAL_REFERENCES_NEEDED, today),
    ...(needsEmployerReference ? references(checks, 'employer_reference', 1, today) : []),
    ...householdCheckKinds.map((kind) => required(checkKindNames[kind], kind, latest(checks, kind, null), today)),
  ];
}

export const stateNames: Record<CheckState, string> = {
  done: 'Done',
  missing: 'Not done',
  not_satisfactory: 'Not satisfactory',
  expired: 'Expired',
};

/** The message refusing completion, naming what is outstanding. */
export function outstandingMessage(rows: readonly RequiredCheck[]): string | null {
  const outstanding = rows.filter((r) => r.state !== 'done');
  if (!outstanding.length) return null;
  const list = outstanding.map((r) => `${r.label} (${stateNames[r.state].toLowerCase()})`).join('; ');
  return `Every stage 1 check must be done and satisfactory before the assessment is complete. Outstanding: ${list}`;
}
