/**
 * Missing from care pages: the list (children missing now and return interviews to offer), opening
 * an episode from the child's record, the episode's page, and a form for its return and for the
 * return interview. Thin: parse, call the service, render or redirect.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import { yesNo, formFields, type Field } from '../../platform/views/fields.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { isUuid, pageFrom } from '../../platform/views/params.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { childPath } from '../children/paths.ts';
import { findChild } from '../children/scope.ts';
import { INTERVIEW_DATES, interviewForm, OPEN_DATES, openForm, RETURN_DATES, returnForm } from './forms.ts';
import {
  changeEpisodePath,
  childEpisodesPath,
  episodePath,
  episodeStepPath,
  missingListPath,
  newEpisodePath,
  removeEpisodePath,
} from './paths.ts';
import {
  episodesOfChild,
  findEpisode,
  LIST_PAGE_SIZE,
  listEpisodes,
  listShows,
  type EpisodeChild,
  type EpisodeRow,
} from './queries.ts';
import { changeEpisodeRoutes, type ShowEpisodeForm } from './routes-change.ts';
import { removeEpisodeRoutes } from './routes-remove.ts';
import { mayChangeEpisode } from './scope.ts';
import { auditEpisodesViewed, episodeFormFor, openEpisode, recordInterview, recordReturn } from './service.ts';
import { episodeRows, episodeSummary, episodeTag } from './views.ts';

const view = { config: { access: { permission: 'missing.view' as const } } };
const record = { config: { access: { permission: 'missing.record' as const } } };

type WithId = { Params: { id: string } };

const childName = (c: EpisodeChild) => `${c.firstName} ${c.lastName}`;
const crumbs = (c: EpisodeChild, episodeId?: string) => [
  { text: 'Children', href: '/children' },
  { text: childName(c), href: childPath(c.id) },
  ...(episodeId ? [{ text: 'Missing from care', href: episodePath(episodeId) }] : []),
];

const returnFields: Field[] = [
  { type: 'date', name: 'returnedOn', label: 'Date the child came back', hint: 'For example, 27 3 2026' },
  {
    type: 'textarea',
    name: 'returnNote',
    label: 'Where the child was found, and anything learned (optional)',
    rows: 3,
  },
];

const openFields: Field[] = [
  {
    type: 'date',
    name: 'missingOn',
    label: 'Date the child went missing',
    hint: 'The day the carer found the child missing from the placement. For example, 27 3 2026',
  },
  {
    type: 'radios',
    name: 'reportedToPolice',
    label: 'Was the child reported missing to the police?',
    choices: yesNo,
    inline: true,
  },
  {
    type: 'textarea',
    name: 'circumstances',
    label: 'What is known (optional)',
    hint: 'Where the child might be, who has been told',
    rows: 3,
  },
  {
    type: 'date',
    name: 'returnedOn',
    label: 'Date the child came back (optional)',
    hint: 'Leave blank if the child is still missing',
  },
  {
    type: 'textarea',
    name: 'returnNote',
    label: 'Where the child was found, and anything learned (optional)',
    rows: 3,
  },
];

const interviewFields: Field[] = [
  {
    type: 'radios',
    name: 'outcome',
    label: 'Was an independent return interview offered?',
    hint: 'One is offered within 72 hours of the child coming back, by someone not involved in their care',
    choices: [
      { value: 'held', text: 'Offered, and it was held' },
      { value: 'declined', text: 'Offered, and the child declined it' },
      { value: 'waiting', text: 'Offered, not held yet' },
      { value: 'not-offered', text: 'Not offered' },
    ],
  },
  {
    type: 'date',
    name: 'interviewOfferedOn',
    label: 'Date it was offered',
    hint: 'If it was offered. For example, 27 3 2026',
  },
  { type: 'date', name: 'interviewHeldOn', label: 'Date of the return interview', hint: 'Only if it was held' },
  {
    type: 'textarea',
    name: 'notOfferedReason',
    label: 'Why it was not offered',
    hint: 'Only if no interview was offered: for example, the child moved to a placement out of the county',
    rows: 3,
  },
];

export const missingRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const showForm: ShowEpisodeForm = (reply, page, fields, values, errors, episodeId) =>
    reply.code(errors ? 400 : 200).page('missing-form.njk', {
      title: `${page.heading}: ${childName(page.child)}`,
      ...page,
      fields: formFields(fields, values),
      errors,
      breadcrumbs: crumbs(page.child, episodeId),
    });

  // The list.
  app.get<{ Querystring: { show?: string; page?: string } }>(missingListPath(), view, async (request, reply) => {
    const show = listShows.find((s) => s === request.query.show) ?? 'open';
    const page = pageFrom(request.query.page);
    const list = await listEpisodes(db, request.user!, show, page);
    // The list names each child and where they were placed: a view of each episode shown.
    await auditEpisodesViewed(
      db,
      who(request),
      list.rows.map((r) => r.id),
      'list',
    );
    return reply.page('missing-list.njk', {
      title: page > 1 ? `Children missing from care (page ${page})` : 'Children missing from care',
      show,
      rows: list.rows.map((r) => ({
        href: episodePath(r.id),
        child: `${r.childName} (${r.reference})`,
        household: r.householdName,
        missingOn: formatDate(r.missingOn),
        returnedOn: r.returnedOn ? formatDate(r.returnedOn) : 'Not back yet',
        tag: episodeTag(r),
      })),
      pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.total),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  // A child's episodes, all of them (their page shows the latest): read by those who read the child.
  app.get<WithId & { Querystring: { page?: string; done?: string } }>(
    childEpisodesPath(':id'),
    view,
    async (request, reply) => {
      if (!isUuid(request.params.id)) return reply.callNotFound();
      const child = await findChild(db, request.user!, request.params.id);
      if (!child) return reply.callNotFound();
      const page = pageFrom(request.query.page);
      const list = await episodesOfChild(db, child.id, { limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE });
      await auditEpisodesViewed(
        db,
        who(request),
        list.rows.map((e) => e.id),
        'child-episodes',
      );
      return reply.page('missing-child-episodes.njk', {
        title: `Every time ${childName(child)} went missing from care${page > 1 ? ` (page ${page})` : ''}`,
        child,
        rows: list.rows.map((e) => ({
          href: episodePath(e.id),
          missingOn: formatDate(e.missingOn),
          returnedOn: e.returnedOn ? formatDate(e.returnedOn) : 'Not back yet',
          household: `${e.householdName} (${e.householdReference})`,
          tag: episodeTag(e),
        })),
        childHref: childPath(child.id),
        flash: request.query.done === 'removed' ? 'The record of going missing has been removed' : null,
        pagination: pagination(request.url, page, LIST_PAGE_SIZE, list.total),
        breadcrumbs: crumbs(child),
      });
    },
  );

  // Opening an episode, from the child's record.
  const openPage = (child: EpisodeChild) => ({
    child,
    heading: 'Record that a child went missing',
    intro:
      'Record each time a child goes missing from their foster placement: the police are told at once, the child’s social worker the same day. When the child comes back, an independent return interview is offered within 72 hours.',
    button: 'Save',
    action: newEpisodePath(child.id),
    cancel: childPath(child.id),
  });
  app.get<WithId>(newEpisodePath(':id'), record, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    // Refused as the save is: to whoever answers for none of the child's placements.
    const opens = await episodeFormFor(db, who(request), child.id, todayInLondon());
    if (opens === 'forbidden') return refused(reply, forbidden, { backHref: childPath(child.id) });
    if (opens === 'not-placed') {
      return refused(reply, forbidden, {
        backHref: childPath(child.id),
        lines: [
          `${child.firstName} has not been placed with one of our foster households, so there is no placement to record them missing from.`,
        ],
      });
    }
    return showForm(reply, openPage(child), openFields, {});
  });
  app.post<WithId>(newEpisodePath(':id'), record, async (request, reply) => {
    const child = await findChild(db, request.user!, request.params.id);
    if (!child) return reply.callNotFound();
    const show = (values: Record<string, unknown>, errors: FormErrors) =>
      showForm(reply, openPage(child), openFields, values, errors);
    const form = parseDatedForm(openForm(todayInLondon()), request.body, OPEN_DATES);
    if (!form.ok) return show(form.input, form.errors);
    const result = await openEpisode(db, who(request), child, form.value);
    const next = result.ok ? `${episodePath(result.id)}?done=opened` : childPath(child.id);
    return answerForm(reply, result, next, (errors) =>
      show(request.body as Record<string, unknown>, linkDateErrors(errors, OPEN_DATES)),
    );
  });

  // The episode's page.
  const flashes: Record<string, string> = {
    opened: 'The child has been recorded as missing',
    return: 'The child’s return has been recorded',
    interview: 'The return interview has been recorded',
    changed: 'The record of going missing has been changed',
  };
  app.get<WithId & { Querystring: { done?: string } }>(episodePath(':id'), view, async (request, reply) => {
    const found = await findEpisode(db, request.user!, request.params.id);
    if (!found) return reply.callNotFound();
    const { episode, child } = found;
    await auditEpisodesViewed(db, who(request), [episode.id], 'episode');
    const records = mayChangeEpisode(request.user!, found.parties);
    return reply.page('missing-episode.njk', {
      title: `Missing from care: ${childName(child)}`,
      child,
      tag: episodeTag(episode),
      summary: episodeSummary(episode),
      episodeRows: episodeRows(episode).map((r) => {
        if (!records) return { ...r, href: null };
        if (r.step && stepOpen(episode, r.step)) {
          return { ...r, href: episodeStepPath(episode.id, r.step), action: r.by ? 'Change' : 'Record' };
        }
        // What the episode was opened with (the return too, once recorded) is corrected on its change form.
        return { ...r, href: r.opening ? changeEpisodePath(episode.id) : null, action: 'Change' };
      }),
      childHref: childPath(child.id),
      removeHref: records ? removeEpisodePath(episode.id) : null,
      flash: flashes[request.query.done ?? ''],
      breadcrumbs: crumbs(child),
    });
  });

  // The return, and the return interview.
  const steps = {
    return: {
      heading: 'Record the child’s return',
      intro: 'The day the child came back to the placement or was found.',
      fields: returnFields,
      dates: RETURN_DATES,
      values: (e: EpisodeRow) => ({ returnNote: e.returnNote ?? '' }),
      submit: async (request: FastifyRequest<WithId>, id: string) => {
        const form = parseDatedForm(returnForm(todayInLondon()), request.body, RETURN_DATES);
        return form.ok ? recordReturn(db, who(request), id, form.value) : form;
      },
    },
    interview: {
      heading: 'Record the return interview',
      intro:
        'An independent return interview, by someone not involved in the child’s care, finds out why the child went missing and what would help.',
      fields: interviewFields,
      dates: INTERVIEW_DATES,
      values: (e: EpisodeRow) => ({
        ...dateBoxes('interviewOfferedOn', e.interviewOfferedOn),
        ...dateBoxes('interviewHeldOn', e.interviewHeldOn),
        outcome: e.interviewOfferedOn
          ? e.interviewHeldOn
            ? 'held'
            : e.interviewDeclined
              ? 'declined'
              : 'waiting'
          : '',
      }),
      submit: async (request: FastifyRequest<WithId>, id: string) => {
        const form = parseDatedForm(interviewForm(todayInLondon()), request.body, INTERVIEW_DATES);
        return form.ok ? recordInterview(db, who(request), id, form.value) : form;
      },
    },
  } as const;

  for (const [step, form] of Object.entries(steps) as [keyof typeof steps, (typeof steps)[keyof typeof steps]][]) {
    const path = episodeStepPath(':id', step);
    const pageOf = (child: EpisodeChild, id: string) => ({
      child,
      heading: form.heading,
      intro: form.intro,
      button: 'Save',
      action: episodeStepPath(id, step),
      cancel: episodePath(id),
    });
    /** The episode and its child, or null (a 404); `refused` when the user does not answer for its placement. */
    async function stepOf(request: FastifyRequest<WithId>) {
      const found = await findEpisode(db, request.user!, request.params.id);
      return (
        found && {
          ...found,
          refused: !mayChangeEpisode(request.user!, found.parties),
          closed: !stepOpen(found.episode, step),
        }
      );
    }
    app.get<WithId>(path, record, async (request, reply) => {
      const found = await stepOf(request);
      if (!found) return reply.callNotFound();
      if (found.refused) return refused(reply, forbidden, { backHref: episodePath(found.episode.id) });
      if (found.closed) return reply.redirect(episodePath(found.episode.id), 303);
      const { episode, child } = found;
      return showForm(reply, pageOf(child, episode.id), form.fields, form.values(episode), undefined, episode.id);
    });
    app.post<WithId>(path, record, async (request, reply) => {
      const found = await stepOf(request);
      if (!found) return reply.callNotFound();
      if (found.refused) return refused(reply, forbidden, { backHref: episodePath(found.episode.id) });
      if (found.closed) return reply.redirect(episodePath(found.episode.id), 303);
      const { episode, child } = found;
      const show = (values: Record<string, unknown>, errors: FormErrors) =>
        showForm(reply, pageOf(child, episode.id), form.fields, values, errors, episode.id);
      const result = await form.submit(request, episode.id);
      if (!result.ok && 'input' in result) return show(result.input, result.errors);
      return answerForm(reply, result, `${episodePath(episode.id)}?done=${step}`, (errors) =>
        show(request.body as Record<string, unknown>, linkDateErrors(errors, form.dates)),
      );
    });
  }
  await changeEpisodeRoutes(app, db, { showForm, openFields });
  await removeEpisodeRoutes(app, db, crumbs);
};

/** The return is recorded once, while the child is missing; the interview (and changes to it) once they are back. */
function stepOpen(e: EpisodeRow, step: 'return' | 'interview'): boolean {
  return step === 'return' ? e.returnedOn === null : e.returnedOn !== null;
}
