/** The concerns register as the LADO reads it, and a household's concerns page as its team manager reads it. */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { householdWithChild, makeEvent, makeMatter } from './test-support.ts';

const t = testAppForFile();

describe('a household’s significant events', () => {
  it('say when Ofsted was told, and when it is still to be told', async () => {
    const { household } = await householdWithChild(t.database.db);
    await makeEvent(t.database.db, {
      householdId: household.id,
      knownAt: '2026-03-02 14:30',
      ofstedAt: '2026-03-02 16:00',
    });
    await makeEvent(t.database.db, { householdId: household.id, knownAt: '2026-04-06 09:00', kind: 'death' });
    const manager = await signedIn(t.app, 'manager');
    const page = (await manager.get(`/households/${household.id}/concerns`)).body;
    const rows = tableRowsAfter(page, 'Significant events and when Ofsted was told');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('2 March 2026 at 2:30pm 2 March 2026 at 4:00pm');
    expect(rows[1]).not.toContain('Not yet');
    expect(rows[0]).toContain('6 April 2026 at 9:00am Not yet: due by 7 April 2026 at 9:00am');
  });
});

describe('the register as the LADO reads it', () => {
  it('offers only the allegations’ kinds and stages to filter by', async () => {
    const lado = await signedIn(t.app, 'lado');
    const page = (await lado.get('/concerns')).body;
    expect(page).toContain('<option value="allegation"');
    expect(page).toContain('<option value="meeting-held"');
    for (const other of ['complaint', 'compliment', 'standard_of_care', 'stage-1', 'recorded']) {
      expect(page).not.toContain(`<option value="${other}"`);
    }
    const manager = await signedIn(t.app, 'manager');
    const register = (await manager.get('/concerns')).body;
    expect(register).toContain('<option value="complaint"');
    expect(register).toContain('<option value="stage-1"');
  });
});

describe('an allegation’s notification to Ofsted', () => {
  it('says whether Ofsted has been told, and when', async () => {
    const { household } = await householdWithChild(t.database.db);
    const told = await makeMatter(t.database.db, { householdId: household.id, knownOn: '2026-03-02' });
    const untold = await makeMatter(t.database.db, { householdId: household.id, knownOn: '2026-04-06' });
    await makeEvent(t.database.db, {
      householdId: household.id,
      concernId: told.id,
      kind: 'allegation',
      knownAt: '2026-03-02 14:30',
      ofstedAt: '2026-03-03 09:15',
    });
    await makeEvent(t.database.db, {
      householdId: household.id,
      concernId: untold.id,
      kind: 'allegation',
      knownAt: '2026-04-06 09:00',
    });
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${told.id}`)).body).toContain(
      'Became known 2 March 2026 at 2:30pm: Ofsted was told 3 March 2026 at 9:15am.',
    );
    expect((await lado.get(`/concerns/${untold.id}`)).body).toContain(
      'Ofsted must be told by 7 April 2026 at 9:00am, and has not been told yet.',
    );
  });
});
