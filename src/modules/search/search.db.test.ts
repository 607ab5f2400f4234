/**
 * The search box: names found despite typing mistakes, best first, labelled, scoped. Restricted
 * households and other areas' people never appear for those who may not open them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import {
  makeCarer,
  makeHousehold,
  makeMember,
  nameOnRestrictedHousehold,
  userIdByUsername,
} from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import type { Db } from '../../platform/db/client.ts';
import { viewer } from '../home/test-support.ts';
import { searchPeople } from './queries.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';

let t: TestApp;
let db: Db;
let east: { id: string; reference: string };
let west: { id: string; reference: string };
let restricted: { id: string; reference: string };
let eastChild: { id: string; reference: string };

/** The results table of a search page, one line of text per row. */
const resultRows = (body: string) => tableRowsAfter(body, 'best first');

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  east = await makeHousehold(db, { name: 'Smith', teamName: 'East Kent Fostering Team 1' });
  await makeCarer(db, east.id, { firstName: 'John', lastName: 'Smith' });
  await makeCarer(db, east.id, { firstName: 'Johanna', lastName: 'Smithers' });
  await makeMember(db, east.id, { firstName: 'Ebenezer', lastName: 'Quartermain', relationship: 'birth_child' });
  const child = await makeChild(db, { firstName: 'Wilhelmina', lastName: 'Farthingale', preferredName: 'Mina' });
  await makePlacement(db, { childId: child.id, householdId: east.id, startDate: '2026-01-05' });
  eastChild = child;
  west = await makeHousehold(db, { name: 'Marchbanks', teamName: 'West Kent Fostering Team 1' });
  await makeCarer(db, west.id, { firstName: 'Cordelia', lastName: 'Marchbanks' });
  restricted = await makeHousehold(db, { name: 'Ravensworth', teamName: 'East Kent Fostering Team 1' });
  await makeCarer(db, restricted.id, { firstName: 'Peregrine', lastName: 'Ravensworth', isStaff: true });
});
afterAll(async () => {
  await t.close();
});

