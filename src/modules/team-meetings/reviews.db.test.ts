/**
 * The head's list of serious case reviews put right, and the main page at national scale: a review's
 * details changed (the form filled in, refused input shown again), a review added by mistake removed
 * through the confirm page, a review a meeting has discussed kept (no link offered, a post refused
 * with the reason); and the teams' summary paged in SQL, 25 teams a page, beside the reviews' own
 * pager, each with its own query parameter.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { teamIdByName, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { teamLines } from './queries.ts';
import { extendedMeetings } from './tables.ts';
import { makeScr, makeTeamMeeting } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const today = todayInLondon();

const boxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};
const reviewForm = (values: Record<string, string> = {}) => ({
  title: 'Child V: a serious case review',
  publishedBy: 'Fixture Safeguarding Children Partnership',
  ...boxes('publishedOn', addDays(today, -60)),
  link: 'https://www.example.org.uk/child-v.pdf',
  learning: 'Listen to what carers notice.',
  ...values,
});
const exists = async (id: string) =>
  (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from serious_case_reviews where id = ${id}`))[0]!
    .n === 1;

describe('a serious case review put right', () => {
  it('is changed by the head, with the form filled in and refused input kept', async () => {
    const review = await makeScr(db(), { title: 'Child U: a serious case review' });
    const href = `/learning-from-reviews/${review.id}`;
    const head = await signedIn(t.app, 'head');
    const page = await head.get(href);
    expect(page.body).toContain(`href="${href}/edit"`);
    expect(page.body).toContain(`href="${href}/remove"`);
    const form = await head.get(`${href}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Child U: a serious case review"');
    expect(form.body).toContain('value="https://www.example.org.uk/review.pdf"');
    expect(form.body).toContain('value="2026"');

    const refused = await head.post(`${href}/edit`, reviewForm({ title: 'Kept title', link: 'nowhere', learning: '' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Enter the web address of the published report, starting https://');
    expect(refused.body).toContain('Enter a summary of its learning for fostering');
    expect(refused.body).toContain('value="Kept title"');
    expect(refused.body).toContain('value="nowhere"');

    const changed = await head.post(`${href}/edit`, reviewForm());
    expect(changed.statusCode).toBe(303);
    const after = await head.get(String(changed.headers.location));
    expect(after.body).toContain('The review has been changed');
    expect(after.body).toContain('Child V: a serious case review');
    expect(after.body).toContain(formatDate(addDays(today, -60)));
    expect((await head.get(`/records/serious-case-review/${review.id}/audit`)).body).toContain(
      'Changed the serious case review',
    );

    // A team manager reads the review but neither changes nor removes it.
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(href)).body).not.toContain(`${href}/edit`);
    expect((await manager.get(`${href}/edit`)).statusCode).toBe(403);
    expect((await manager.post(`${href}/edit`, reviewForm({ title: 'Not theirs' }))).statusCode).toBe(403);
    expect((await manager.post(`${href}/remove`, { confirm: 'yes' })).statusCode).toBe(403);
  });

  it('is removed when no meeting has discussed it, only once confirmed', async () => {
    const review = await makeScr(db(), { title: 'Child W: added by mistake' });
    const href = `/learning-from-reviews/${review.id}`;
    const head = await signedIn(t.app, 'head');
    const confirm = await head.get(`${href}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Remove “Child W: added by mistake”');
    const unconfirmed = await head.post(`${href}/remove`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that the review was added by mistake');
    expect(await exists(review.id)).toBe(true);
    const removed = await head.post(`${href}/remove`, { confirm: 'yes' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/learning-from-reviews?done=removed');
    const list = await head.get(String(removed.headers.location));
    expect(list.body).toContain('The review has been removed');
    expect(list.body).not.toContain('Child W: added by mistake');
    expect((await head.get(href)).statusCode).toBe(404);
    expect(await exists(review.id)).toBe(false);
  });

  it('stays once a team meeting or an extended meeting has discussed it', async () => {
    const head = await signedIn(t.app, 'head');
    const east1 = await teamIdByName(db(), 'East Kent Fostering Team 1');
    const byTeam = await makeScr(db(), { title: 'Child X: discussed by a team' });
    await makeTeamMeeting(db(), {
      teamId: east1,
      heldOn: today,
      chairedBy: await userIdByUsername(db(), 'manager'),
      reviewId: byTeam.id,
    });
    const byManagers = await makeScr(db(), { title: 'Child Y: discussed by the managers' });
    await db().insert(extendedMeetings).values({
      heldOn: today,
      reflectivePractice: true,
      learning: 'Made up.',
      reviewId: byManagers.id,
    });
    for (const review of [byTeam, byManagers]) {
      const href = `/learning-from-reviews/${review.id}`;
      const page = await head.get(href);
      expect(page.body).toContain(`href="${href}/edit"`);
      expect(page.body).not.toContain(`${href}/remove`);
      const confirm = await head.get(`${href}/remove`);
      expect(confirm.statusCode).toBe(409);
      expect(confirm.body).toContain('This review cannot be removed');
      const refused = await head.post(`${href}/remove`, { confirm: 'yes' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('so it stays on the list: the meetings’ records point to it');
      expect(await exists(review.id)).toBe(true);
    }
  });
});

describe('the teams’ summary at national scale', () => {
  beforeAll(async () => {
    // Enough teams for two pages, and enough reviews for the reviews' own pager.
    await db().execute(sql`insert into teams (name, area_id)
      select 'Paging Fostering Team ' || lpad(n::text, 2, '0'), (select id from areas where name = 'East Kent')
      from generate_series(1, 30) as n`);
    for (let n = 0; n < 26; n += 1) await makeScr(db(), { title: `Paging review ${n}` });
  });

  const teamsOn = (body: string) => {
    const table = /<table class="govuk-table" data-teams>([\s\S]*?)<\/table>/.exec(body)?.[1] ?? '';
    return [...table.matchAll(/<a class="govuk-link" href="\/teams\/[0-9a-f-]{36}\/team-meetings">([^<]+)<\/a>/g)].map(
      (m) => m[1]!,
    );
  };

  it('pages the teams in SQL, 25 a page, with a pager of their own beside the reviews’', async () => {
    const [count] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from teams`);
    const total = count!.n;
    expect(total).toBeGreaterThan(30);
    const head = await signedIn(t.app, 'head');
    const first = await head.get('/learning-from-reviews');
    expect(first.body).toContain(`Showing 1 to 25 of ${total} teams, by name.`);
    expect(teamsOn(first.body)).toHaveLength(25);
    expect(first.body).toContain('href="/learning-from-reviews?teams-page=2"');
    expect(first.body).toContain('aria-label="Pages of teams"');
    expect(first.body).toContain('aria-label="Pages of reviews"');
    expect(first.body).toContain('href="/learning-from-reviews?page=2"');

    // The second page of teams keeps the reviews' page, and the reviews' pager keeps the teams'.
    const second = await head.get('/learning-from-reviews?teams-page=2&page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain(`Showing 26 to ${total} of ${total} teams, by name.`);
    expect(second.body).toContain('<title>Learning from serious case reviews (teams page 2, reviews page 2)');
    expect(second.body).toContain('href="/learning-from-reviews?teams-page=1&amp;page=2"');
    expect(second.body).toContain('href="/learning-from-reviews?teams-page=2&amp;page=1"');
    const names = [...teamsOn(first.body), ...teamsOn(second.body)];
    expect(new Set(names).size).toBe(total);
    // Past the last page: no teams, never an error.
    const past = await head.get('/learning-from-reviews?teams-page=99');
    expect(past.statusCode).toBe(200);
    expect(past.body).toContain('There are no teams on this page.');
  });

  it('counts only the teams the reader may see', async () => {
    const quarter = quarterOf(today).start;
    const sm = await viewer(db(), 'servicemanager');
    const [east] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from teams t join areas a on a.id = t.area_id where a.name = 'East Kent'`,
    );
    const page = await teamLines(db(), sm, quarter, 2, 10);
    expect(page.total).toBe(east!.n);
    expect(page.rows).toHaveLength(10);
    expect(page.rows.every((r) => r.areaName === 'East Kent')).toBe(true);
    const manager = await teamLines(db(), await viewer(db(), 'manager'), quarter, 1);
    expect(manager.total).toBe(1);
    expect(manager.rows.map((r) => r.teamName)).toEqual(['East Kent Fostering Team 1']);
  });
});
