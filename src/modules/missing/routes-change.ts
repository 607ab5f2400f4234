/**
 * Correcting what a missing from care episode was opened with (the day the child went missing, the
 * police, what was known, the return): the opening form, filled in with what was recorded. Only for
 * those who answer for the episode's placement, as its other changes are; the rest of the team read
 * it and are refused. Thin: parse, call the service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, linkDateErrors, parseDatedForm } from '../../platform/views/date-input.ts';
import type { Field } from '../../platform/views/fields.ts';
import type { FormErrors } from '../../platform/views/forms.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { OPEN_DATES, openForm } from './forms.ts';
import { changeEpisodePath, episodePath } from './paths.ts';
import { findEpisode, type EpisodeChild, type EpisodeRow } from './queries.ts';
import { mayChangeEpisode } from './scope.ts';
import { changeEpisode } from './service.ts';

type WithId = { Params: { id: string } };
const record = { config: { access: { permission: 'missing.record' as const } } };

/** An episode's form page (routes.ts draws them all, this one too). */
export type ShowEpisodeForm = (
  reply: FastifyReply,
  page: { child: EpisodeChild; heading: string; intro: string; button: string; action: string; cancel: string },
  fields: Field[],
  values: Record<string, unknown>,
  errors?: FormErrors,
  episodeId?: string,
) => unknown;

/** The opening form's answers, from what the episode records. */
const recorded = (e: EpisodeRow): Record<string, unknown> => ({
  ...dateBoxes('missingOn', e.missingOn),
  reportedToPolice: e.reportedToPolice ? 'yes' : 'no',
  circumstances: e.circumstances ?? '',
  ...dateBoxes('returnedOn', e.returnedOn),
  returnNote: e.returnNote ?? '',
});

export async function changeEpisodeRoutes(
  app: FastifyInstance,
  db: Db,
  { showForm, openFields }: { showForm: ShowEpisodeForm; openFields: Field[] },
) {
  const pageOf = (child: EpisodeChild, id: string) => ({
    child,
    heading: 'Change what was recorded when the child went missing',
    intro: `Correct the details given when ${child.firstName} was recorded as missing. The day they went missing must be one they lived with one of our foster households, and must not overlap another time they went missing. The return interview’s deadline follows the date they came back, and the audit trail keeps who changed it.`,
    button: 'Save the changes',
    action: changeEpisodePath(id),
    cancel: episodePath(id),
  });

  /** The episode within the user's reach, or null (a 404); `refused` when they do not answer for its placement. */
  async function episodeToChange(request: FastifyRequest<WithId>) {
    const found = await findEpisode(db, request.user!, request.params.id);
    return found && { ...found, refused: !mayChangeEpisode(request.user!, found.parties) };
  }

  app.get<WithId>(changeEpisodePath(':id'), record, async (request, reply) => {
    const found = await episodeToChange(request);
    if (!found) return reply.callNotFound();
    if (found.refused) return refused(reply, forbidden, { backHref: episodePath(found.episode.id) });
    const { episode, child } = found;
    return showForm(reply, pageOf(child, episode.id), openFields, recorded(episode), undefined, episode.id);
  });

  app.post<WithId>(changeEpisodePath(':id'), record, async (request, reply) => {
    const found = await episodeToChange(request);
    if (!found) return reply.callNotFound();
    if (found.refused) return refused(reply, forbidden, { backHref: episodePath(found.episode.id) });
    const { episode, child } = found;
    const show = (values: Record<string, unknown>, errors: FormErrors) =>
      showForm(reply, pageOf(child, episode.id), openFields, values, errors, episode.id);
    const form = parseDatedForm(openForm(todayInLondon()), request.body, OPEN_DATES);
    if (!form.ok) return show(form.input, form.errors);
    const result = await changeEpisode(db, who(request), episode.id, child, form.value);
    return answerForm(reply, result, `${episodePath(episode.id)}?done=changed`, (errors) =>
      show(request.body as Record<string, unknown>, linkDateErrors(errors, OPEN_DATES)),
    );
  });
}
