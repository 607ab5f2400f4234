import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold, teamIdByName } from '../../../test/support/households.ts';
import { delegatedAuthorities } from '../placements/tables.ts';
import {
  addMonthsToMonth,
  allMeasures,
  countMeasure,
  figureFor,
  figureOfRecords,
  findMeasure,
  measureRecordsPage,
  periodOf,
  readSnapshots,
  snapshotLastYear,
  snapshotMonth,
} from '../../platform/measures/index.ts';
import type { RecordsViewer, Scope, ScopedFigure } from '../../platform/measures/index.ts';
import { makeScorecardWorld } from './test-support.ts';
import { filtersFrom } from './forms.ts';
import { scorecardPage } from './service.ts';

// Every figure here is June 2026, worked out by hand from the fixture (./test-support.ts), for
// Testshire (an area only the fixture uses) and its teams A and B.
let t: TestApp;
let world: Awaited<ReturnType<typeof makeScorecardWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeScorecardWorld(t.database.db);
}, 120_000);
afterAll(async () => t?.close());

async function june(measureId: string) {
  const measure = findMeasure(measureId)!;
  const { figures } = await countMeasure(t.database.db, measure, periodOf('2026-06', '2026-11-22'));
  const pick = (kind: string, id: string) => {
    const f = figures.find((x) => x.scopeKind === kind && x.scopeId === id);
    return f ? { n: f.numerator, d: f.denominator, v: f.value } : undefined;
  };
  return {
    figures,
    area: pick('area', world.area.id),
    teamA: pick('team', world.teamA.id),
    teamB: pick('team', world.teamB.id),
  };
}

function sumOfAreas(figures: ScopedFigure[]) {
  return figures.filter((f) => f.scopeKind === 'area').reduce((sum, f) => sum + f.numerator, 0);
}

