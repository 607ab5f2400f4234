/** Stage 1: which checks a household needs and what is outstanding, on small households worked out by hand. */
import { describe, expect, it } from 'vitest';
import { isAdultMember, outstandingMessage, stage1Checks, type CheckRecord, type Person } from './checks.ts';

const today = '2026-06-01';
const sam: Person = { carerId: 'c1', memberId: null, name: 'Sam Reed' };
const lodger: Person = { carerId: null, memberId: 'm1', name: 'Alex Reed' };
const done = (kind: string, person: Person | null, extra: Partial<CheckRecord> = {}): CheckRecord => ({
  kind,
  carerId: person?.carerId ?? null,
  memberId: person?.memberId ?? null,
  doneOn: '2026-05-01',
  satisfactory: true,
  expiresOn: null,
  ...extra,
});
const everything = [
  done('dbs', sam),
  done('la_checks', sam),
  done('medical', sam),
  done('personal_reference', null),
  done('personal_reference', null),
  done('health_and_safety', null),
  done('pets', null),
];
const outstanding = (checks: CheckRecord[], adults: Person[] = [], employer = false) =>
  stage1Checks([sam], adults, checks, employer, today)
    .filter((c) => c.state !== 'done')
    .map((c) => `${c.label}: ${c.state}`);

describe('stage 1 checks', () => {
  it('needs a DBS, local authority checks and a medical of each carer, two personal references, health and safety, and pets', () => {
    expect(stage1Checks([sam], [], [], false, today).map((c) => c.label)).toEqual([
      'Enhanced DBS check: Sam Reed',
      'Local authority checks: Sam Reed',
      'Medical: Sam Reed',
      'Personal reference 1 of 2',
      'Personal reference 2 of 2',
      'Health and safety check of the home',
      'Pets assessment',
    ]);
    expect(outstanding(everything)).toEqual([]);
    expect(outstandingMessage(stage1Checks([sam], [], everything, false, today))).toBeNull();
  });

  it('needs a DBS and local authority checks of every other adult, and an employer’s reference when asked', () => {
    expect(outstanding(everything, [lodger], true)).toEqual([
      'Enhanced DBS check: Alex Reed: missing',
      'Local authority checks: Alex Reed: missing',
      'Employer or previous fostering service reference: missing',
    ]);
  });

  it('counts only satisfactory references, and the latest check of a kind, unexpired', () => {
    const checks = [
      ...everything.filter((c) => c.kind !== 'personal_reference' && c.kind !== 'dbs'),
      done('personal_reference', null),
      done('personal_reference', null, { satisfactory: false }),
      done('dbs', sam, { doneOn: '2023-01-01', expiresOn: '2026-01-01' }),
    ];
    expect(outstanding(checks)).toEqual([
      'Enhanced DBS check: Sam Reed: expired',
      'Personal reference 2 of 2: not_satisfactory',
    ]);
    // A new DBS check replaces the expired one.
    expect(outstanding([...checks, done('dbs', sam, { doneOn: '2026-05-20', expiresOn: '2029-05-20' })])).toEqual([
      'Personal reference 2 of 2: not_satisfactory',
    ]);
  });

  it('names what is outstanding in the message refusing completion', () => {
    const rows = stage1Checks([sam], [], everything.slice(0, 6), false, today);
    expect(outstandingMessage(rows)).toBe(
      'Every stage 1 check must be done and satisfactory before the assessment is complete. Outstanding: Pets assessment (not done)',
    );
  });

  it('takes an adult member as 18 or over today, or by relationship when no date of birth is known', () => {
    expect(isAdultMember({ dateOfBirth: '2008-06-01', relationship: 'birth_child' }, today)).toBe(true);
    expect(isAdultMember({ dateOfBirth: '2008-06-02', relationship: 'birth_child' }, today)).toBe(false);
    expect(isAdultMember({ dateOfBirth: null, relationship: 'lodger' }, today)).toBe(true);
    expect(isAdultMember({ dateOfBirth: null, relationship: 'birth_child' }, today)).toBe(false);
  });
});
