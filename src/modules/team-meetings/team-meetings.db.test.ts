/**
 * Learning from serious case reviews as the head of fostering and the teams use the pages: a review
 * added to the list, a team meeting recorded by the team's manager with an action, each form refused
 * with every message and what was typed kept, the action marked done by its owner, the review's page
 * showing the team that discussed it, another team's manager refused, who may read and who may not,
 * and the audit trail's words; an action changed or removed when it was recorded wrongly.
 */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { teamIdByName } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/sql.ts';
import { viewer } from '../home/test-support.ts';
import { makeStaffUser } from '../staff/test-support.ts';
import { makeTeamMeeting } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const boxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};
const idIn = (location: unknown) => /([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

const review = {
  title: 'Child Q: a serious case review',
  publishedBy: 'Fixture Safeguarding Children Partnership',
  ...boxes('publishedOn', addDays(today, -40)),
  link: 'https://www.example.org.uk/child-q.pdf',
  learning: 'Concerns raised by carers were not passed on.',
};

describe('learning from a serious case review in a team meeting', () => {
  it('is recorded by the head and a team manager, refused with every message, and found on the review’s page', async () => {
    const head = await signedIn(t.app, 'head');
    const form = await head.get('/learning-from-reviews/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Do not enter anything that could identify a child or family known to our service');
    const empty = await head.post('/learning-from-reviews/new', { title: 'Kept title', link: 'www.example.org.uk' });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Enter who published the review',
      'Enter the date published',
      'Enter the web address of the published report, starting https://',
      'Enter a summary of its learning for fostering',
    ]) {
      expect(empty.body).toContain(message);
    }
    expect(empty.body).toContain('value="Kept title"');
    expect(empty.body).toContain('value="www.example.org.uk"');
    const future = await head.post('/learning-from-reviews/new', {
      ...review,
      ...boxes('publishedOn', addDays(today, 3)),
    });
    expect(future.body).toContain('Date published must be today or in the past');
    const added = await head.post('/learning-from-reviews/new', review);
    expect(added.statusCode).toBe(303);
    const reviewId = idIn(added.headers.location);
    const page = await head.get(String(added.headers.location));
    expect(page.body).toContain('Child Q: a serious case review');
    expect(page.body).toContain(formatDate(addDays(today, -40)));
    expect(page.body).toContain('No team has recorded a meeting that discussed this review yet.');

    // The East Kent team 1 manager records a meeting of their team.
    const east1 = await teamIdByName(t.database.db, 'East Kent Fostering Team 1');
    const manager = await signedIn(t.app, 'manager');
    const meetingForm = await manager.get(`/teams/${east1}/team-meetings/new`);
    expect(meetingForm.statusCode).toBe(200);
    expect(meetingForm.body).toContain('Maya Mensah');
    expect(meetingForm.body).toContain('Child Q: a serious case review');
    const refused = await manager.post(`/teams/${east1}/team-meetings/new`, {
      attended: 'many',
      learning: 'Typed and kept.',
    });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      'Enter the date of the meeting',
      'Select who chaired the meeting',
      'Number who attended must be a whole number from 1 to 500',
      'Select the serious case review the team discussed',
    ]) {
      expect(refused.body).toContain(message);
    }
    expect(refused.body).toContain('Typed and kept.');
    expect(refused.body).toContain('value="many"');
    const managerId = /<option value="([0-9a-f-]{36})">Maya Mensah<\/option>/.exec(meetingForm.body)?.[1];
    // Today: the team's latest meeting whatever day the small demo held its own last one on.
    const heldOn = today;
    const meeting = {
      ...boxes('heldOn', heldOn),
      chairedBy: managerId!,
      attended: '7',
      attendees: '',
      reviewId,
      learning: 'Pass carers’ worries on the same day.',
    };
    // Someone from outside the team cannot chair it: refused with the list's words.
    const elsewhere = await makeStaffUser(t.database.db, { team: 'West Kent Fostering Team 2' });
    const outsider = await manager.post(`/teams/${east1}/team-meetings/new`, { ...meeting, chairedBy: elsewhere.id });
    expect(outsider.body).toContain('Select who chaired the meeting from the list');
    const saved = await manager.post(`/teams/${east1}/team-meetings/new`, meeting);
    expect(saved.statusCode).toBe(303);
    const meetingId = idIn(saved.headers.location);
    const meetingPage = await manager.get(`/team-meetings/${meetingId}`);
    expect(meetingPage.body).toContain(`Team meeting on ${formatDate(heldOn)}`);
    expect(meetingPage.body).toContain('7 people');
    expect(meetingPage.body).toContain('Pass carers’ worries on the same day.');

    // An action for the team, refused then added.
    const actionForm = await manager.get(`/team-meetings/${meetingId}/actions/new`);
    const samId = /<option value="([0-9a-f-]{36})">Sam Sutherland<\/option>/.exec(actionForm.body)?.[1];
    expect(samId).toBeDefined();
    const noAction = await manager.post(`/team-meetings/${meetingId}/actions/new`, { action: '' });
    for (const message of ['Enter the action', 'Select who will do it', 'Enter the date it is due']) {
      expect(noAction.body).toContain(message);
    }
    const early = await manager.post(`/team-meetings/${meetingId}/actions/new`, {
      action: 'Ask about contact at every visit.',
      ownerId: samId!,
      ...boxes('dueOn', addDays(heldOn, -1)),
    });
    expect(early.body).toContain('Date it is due must be on or after the day of the meeting');
    expect(early.body).toContain('Ask about contact at every visit.');
    const dueOn = addDays(today, 20);
    const action = await manager.post(`/team-meetings/${meetingId}/actions/new`, {
      action: 'Ask about contact at every visit.',
      ownerId: samId!,
      ...boxes('dueOn', dueOn),
    });
    expect(action.statusCode).toBe(303);
    const withAction = await manager.get(`/team-meetings/${meetingId}`);
    expect(withAction.body).toContain(`Sam Sutherland, by ${formatDate(dueOn)}. Open`);

    // Its owner marks it done.
    const ssw = await signedIn(t.app, 'ssw');
    const ownPage = await ssw.get(`/team-meetings/${meetingId}`);
    const donePath = /action="(\/team-meeting-actions\/[0-9a-f-]{36}\/done)"/.exec(ownPage.body)?.[1];
    expect(donePath).toBeDefined();
    expect((await ssw.post(donePath!, {})).statusCode).toBe(303);
    const done = await ssw.get(`/team-meetings/${meetingId}`);
    expect(done.body).toContain(`Done on ${formatDate(today)} (Sam Sutherland)`);
    // Marked done by mistake: they put it back, and it is open (on the clock) again; then done once more.
    const notDonePath = /action="(\/team-meeting-actions\/[0-9a-f-]{36}\/not-done)"/.exec(done.body)?.[1];
    expect(notDonePath).toBe(donePath!.replace(/\/done$/, '/not-done'));
    const reopened = await ssw.post(notDonePath!, {});
    expect(reopened.headers.location).toBe(`/team-meetings/${meetingId}?done=reopened`);
    const open = await ssw.get(String(reopened.headers.location));
    expect(open.body).toContain('The action is marked not done, and is on the clock again');
    expect(open.body).toContain(`Sam Sutherland, by ${formatDate(dueOn)}. Open`);
    expect(open.body).toContain(`action="${donePath}"`);
    expect((await ssw.post(donePath!, {})).statusCode).toBe(303);
    expect((await ssw.get(`/team-meetings/${meetingId}`)).body).toContain(
      `Done on ${formatDate(today)} (Sam Sutherland)`,
    );

    // The head finds the team's discussion on the review's page; the main page lists the team's latest.
    const found = await head.get(`/learning-from-reviews/${reviewId}`);
    expect(found.body).toContain('East Kent Fostering Team 1');
    expect(found.body).toContain(`href="/team-meetings/${meetingId}">${formatDate(heldOn)}</a>`);
    const main = await head.get('/learning-from-reviews');
    expect(main.body).toContain(`${formatDate(heldOn)}: Child Q: a serious case review`);

    // Another team's manager: the team and the meeting do not exist for them, nor may they add to it.
    const other = await makeStaffUser(t.database.db, { role: 'team_manager', team: 'West Kent Fostering Team 2' });
    const otherManager = await signedIn(t.app, other.username);
    expect((await otherManager.get(`/teams/${east1}/team-meetings/new`)).statusCode).toBe(404);
    expect((await otherManager.post(`/teams/${east1}/team-meetings/new`, meeting)).statusCode).toBe(404);
    expect((await otherManager.get(`/team-meetings/${meetingId}`)).statusCode).toBe(404);
    expect((await otherManager.post(`/team-meetings/${meetingId}/actions/new`, {})).statusCode).toBe(404);
    expect((await otherManager.post(donePath!, {})).statusCode).toBe(404);
    expect((await otherManager.post(donePath!.replace(/\/done$/, '/not-done'), {})).statusCode).toBe(404);
    // The head records a team's meeting too (while its manager is away: changes.db.test.ts).
    expect((await head.get(`/teams/${east1}/team-meetings/new`)).statusCode).toBe(200);

    // Who may read the meeting: the team, the area's service manager, the head and the director.
    for (const [username, status] of [
      ['ssw', 200],
      ['servicemanager', 200],
      ['director', 200],
      ['head', 200],
      ['ssw2', 404],
      ['cicsw', 403],
      ['carer', 403],
    ] as const) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(`/team-meetings/${meetingId}`)).statusCode, username).toBe(status);
    }
    // The extended meetings are the managers’: not a supervising social worker’s.
    expect((await ssw.get('/extended-meetings')).statusCode).toBe(403);
    expect((await manager.get('/extended-meetings')).statusCode).toBe(200);

    // The audit trail says it in words.
    const trail = await head.get(`/records/team-meeting/${meetingId}/audit`);
    for (const words of [
      'Created the team meeting on a serious case review',
      'Created an action for the team on the team meeting on a serious case review',
      'Completed an action for the team on the team meeting on a serious case review',
      'Viewed the team meeting on a serious case review',
    ]) {
      expect(trail.body).toContain(words);
    }
    expect((await head.get(`/records/serious-case-review/${reviewId}/audit`)).body).toContain(
      'Created the serious case review',
    );
  });

  it('puts an action right: its words, owner and date changed, or removed when recorded by mistake, its deadline following', async () => {
    const [managerUser, sam, kim] = await Promise.all(['manager', 'ssw', 'ssw2'].map((u) => viewer(t.database.db, u)));
    const moved = await makeStaffUser(t.database.db, {
      role: 'supervising_social_worker',
      team: 'East Kent Fostering Team 1',
    });
    const heldOn = addDays(today, -10);
    const meeting = await makeTeamMeeting(t.database.db, {
      teamId: await teamIdByName(t.database.db, 'East Kent Fostering Team 1'),
      heldOn,
      chairedBy: managerUser!.id,
      actions: [
        { ownerId: moved.id, dueOn: addDays(today, 5) },
        { ownerId: sam!.id, dueOn: addDays(today, 6) },
      ],
    });
    const [actionId, twiceId] = meeting.actionIds as [string, string];
    const deadline = async (id: string) =>
      queryRows<{ dueOn: string; ownerId: string }>(
        t.database.db,
        sql`select due_on::text as "dueOn", owner_user_id::text as "ownerId" from due_items
          where rule_id = 'team-meetings.action' and record_id = ${id}`,
      );
    // The owner has since moved to another team: the form still offers them, as the action has them.
    await t.database.db.execute(sql`update users set team_id = ${kim!.teamId} where id = ${moved.id}`);

    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/team-meetings/${meeting.id}`);
    expect(page.body).toContain(`href="/team-meeting-actions/${actionId}/edit"`);
    expect(page.body).toContain(`href="/team-meeting-actions/${actionId}/remove"`);
    const form = await manager.get(`/team-meeting-actions/${actionId}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the action');
    expect(form.body).toContain('A made-up action.');
    expect(form.body).toMatch(new RegExp(`<option value="${moved.id}" selected>`));
    const path = `/team-meeting-actions/${actionId}/edit`;
    const early = await manager.post(path, {
      action: 'Ask about contact at every visit, and write it down.',
      ownerId: sam!.id,
      ...boxes('dueOn', addDays(heldOn, -1)),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Date it is due must be on or after the day of the meeting');
    expect(early.body).toContain('Ask about contact at every visit, and write it down.');
    const dueOn = addDays(today, 30);
    const changed = await manager.post(path, {
      action: 'Ask about contact at every visit, and write it down.',
      ownerId: sam!.id,
      ...boxes('dueOn', dueOn),
    });
    expect(changed.headers.location).toBe(`/team-meetings/${meeting.id}?done=action-changed`);
    const after = await manager.get(String(changed.headers.location));
    expect(after.body).toContain('The action has been changed');
    expect(after.body).toContain('Ask about contact at every visit, and write it down.');
    expect(after.body).toContain(`Sam Sutherland, by ${formatDate(dueOn)}. Open`);
    expect(await deadline(actionId)).toEqual([{ dueOn, ownerId: sam!.id }]);

    // Its owner marks it done but does not change it; another team's manager cannot find it.
    const owner = await signedIn(t.app, 'ssw');
    expect((await owner.get(`/team-meetings/${meeting.id}`)).body).not.toContain(
      `/team-meeting-actions/${actionId}/edit`,
    );
    expect((await owner.get(path)).statusCode).toBe(403);
    expect((await owner.post(`/team-meeting-actions/${twiceId}/remove`, { confirm: 'yes' })).statusCode).toBe(403);
    const other = await makeStaffUser(t.database.db, { role: 'team_manager', team: 'West Kent Fostering Team 2' });
    expect((await (await signedIn(t.app, other.username)).get(path)).statusCode).toBe(404);

    // Recorded twice: removed, once confirmed, and its deadline with it.
    const removePath = `/team-meeting-actions/${twiceId}/remove`;
    const confirm = await manager.get(removePath);
    expect(confirm.body).toContain(`due by ${formatDate(addDays(today, 6))}`);
    const unconfirmed = await manager.post(removePath, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm that the action was recorded by mistake');
    expect(await deadline(twiceId)).toHaveLength(1);
    const removed = await manager.post(removePath, { confirm: 'yes' });
    const left = await manager.get(String(removed.headers.location));
    expect(left.body).toContain('The action has been removed');
    expect(left.body).not.toContain(`/team-meeting-actions/${twiceId}/`);
    expect(await deadline(twiceId)).toEqual([]);
    expect((await manager.get(removePath)).statusCode).toBe(404);

    // The audit trail keeps both, in words.
    const trail = await (await signedIn(t.app, 'head')).get(`/records/team-meeting/${meeting.id}/audit`);
    expect(trail.body).toContain('Changed an action for the team on the team meeting on a serious case review');
    expect(trail.body).toContain('Removed an action for the team on the team meeting on a serious case review');
  });

  it('records the month’s extended team manager meeting, refusing a form without its answers', async () => {
    const head = await signedIn(t.app, 'head');
    const refused = await head.post('/extended-meetings/new', { learning: 'Kept learning.' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the date of the meeting');
    expect(refused.body).toContain('Select whether reflective practice and learning were on the agenda');
    expect(refused.body).toContain('Kept learning.');
    const saved = await head.post('/extended-meetings/new', {
      ...boxes('heldOn', today),
      reflectivePractice: 'yes',
      learning: 'A reflective case discussion.',
      reviewId: '',
    });
    expect(saved.statusCode).toBe(303);
    const list = await head.get(String(saved.headers.location));
    expect(list.body).toContain('The meeting has been recorded');
    expect(list.body).toContain(formatDate(today));
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.post('/extended-meetings/new', { reflectivePractice: 'yes' })).statusCode).toBe(403);
  });
});
