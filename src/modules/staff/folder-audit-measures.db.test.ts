/**
 * The folder audit measures for November 2026 (counted as on 5 December), hand-worked on audits of
 * the staff of a team of their own: this quarter's count (October to December) and the share of
 * the last 12 months' audited folders found complete.
 */
import { describe, expect, it } from 'vitest';
import { userIdByUsername } from '../../../test/support/households.ts';
import { measureFixture, teamOfItsOwn } from '../../../test/support/measures.ts';
import { countMeasure, type Measure } from '../../platform/measures/index.ts';
import { foldersAudited, foldersComplete } from './measures.ts';
import { staffFolderAudits } from './tables.ts';
import { makeStaffUser } from './test-support.ts';

const f = measureFixture('2026-11', '2026-12-05');
const team = teamOfItsOwn(f, 'Folder Audit Measure Team');

const teamFigure = async (measure: Measure) => {
  const figure = (await countMeasure(f.db(), measure, f.period)).figures.find(
    (x) => x.scopeKind === 'team' && x.scopeId === team(),
  );
  return figure && [figure.numerator, figure.denominator];
};

const everything = {
  hasAgreement: true,
  supervisedInTime: true,
  sessionsSigned: true,
  pdpCurrent: true,
  trainingCurrent: true,
};

async function auditOn(auditedOn: string, held: Partial<typeof everything> = {}) {
  const member = await makeStaffUser(f.db(), { team: 'Folder Audit Measure Team' });
  await f
    .db()
    .insert(staffFolderAudits)
    .values({
      staffUserId: member.id,
      auditorId: await userIdByUsername(f.db(), 'head'),
      auditedOn,
      teamId: team(),
      areaId: null,
      ...everything,
      ...held,
      notesShowAnalysis: true,
      notesSignsOfSafety: true,
      actionsFollowedUp: true,
      grade: 'good',
      findings: 'A made-up finding.',
    });
  return member.id;
}

describe('staff supervision folder audits on the scorecard', () => {
  it('counts the audits of the quarter up to the month’s end, and the complete folders of 12 months', async () => {
    const lastQuarter = await auditOn('2026-09-30');
    const firstDay = await auditOn('2026-10-01', { pdpCurrent: false });
    const monthEnd = await auditOn('2026-11-30');
    const december = await auditOn('2026-12-01');
    const yearAgo = await auditOn('2025-11-30');
    const yearStart = await auditOn('2025-12-01', { sessionsSigned: false, trainingCurrent: false });

    const ids = [lastQuarter, firstDay, monthEnd, december, yearAgo, yearStart];
    expect(await f.rowsFor(foldersAudited, ids)).toEqual([
      [firstDay, true],
      [monthEnd, true],
    ]);
    expect(await teamFigure(foldersAudited)).toEqual([2, null]);
    expect(await f.rowsFor(foldersComplete, ids)).toEqual([
      [lastQuarter, true],
      [firstDay, false],
      [monthEnd, true],
      [yearStart, false],
    ]);
    expect(await teamFigure(foldersComplete)).toEqual([2, 4]);
  });
});