describe('measures for June 2026, by team and area', () => {
  it('approved households: status as at 30 June from the dated history', async () => {
    const r = await june('households.approved');
    // Team A: h1 (approved Jan 2025) + h6 (31 Mar 2026) = 2; h2 is approved only from 5 July.
    expect(r.teamA).toEqual({ n: 2, d: null, v: 2 });
    // Team B: h5 (20 Apr 2026) = 1; h3 went on hold on 15 June, h4 is an applicant.
    expect(r.teamB).toEqual({ n: 1, d: null, v: 1 });
    expect(r.area).toEqual({ n: 3, d: null, v: 3 }); // 2 + 1
    const service = r.figures.find((f) => f.scopeKind === 'service')!;
    expect(service.numerator).toBe(sumOfAreas(r.figures));
  });

  it('new approvals this financial year (1 April 2026 to 30 June 2026), against 200 pro rata', async () => {
    const r = await june('households.new-approvals');
    // Only h5 (20 April); h6 (31 March) belongs to last year, h2 (5 July) to a later month.
    expect(r.teamB).toEqual({ n: 1, d: null, v: 1 });
    expect(r.teamA).toBeUndefined();
    expect(r.area).toEqual({ n: 1, d: null, v: 1 });
    // June is the 3rd month of the year: 200 × 3 ÷ 12 = 50.
    expect(findMeasure('households.new-approvals')!.targetFor!(periodOf('2026-06', '2026-11-22'))).toBe(50);
  });

  it('delegated authority signed and given within 5 working days: deadlines falling in June', async () => {
    const r = await june('placements.delegated-authority');
    // p1: started Mon 8 June, due Mon 15 June, signed 10th, copy given 12th: met.
    // p2: same start, copy given 16th: one day late, missed.  Team A: 1 of 2 = 50%.
    expect(r.teamA).toEqual({ n: 1, d: 2, v: 50 });
    // p3: started Fri 22 May; 25 May is a bank holiday, so day 5 is Mon 1 June: in June, no form: missed.
    // p4 (24 June, due 1 July) and p5 (15 May, due 22 May) fall in other months.  Team B: 0 of 1.
    expect(r.teamB).toEqual({ n: 0, d: 1, v: 0 });
    expect(r.area).toEqual({ n: 1, d: 3, v: 33.3 }); // 1 ÷ 3 = 33.3%
  });

  it("children who saw the carer's profile: placements started in June", async () => {
    const r = await june('placements.profile-seen');
    // p1 saw it, p2 did not (team A: 1 of 2); p4 not recorded (team B: 0 of 1).
    expect(r.teamA).toEqual({ n: 1, d: 2, v: 50 });
    expect(r.teamB).toEqual({ n: 0, d: 1, v: 0 });
    expect(r.area).toEqual({ n: 1, d: 3, v: 33.3 });
  });

  it('unplanned endings: placements ended in June (lower is better)', async () => {
    const r = await june('placements.unplanned-endings');
    // Team A: p6 ended 30 June unplanned: 1 of 1. Team B: p5 unplanned, p3 planned: 1 of 2.
    expect(r.teamA).toEqual({ n: 1, d: 1, v: 100 });
    expect(r.teamB).toEqual({ n: 1, d: 2, v: 50 });
    expect(r.area).toEqual({ n: 2, d: 3, v: 66.7 }); // 2 ÷ 3
  });

  it('initial health assessments within 20 working days: deadlines falling in June', async () => {
    const r = await june('children.initial-health-assessment');
    // Looked after Mon 18 May; with the 25 May bank holiday, day 20 is Tue 16 June.
    // k1 assessed 16 June (met, not placed: counts for the area only); k2 assessed 17 June (missed, placed in team A);
    // k3 left care on 1 June, before the deadline: not counted; k4 (10 June) is due in July.
    expect(r.teamA).toEqual({ n: 0, d: 1, v: 0 });
    expect(r.teamB).toBeUndefined();
    expect(r.area).toEqual({ n: 1, d: 2, v: 50 });
  });

  it('children with 3 or more placements in the 12 months to 30 June (lower is better)', async () => {
    const r = await june('children.three-or-more-placements');
    // Team A (latest placement there): c1, c2, c6, k2, N = 5, none with 3 (N's first placement ended 30 June 2025).
    expect(r.teamA).toEqual({ n: 0, d: 5, v: 0 });
    // Team B: c3, c4, c5, M = 4; M had 3 (the first ended 15 July 2025, inside the year): 1 of 4 = 25%.
    expect(r.teamB).toEqual({ n: 1, d: 4, v: 25 });
    // Area: 5 + 4 + k1 and k4 (not placed) = 11; k3 left care. 1 ÷ 11 = 9.1%.
    expect(r.area).toEqual({ n: 1, d: 11, v: 9.1 });
  });
});

