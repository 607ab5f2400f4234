/**
 * Removing a missing from care episode recorded in error (for the wrong child, or a time the child
 * did not go missing): a page showing the episode and asking why, then the child's episodes. Only
 * for those who answer for the episode's placement, as its other changes are. Thin: parse, call the
 * service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { formatDate } from '../../platform/views/format.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, forbidden, refused, who } from '../../platform/views/results.ts';
import { removeEpisodeForm } from './forms.ts';
import { childEpisodesPath, episodePath, removeEpisodePath } from './paths.ts';
import { findEpisode, type EpisodeChild, type EpisodeRow } from './queries.ts';
import { mayChangeEpisode } from './scope.ts';
import { removeEpisode } from './service.ts';
import { episodeRows } from './views.ts';

type WithId = { Params: { id: string } };
const record = { config: { access: { permission: 'missing.record' as const } } };

export async function removeEpisodeRoutes(
  app: FastifyInstance,
  db: Db,
  crumbs: (child: EpisodeChild, episodeId?: string) => { text: string; href: string }[],
) {
  const show = (
    reply: FastifyReply,
    found: { episode: EpisodeRow; child: EpisodeChild },
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the record of going missing: ${found.child.firstName} ${found.child.lastName}`,
      caption: `${found.child.firstName} ${found.child.lastName} (${found.child.reference})`,
      heading: `Remove the record of going missing on ${formatDate(found.episode.missingOn)}`,
      intro: `Remove it only if it was recorded in error: for the wrong child, or a time ${found.child.firstName} did not go missing. To record the return or the return interview, go back to the record instead. Its return interview deadline goes with it, and the audit trail keeps who removed it and why.`,
      rows: episodeRows(found.episode),
      what: 'record',
      hint: 'For example, recorded for the wrong child.',
      button: 'Remove the record',
      values,
      errors,
      action: removeEpisodePath(found.episode.id),
      cancel: episodePath(found.episode.id),
      breadcrumbs: crumbs(found.child, found.episode.id),
    });

  /** The episode within the user's reach, or a 404; a refusal when they do not answer for its placement. */
  async function episodeToRemove(request: FastifyRequest<WithId>) {
    const found = await findEpisode(db, request.user!, request.params.id);
    if (!found) return null;
    return { ...found, refused: !mayChangeEpisode(request.user!, found.parties) };
  }

  app.get<WithId>(removeEpisodePath(':id'), record, async (request, reply) => {
    const found = await episodeToRemove(request);
    if (!found) return reply.callNotFound();
    if (found.refused) return refused(reply, forbidden, { backHref: episodePath(found.episode.id) });
    return show(reply, found, {});
  });

  app.post<WithId>(removeEpisodePath(':id'), record, async (request, reply) => {
    const found = await episodeToRemove(request);
    if (!found) return reply.callNotFound();
    if (found.refused) return refused(reply, forbidden, { backHref: episodePath(found.episode.id) });
    const form = parseForm(removeEpisodeForm, request.body);
    if (!form.ok) return show(reply, found, form.input, form.errors);
    const result = await removeEpisode(db, who(request), found.episode.id, form.value.reason);
    return answerForm(reply, result, `${childEpisodesPath(found.child.id)}?done=removed`, (errors) =>
      show(reply, found, request.body as Record<string, unknown>, errors),
    );
  });
}