describe('search', () => {
  it('finds a name typed with mistakes, the closest match first', async () => {
    const head = await signedIn(t.app, 'head');
    const page = await head.get('/search?q=Jonh+Smiht');
    expect(page.statusCode).toBe(200);
    const rows = resultRows(page.body);
    expect(rows[0]).toMatch(/^John Smith Carer Smith, H-\d+/);
    expect(page.body).toContain(`href="/households/${east.id}"`);
    // Nothing like it: no results, said plainly.
    const none = await head.get('/search?q=Xyzzyplover');
    expect(none.body).toContain('No matches');
  });

  it('says what each result is and links to the household or the child', async () => {
    const head = await signedIn(t.app, 'head');
    const member = resultRows((await head.get('/search?q=Ebenezer+Quartermain')).body);
    expect(member[0]).toMatch(/^Ebenezer Quartermain Household member Smith, H-\d+/);
    const childPage = await head.get('/search?q=Wilhelmina+Farthingal');
    expect(resultRows(childPage.body)[0]).toMatch(
      `Wilhelmina Farthingale (known as Mina) Child ${eastChild.reference} born `,
    );
    expect(childPage.body).toContain(`href="/children/${eastChild.id}"`);
    const household = resultRows((await head.get('/search?q=Marchbank')).body);
    expect(household.some((r) => r.startsWith('Marchbanks Household'))).toBe(true);
    expect(household.some((r) => r.startsWith('Cordelia Marchbanks Carer'))).toBe(true);
  });

  it('finds part of a name (a surname alone), best match first, at most 50', async () => {
    const results = await searchPeople(db, await viewer(db, 'head'), 'smith');
    expect(results.length).toBeLessThanOrEqual(50);
    expect(results.slice(0, 3).map((r) => r.name)).toContain('John Smith');
    // Exact surnames first, then by how alike the names are.
    const rank = (r: (typeof results)[number]) => (r.exact ? 1 : 0) * 10 + r.score;
    for (let i = 1; i < results.length; i += 1) expect(rank(results[i - 1]!)).toBeGreaterThanOrEqual(rank(results[i]!));
  });

  it('tells people apart: the household status and town, a child’s date of birth; an exact surname first', async () => {
    const head = await signedIn(t.app, 'head');
    const child = resultRows((await head.get('/search?q=Wilhelmina+Farthingale')).body)[0];
    expect(child).toMatch(/ born \d{1,2} [A-Z][a-z]+ \d{4}$/);
    const carer = resultRows((await head.get('/search?q=Cordelia+Marchbanks')).body)[0];
    expect(carer).toMatch(/^Cordelia Marchbanks Carer Marchbanks, H-\d+ Approved, /);
    // "Smith Oy" (Smith a first name) is as like "smith" as "John Smith" and shorter, so it used to come first.
    const other = await makeHousehold(db, { name: 'Oy', teamName: 'East Kent Fostering Team 1' });
    await makeCarer(db, other.id, { firstName: 'Smith', lastName: 'Oy' });
    const rows = resultRows((await head.get('/search?q=smith')).body);
    const names = rows.map((r) => r.split(' Carer ')[0]);
    expect(names.indexOf('John Smith')).toBeLessThan(names.indexOf('Smith Oy'));
    expect(names.indexOf('Smith Oy')).toBeGreaterThan(-1);
  });

  it('hides a restricted household from a manager not named on it', async () => {
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get('/search?q=Peregrine+Ravensworth')).body).toContain('No matches');
    expect((await manager.get(`/search?q=${restricted.reference}`)).statusCode).toBe(200);
    const head = await signedIn(t.app, 'head');
    expect(resultRows((await head.get('/search?q=Peregrine+Ravensworth')).body)[0]).toContain('Peregrine Ravensworth');
    await nameOnRestrictedHousehold(db, restricted.id, await userIdByUsername(db, 'manager'));
    expect(resultRows((await manager.get('/search?q=Peregrine+Ravensworth')).body)[0]).toContain(
      'Peregrine Ravensworth',
    );
  });

  it('does not let a West social worker find East-only people', async () => {
    const ssw2 = await signedIn(t.app, 'ssw2');
    for (const q of ['John+Smith', 'Ebenezer+Quartermain', 'Wilhelmina+Farthingale', 'Smith']) {
      const body = (await ssw2.get(`/search?q=${q}`)).body;
      expect(body, q).not.toContain(`/households/${east.id}`);
      expect(body, q).not.toContain(`/children/${eastChild.id}`);
    }
    expect((await ssw2.get('/search?q=Ebenezer+Quartermain')).body).toContain('No matches');
    expect(resultRows((await ssw2.get('/search?q=Cordelia+Marchbanks')).body)[0]).toContain('Cordelia Marchbanks');
  });

  it('goes straight to a record by its exact reference, only when the searcher may open it', async () => {
    const manager = await signedIn(t.app, 'manager');
    const jump = await manager.get(`/search?q=${east.reference.toLowerCase()}`);
    expect(jump.statusCode).toBe(303);
    expect(jump.headers.location).toBe(`/households/${east.id}`);
    const child = await manager.get(`/search?q=${eastChild.reference}`);
    expect(child.headers.location).toBe(`/children/${eastChild.id}`);
    const ssw2 = await signedIn(t.app, 'ssw2');
    const hidden = await ssw2.get(`/search?q=${east.reference}`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).toContain('No matches');
  });

  it('asks for more than a letter, and refuses text it cannot search for', async () => {
    const head = await signedIn(t.app, 'head');
    const short = await head.get('/search?q=J');
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Enter at least 2 letters of a name');
    const nul = await head.get('/search?q=Jo%00hn');
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('Remove the invalid character');
    expect((await head.get('/search')).statusCode).toBe(200);
  });

  it('has the same Search button on the search page and on My work', async () => {
    const head = await signedIn(t.app, 'head');
    const button = (body: string) => /<button[^>]*class="([^"]*)"[^>]*>\s*Search\s*<\/button>/.exec(body)?.[1];
    const onSearch = button((await head.get('/search')).body);
    expect(onSearch).toContain('govuk-button');
    expect(button((await head.get('/my-work')).body)).toBe(onSearch);
  });

  it('is for staff only', async () => {
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get('/search?q=Smith')).statusCode).toBe(403);
  });
});
