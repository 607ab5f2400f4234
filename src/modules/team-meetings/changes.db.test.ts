/**
 * Putting right a team meeting on a serious case review, and who records one: the team's manager
 * changes a meeting (the form filled in, refused input shown again with what was typed) and removes
 * it through the confirm page, its actions with it; the head does the same for any team; another
 * team's manager finds no such meeting and a supervising social worker is refused. While a team
 * manager is away the area's service manager records the team's meeting, never another area's. The
 * team's quarter and the actions on the clock follow each change, and the audit trail says it.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { teamIdByName, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { quarterOf } from '../../platform/dates/quarters.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { makeStaffUser } from '../staff/test-support.ts';
import { quarterId } from './slots.ts';
import { clearLearning, makeExtendedMeeting, makeScr, makeTeamMeeting } from './test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const today = todayInLondon();
const quarter = quarterOf(today);
/** The last day of the quarter before this one. */
const lastQuarter = addDays(quarter.start, -1);

const boxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};
const idIn = (location: unknown) => /([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

/** The due dates of a team's quarters kept on the clock. */
const quartersDue = async (teamId: string) =>
  (
    await queryRows<{ due: string }>(
      db(),
      sql`select due_on::text as due from due_items where rule_id = 'team-meetings.team-learning' and team_id = ${teamId}
        order by due_on`,
    )
  ).map((r) => r.due);
/** The labels of a meeting's actions kept on the clock. */
const actionsDue = async (meetingHref: string) =>
  (
    await queryRows<{ label: string }>(
      db(),
      sql`select label from due_items where rule_id = 'team-meetings.action' and href = ${meetingHref}`,
    )
  ).map((r) => r.label);

let east1 = '';
let west2 = '';
let reviewId = '';
let maya = '';
let sam = '';

beforeAll(async () => {
  await clearLearning(db(), today);
  east1 = await teamIdByName(db(), 'East Kent Fostering Team 1');
  west2 = await teamIdByName(db(), 'West Kent Fostering Team 2');
  reviewId = (await makeScr(db(), { title: 'Child R: a serious case review' })).id;
  maya = await userIdByUsername(db(), 'manager');
  sam = await userIdByUsername(db(), 'ssw');
});

const meetingForm = (heldOn: IsoDate, values: Record<string, string> = {}) => ({
  ...boxes('heldOn', heldOn),
  chairedBy: maya,
  attended: '7',
  attendees: '',
  reviewId,
  learning: 'Pass carers’ worries on the same day.',
  ...values,
});

describe('a team meeting put right', () => {
  it('is changed and then removed by the team’s manager, the clock following each', async () => {
    const manager = await signedIn(t.app, 'manager');
    const saved = await manager.post(`/teams/${east1}/team-meetings/new`, meetingForm(today));
    expect(saved.statusCode).toBe(303);
    const id = idIn(saved.headers.location);
    const href = `/team-meetings/${id}`;
    const dueOn = addDays(today, 20);
    await manager.post(`${href}/actions/new`, {
      action: 'Ask at every visit.',
      ownerId: sam,
      ...boxes('dueOn', dueOn),
    });
    expect(await quartersDue(east1)).not.toContain(quarter.end);
    expect(await actionsDue(href)).toEqual([`Action from the team meeting on ${formatDate(today)}`]);

    // The meeting's page offers the change and the removal; the form comes filled in.
    const page = await manager.get(href);
    expect(page.body).toContain(`href="${href}/edit"`);
    expect(page.body).toContain(`href="${href}/remove"`);
    const form = await manager.get(`${href}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the team meeting');
    expect(form.body).toContain('value="7"');
    expect(form.body).toMatch(new RegExp(`value="${reviewId}" selected`));
    expect(form.body).toMatch(new RegExp(`value="${maya}" selected`));
    expect(form.body).toContain('Pass carers’ worries on the same day.');

    // Refused with the summary and every message, what was typed kept.
    const refused = await manager.post(`${href}/edit`, meetingForm(today, { attended: 'lots', learning: 'Kept.' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Number who attended must be a whole number from 1 to 500');
    expect(refused.body).toContain('value="lots"');
    expect(refused.body).toContain('Kept.');

    // Moved back into last quarter: this quarter is due again, and the action says the new date.
    const changed = await manager.post(`${href}/edit`, meetingForm(lastQuarter, { attended: '9' }));
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`${href}?done=changed`);
    const after = await manager.get(String(changed.headers.location));
    expect(after.body).toContain('The team meeting has been changed');
    expect(after.body).toContain(`Team meeting on ${formatDate(lastQuarter)}`);
    expect(after.body).toContain('9 people');
    expect(await quartersDue(east1)).toContain(quarter.end);
    expect(await quartersDue(east1)).not.toContain(lastQuarter);
    expect(await actionsDue(href)).toEqual([`Action from the team meeting on ${formatDate(lastQuarter)}`]);

    // Removed through the confirm page, only once confirmed; its action goes with it.
    const confirm = await manager.get(`${href}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`Remove the team meeting on ${formatDate(lastQuarter)}`);
    expect(confirm.body).toContain('Its action is removed with it.');
    const unconfirmed = await manager.post(`${href}/remove`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('govuk-error-summary');
    expect(unconfirmed.body).toContain('Confirm that the meeting was recorded by mistake');
    const removed = await manager.post(`${href}/remove`, { confirm: 'yes' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/teams/${east1}/team-meetings?done=removed`);
    expect((await manager.get(String(removed.headers.location))).body).toContain('The team meeting has been removed');
    expect((await manager.get(href)).statusCode).toBe(404);
    expect(await actionsDue(href)).toEqual([]);
    const [left] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from team_meeting_actions where meeting_id = ${id}`,
    );
    expect(left!.n).toBe(0);
    expect(await quartersDue(east1)).toContain(quarter.end);

    // The audit trail: the change on the meeting's; the removal on its team's quarter, which stays.
    const head = await signedIn(t.app, 'head');
    const [q] = await queryRows<{ id: string }>(
      db(),
      sql`select ${quarterId(sql`${east1}::uuid`, sql`${quarterOf(lastQuarter).start}::date`)}::text as id`,
    );
    const trail = await head.get(`/records/team-quarter/${q!.id}/audit`);
    expect(trail.body).toContain(
      'Removed a team meeting on the team’s learning from serious case reviews in the quarter',
    );
    const [changes] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from audit_events where record_type = 'team-meeting' and record_id = ${id}
        and action in ('update', 'delete')`,
    );
    expect(changes!.n).toBe(2);
  });

  it('is changed and removed by the head; another team’s manager finds none, a social worker is refused', async () => {
    const meeting = await makeTeamMeeting(db(), {
      teamId: east1,
      heldOn: today,
      chairedBy: maya,
      reviewId,
      actions: [{ ownerId: sam, dueOn: addDays(today, 10) }],
    });
    const href = `/team-meetings/${meeting.id}`;
    expect(await quartersDue(east1)).not.toContain(quarter.end);

    const other = await makeStaffUser(db(), { role: 'team_manager', team: 'West Kent Fostering Team 2' });
    const otherManager = await signedIn(t.app, other.username);
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(href)).body).not.toContain(`${href}/edit`);
    for (const [agent, status] of [
      [otherManager, 404],
      [ssw, 403],
    ] as const) {
      expect((await agent.get(`${href}/edit`)).statusCode).toBe(status);
      expect((await agent.post(`${href}/edit`, meetingForm(today, { attended: '2' }))).statusCode).toBe(status);
      expect((await agent.get(`${href}/remove`)).statusCode).toBe(status);
      expect((await agent.post(`${href}/remove`, { confirm: 'yes' })).statusCode).toBe(status);
    }
    const [still] = await queryRows<{ attended: number }>(
      db(),
      sql`select attended from team_meetings where id = ${meeting.id}`,
    );
    expect(still!.attended).toBe(6);

    const head = await signedIn(t.app, 'head');
    expect((await head.get(href)).body).toContain(`href="${href}/edit"`);
    // A meeting is not moved after the day its first action is due.
    const earlier = await makeTeamMeeting(db(), {
      teamId: west2,
      heldOn: addDays(today, -30),
      chairedBy: maya,
      reviewId,
      actions: [{ ownerId: sam, dueOn: addDays(today, -20) }],
    });
    const moved = await head.post(
      `/team-meetings/${earlier.id}/edit`,
      meetingForm(addDays(today, -10), { learning: 'Typed again.' }),
    );
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain(
      `Date of the meeting must be on or before ${formatDate(addDays(today, -20))}, when its first action is due`,
    );
    expect(moved.body).toContain('href="#heldOn-day"');
    expect(moved.body).toContain('Typed again.');
    expect((await head.post(`${href}/edit`, meetingForm(today, { attended: '11' }))).statusCode).toBe(303);
    expect((await head.get(href)).body).toContain('11 people');
    expect(await quartersDue(east1)).not.toContain(quarter.end);
    expect((await head.post(`${href}/remove`, { confirm: 'yes' })).statusCode).toBe(303);
    expect(await quartersDue(east1)).toContain(quarter.end);
    expect(await actionsDue(href)).toEqual([]);
  });
});

describe('who records a team’s meeting', () => {
  it('is the area’s service manager while the team manager is away, never for a team in another area', async () => {
    const sm = await signedIn(t.app, 'servicemanager');
    const list = await sm.get(`/teams/${east1}/team-meetings`);
    expect(list.body).toContain(`href="/teams/${east1}/team-meetings/new"`);
    const form = await sm.get(`/teams/${east1}/team-meetings/new`);
    expect(form.statusCode).toBe(200);
    const sunita = /<option value="([0-9a-f-]{36})">Sunita Rao<\/option>/.exec(form.body)?.[1];
    expect(sunita).toBeDefined();
    const saved = await sm.post(`/teams/${east1}/team-meetings/new`, meetingForm(today, { chairedBy: sunita! }));
    expect(saved.statusCode).toBe(303);
    const href = `/team-meetings/${idIn(saved.headers.location)}`;
    const page = await sm.get(href);
    expect(page.body).toContain('Chaired by');
    expect(page.body).toContain('Sunita Rao');
    expect(page.body).toContain(`href="${href}/actions/new"`);
    expect(await quartersDue(east1)).not.toContain(quarter.end);
    // The service manager adds an action and changes the meeting they recorded.
    const action = await sm.post(`${href}/actions/new`, {
      action: 'Share the learning at the next supervision.',
      ownerId: sam,
      ...boxes('dueOn', addDays(today, 7)),
    });
    expect(action.statusCode).toBe(303);
    expect((await sm.post(`${href}/edit`, meetingForm(today, { chairedBy: sunita!, attended: '5' }))).statusCode).toBe(
      303,
    );

    // A team in another area: no such team for them.
    expect((await sm.get(`/teams/${west2}/team-meetings`)).statusCode).toBe(404);
    expect((await sm.get(`/teams/${west2}/team-meetings/new`)).statusCode).toBe(404);
    expect((await sm.post(`/teams/${west2}/team-meetings/new`, meetingForm(today))).statusCode).toBe(404);
    // West Kent's service manager cannot change East Kent's meeting either.
    const westSm = await makeStaffUser(db(), { role: 'service_manager', team: 'West Kent Fostering Team 2' });
    await db().execute(sql`update users set team_id = null where id = ${westSm.id}`);
    const west = await signedIn(t.app, westSm.username);
    expect((await west.get(`${href}/edit`)).statusCode).toBe(404);
    expect((await west.post(`${href}/remove`, { confirm: 'yes' })).statusCode).toBe(404);
    expect((await west.get(`/teams/${west2}/team-meetings`)).body).toContain(
      `href="/teams/${west2}/team-meetings/new"`,
    );

    // The team's own manager still records; another team's manager still cannot.
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/teams/${east1}/team-meetings/new`)).statusCode).toBe(200);
    expect((await manager.get(`/teams/${west2}/team-meetings/new`)).statusCode).toBe(404);
    // The head records for any team.
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/teams/${west2}/team-meetings`)).body).toContain(
      `href="/teams/${west2}/team-meetings/new"`,
    );
    expect(
      (
        await head.post(
          `/teams/${west2}/team-meetings/new`,
          meetingForm(today, { chairedBy: await userIdByUsername(db(), 'head') }),
        )
      ).statusCode,
    ).toBe(303);
  });
});

describe('putting right an extended team manager meeting', () => {
  /** Whether this month's extended meeting is on the head's clock (no meeting with reflective practice yet). */
  const thisMonthDue = async () =>
    (
      await queryRows<{ n: number }>(
        db(),
        sql`select count(*)::int as n from due_items where rule_id = 'team-meetings.extended-meeting'
          and label = ${`Extended team manager meeting: ${formatDate(today).replace(/^\d+ /, '')}`}`,
      )
    )[0]!.n;

  it('lets the head change its details or remove it when recorded by mistake; a team manager only reads it', async () => {
    const meeting = await makeExtendedMeeting(db(), today, true);
    const href = `/extended-meetings/${meeting.id}`;
    expect(await thisMonthDue()).toBe(0);

    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(href)).body).not.toContain('Change the meeting’s details');
    expect((await manager.get(`${href}/edit`)).statusCode).toBe(403);
    expect((await manager.post(`${href}/remove`, { confirm: 'yes' })).statusCode).toBe(403);

    const head = await signedIn(t.app, 'head');
    const page = await head.get(href);
    expect(page.body).toContain(`href="${href}/edit"`);
    expect(page.body).toContain(`href="${href}/remove"`);
    const form = await head.get(`${href}/edit`);
    expect(form.body).toContain('Made up.');

    const refused = await head.post(`${href}/edit`, {
      ...boxes('heldOn', today),
      reflectivePractice: 'no',
      learning: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the learning discussed');
    const changed = await head.post(`${href}/edit`, {
      ...boxes('heldOn', today),
      reflectivePractice: 'no',
      learning: 'Budget only: no reflective practice this time.',
    });
    expect(changed.statusCode).toBe(303);
    const after = await head.get(String(changed.headers.location));
    expect(after.body).toContain('The meeting has been changed');
    expect(after.body).toContain('Budget only: no reflective practice this time.');
    // Without reflective practice on the agenda, this month's meeting is due again.
    expect(await thisMonthDue()).toBe(1);

    const unconfirmed = await head.post(`${href}/remove`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that the meeting was recorded by mistake');
    const removed = await head.post(`${href}/remove`, { confirm: 'yes' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/extended-meetings?done=removed');
    expect((await head.get(String(removed.headers.location))).body).toContain('The meeting has been removed');
    expect((await head.get(href)).statusCode).toBe(404);
    const audit = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_events where record_type = 'extended-meeting' and record_id = ${meeting.id}
        and action in ('update', 'delete') order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['update', 'delete']);
  });
});