describe('pages and access', () => {
  it('the scorecard shows each measure with value, target, a RAG tag in words and an accessible sparkline', async () => {
    const head = await signedIn(t.app, 'head');
    const res = await head.get(`/scorecard?month=2026-06&area=${world.area.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Scorecard: June 2026');
    expect(res.body).toContain('Approved fostering households');
    expect(res.body).toMatch(/Approved fostering households<\/a><\/th>\s*<td[^>]*><a[^>]*>3</);
    // An area's count is not judged against the county's 900: shown, not rated, and the page says why.
    expect(res.body).toMatch(
      /Approved fostering households<\/a><\/th>\s*<td[^>]*><a[^>]*>3<span[^>]*>[^<]*<\/span><\/a><\/td>\s*<td[^>]*>Not rated here: the target \(at least 900\) is the whole service&#39;s<\/td>\s*<td[^>]*>\s*<strong[^>]*>Not rated</,
    );
    expect(res.body).toContain('New approvals this financial year');
    expect(res.body).toMatch(/<svg[^>]*role="img"/);
    expect(res.body).toContain('Trend as a table');
    // The sparkline names its values: June 2026 is the last of the 12 months, with 3 approved households.
    expect(res.body).toMatch(
      /<title id="spark-1">Approved fostering households, July 2025 to June 2026: [^<]*Jun 26 3<\/title>/,
    );
    expect(res.body).toContain('Children placed with in-house foster carers');
  });

  it('a pro-rata target says the year it is part of, for the whole service only', async () => {
    const head = await signedIn(t.app, 'head');
    const service = await head.get('/scorecard?month=2026-06');
    // June is the 3rd month of the financial year: 200 × 3 ÷ 12 = 50 so far.
    expect(service.body).toContain('At least 50 so far this year, of 200 by March');
    const measure = await head.get('/scorecard/households.new-approvals?month=2026-06');
    expect(measure.body).toContain('Target: At least 50 so far this year, of 200 by March.');
    const team = await head.get(`/scorecard/households.new-approvals?month=2026-06&team=${world.teamB.id}`);
    expect(team.body).toContain('Not rated here: the target (at least 200 by March) is the whole service&#39;s');
  });

  it('in the first days of a month, a figure with nothing to measure yet shows the last complete month, saying so', async () => {
    // On 1 July 2026 no health assessment in the fixture is due in July yet; June's figure is shown instead.
    const data = await scorecardPage(
      t.database.db,
      filtersFrom({ month: '2026-07', area: world.area.id }, '2026-07-01'),
      '2026-07-01',
    );
    const card = data.cards.find((c) => c.id === 'children.initial-health-assessment')!;
    const juneFigure = (await june('children.initial-health-assessment')).area!;
    expect(card.note).toBe('Nothing to measure yet this month: the figure for June 2026');
    expect(card.value).toBe(`${juneFigure.v}%`);
  });

  it('a measure page lists the records; a team manager sees only their own team in the list', async () => {
    const url = (team: string) => `/scorecard/placements.delegated-authority?month=2026-06&team=${team}&list=missed`;
    const head = await signedIn(t.app, 'head');
    const headPage = await head.get(url(world.teamA.id));
    expect(headPage.statusCode).toBe(200);
    expect(headPage.body).toContain('Placedtwo'); // p2 missed its deadline
    expect(headPage.body).toMatch(/1 of 2/);
    // The chart has a y-axis with its scale and title, and the months along the bottom.
    expect(headPage.body).toMatch(/>Per cent<\/text>/);
    expect(headPage.body).toMatch(/>100%<\/text>/);
    expect(headPage.body).toMatch(/>Month<\/text>/);
    // Its details are in words: dates as a person reads them, never as the database keeps them.
    const details = headPage.body.split('>Details</th>')[1]!.split('</table>')[0]!;
    expect(details).toMatch(/Started \d{1,2} [A-Z][a-z]+ 2026, due by \d{1,2} [A-Z][a-z]+ 2026/);
    expect(details).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const manager = await signedIn(t.app, 'manager');
    const outside = await manager.get(url(world.teamA.id));
    expect(outside.statusCode).toBe(200);
    expect(outside.body).toMatch(/1 of 2/); // the figure is shown ...
    expect(outside.body).not.toContain('Placedtwo'); // ... but not the records of another team
    const eastKent1 = await teamIdByName(t.database.db, 'East Kent Fostering Team 1');
    const own = await manager.get(url(eastKent1));
    expect(own.body).toContain('Eastkent'); // p7, in the manager's own team, has no form yet
  });

  it('a restricted household (a carer on the staff) is counted, but listed only to the head of fostering', async () => {
    const secret = await makeHousehold(t.database.db, {
      teamId: world.teamA.id,
      statusSince: '2025-02-01',
      restricted: true,
      name: 'Staffcarer household',
    });
    const url = `/scorecard/households.approved?month=2026-06&team=${world.teamA.id}`;
    const director = await signedIn(t.app, 'director');
    const seen = await director.get(url);
    expect(seen.body).not.toContain('Staffcarer household');
    expect(seen.body).toContain('1 more is counted but outside your caseload or restricted');
    const head = await signedIn(t.app, 'head');
    expect((await head.get(url)).body).toContain('Staffcarer household');
    expect(secret.restricted).toBe(true);
  });

  it('the list of records counts what the figure counts, for every measure and scope, whoever reads it', async () => {
    // A restricted household in team A: counted for everyone, listed to the head of fostering only.
    await makeHousehold(t.database.db, {
      teamId: world.teamA.id,
      statusSince: '2025-03-01',
      restricted: true,
      name: 'Recount staffcarer household',
    });
    const period = periodOf('2026-06', '2026-11-22');
    const viewers: RecordsViewer[] = [
      { sees: { kind: 'all' }, restricted: true },
      { sees: { kind: 'team', id: world.teamA.id }, restricted: false },
      { sees: { kind: 'none' }, restricted: false },
    ];
    const scopes: Scope[] = [
      { kind: 'service' },
      { kind: 'area', id: world.area.id },
      { kind: 'team', id: world.teamA.id },
    ];
    let compared = 0;
    for (const measure of allMeasures().filter((m) => m.unit !== 'days')) {
      const { figures } = await countMeasure(t.database.db, measure, period);
      for (const scope of scopes) {
        const { numerator, denominator, value } = figureFor(measure, figures, scope);
        const counted = { numerator, denominator, value };
        for (const viewer of viewers) {
          const page = await measureRecordsPage(t.database.db, measure, period, {
            scope,
            viewer,
            met: true,
            page: 1,
            pageSize: 1,
          });
          expect(figureOfRecords(measure, scope, page), `${measure.id}, ${scope.kind}, ${viewer.sees.kind}`).toEqual(
            counted,
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('every number is a link to the records behind it, and following one lists as many records', async () => {
    const head = await signedIn(t.app, 'head');
    const index = await head.get(`/scorecard?month=2026-06&area=${world.area.id}`);
    const measureHref = `/scorecard/placements.delegated-authority?month=2026-06&amp;area=${world.area.id}#records`;
    expect(index.body).toContain(`<a class="govuk-link" href="${measureHref}">`);
    // Every value in the scorecard table, and in each trend table, is a link (or says there is no data).
    const cells = [...index.body.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">(.*?)<\/td>/gs)];
    const targets = ['At ', 'Not rated', 'None: '];
    const values = cells.map((c) => c[1]!).filter((c) => !targets.some((t) => c.startsWith(t)));
    expect(values.length).toBeGreaterThan(20);
    for (const v of values)
      expect(v).toMatch(/^(<a class="govuk-link" href="\/scorecard\/[^"]+#records">|No data|Not counted by team)/);

    const page = await head.get(`/scorecard/placements.delegated-authority?month=2026-06&area=${world.area.id}`);
    const numeric = [...page.body.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">(.*?)<\/td>/gs)];
    for (const [, cell] of numeric) expect(cell).toMatch(/^(<a class="govuk-link" href="\/scorecard\/|No data|$)/);
    // Team A's "Signed and given on time" count in the breakdown lists that team's records met.
    const teamA = new RegExp(
      `href="(/scorecard/placements.delegated-authority\\?month=2026-06&amp;team=${world.teamA.id}&amp;list=met#records)">1<`,
    ).exec(page.body);
    expect(teamA, "team A's count links to its records").not.toBeNull();
    const records = await head.get(teamA![1]!.replaceAll('&amp;', '&'));
    expect(records.body).toContain('Signed and given on time: 1 to 1 of 1');
    // The headline "1 of 2" links to the records too.
    expect(page.body).toMatch(/<a class="govuk-link" href="[^"]+list=met#records">\d+ of \d+<\/a>/);
  });

  it('a foster carer may not open the scorecard', async () => {
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get('/scorecard')).statusCode).toBe(403);
    expect((await carer.get('/scorecard.csv')).statusCode).toBe(403);
  });

  it('an unknown measure is not found', async () => {
    const head = await signedIn(t.app, 'head');
    expect((await head.get('/scorecard/no-such-measure')).statusCode).toBe(404);
  });

  it('exports the month to CSV, one line per measure and scope', async () => {
    const head = await signedIn(t.app, 'head');
    const res = await head.get('/scorecard.csv?month=2026-06');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('hearth-scorecard-2026-06.csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'Month,Measure id,Measure,Scope,Area or team,Value,Unit,Target,Target in words,Better when,RAG,Numerator,Denominator,Source,NMS standard,Plan target',
    );
    const teamA = lines.find(
      (l) => l.startsWith('2026-06,placements.delegated-authority,') && l.includes(',team,Testshire Team A,'),
    );
    // 1 of 2 = 50%, against 100%: more than 10 points short, so off target.
    expect(teamA).toContain(',team,Testshire Team A,50,percentage,100,At least 100%,higher,Off target,1,2,live,');
    // A count by area is shown without a rating: the 900 is the whole service's.
    const areaCount = lines.find((l) => l.startsWith('2026-06,households.approved,') && l.includes(',area,Testshire,'));
    expect(areaCount).toMatch(/,area,Testshire,(\d+),count,900,"?Not rated here[^,]*,higher,Not rated,\1,,live,/);
  });
});

describe('snapshots', () => {
  it('keeps the reported month when a record is corrected later, and shows the recount differs', async () => {
    const db = t.database.db;
    const first = await snapshotMonth(db, '2026-06', '2026-11-22');
    expect(first.stored).toContain('placements.delegated-authority');
    // The correction: p2's copy was in fact given on 15 June, on time. Team A now recounts as 2 of 2.
    await db
      .update(delegatedAuthorities)
      .set({ copyGivenToCarerOn: '2026-06-15' })
      .where(eq(delegatedAuthorities.id, world.p2da.id));
    const again = await snapshotMonth(db, '2026-06', '2026-11-22');
    expect(again.stored).toEqual([]); // never overwritten

    const head = await signedIn(t.app, 'head');
    const page = await head.get(`/scorecard/placements.delegated-authority?month=2026-06&team=${world.teamA.id}`);
    expect(page.body).toMatch(/50%/); // as stored at month end
    expect(page.body).toContain('Stored at month end');
    expect(page.body).toContain('Today&#39;s recount differs from the snapshot');
    expect(page.body).toContain('100% (2 of 2)');
    const csv = await head.get('/scorecard.csv?month=2026-06');
    expect(csv.body).toContain(
      ',team,Testshire Team A,50,percentage,100,At least 100%,higher,Off target,1,2,snapshot,',
    );
  });

  it('stores each closed month of the last year in the background, one measure at a time, as counted', async () => {
    const db = t.database.db;
    await snapshotLastYear(db, '2026-11-22');
    const months = Array.from({ length: 12 }, (_, i) => addMonthsToMonth('2025-11', i));
    expect(months.at(-1)).toBe('2026-10');
    const stored = await readSnapshots(db, months);
    for (const measure of allMeasures()) {
      expect([...(stored.get(measure.id)?.keys() ?? [])].sort(), measure.id).toEqual(months);
    }
    // May 2026, stored one measure at a time: the same figures as a count now.
    const measure = findMeasure('placements.delegated-authority')!;
    const { figures } = await countMeasure(db, measure, periodOf('2026-05', '2026-11-22'));
    const byScope = (f: ScopedFigure[]) =>
      [...f].sort((a, b) => `${a.scopeKind}${a.scopeId}`.localeCompare(`${b.scopeKind}${b.scopeId}`));
    expect(byScope(stored.get(measure.id)!.get('2026-05')!)).toEqual(byScope(figures));
    // Run again (the server's next hour): every month is kept as it was stored.
    await snapshotLastYear(db, '2026-11-22');
    expect(await readSnapshots(db, months)).toEqual(stored);
    // Every measure counted for each of 12 months (about 10 s alone; it ran past 30 s beside
    // other test files on a slow 2-core machine).
  }, 90_000);

  it('refuses to snapshot a month that has not ended', async () => {
    await expect(snapshotMonth(t.database.db, '2026-11', '2026-11-22')).rejects.toThrow(/not ended/);
  });
});
