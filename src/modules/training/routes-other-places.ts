/**
 * Places on a session taken by other organisations (other-places.ts): the form that records them
 * and the page that removes them when recorded in error, the training coordinator's. Thin: parse,
 * call the service, render or redirect.
 */
import { named } from '../../platform/views/format.ts';
import type { FastifyPluginAsync, FastifyReply, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { choicesOf, formFields, type Field } from '../../platform/views/fields.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import { isUuid, otherPlacesForm, removeOtherPlacesForm } from './forms.ts';
import { otherOrganisationKindKeys, otherOrganisationKinds } from './labels.ts';
import { offerPlaces, removeOtherPlaces } from './other-places.ts';
import { newOtherPlacesPath, removeOtherPlacesPath, trainingSessionPath } from './paths.ts';
import { findOtherPlaces, findSession, type SessionRow } from './queries.ts';
import { placesInWords, sessionView } from './views.ts';

type WithId = { Params: { id: string } };
type Values = Record<string, unknown>;
const manage: RouteShorthandOptions = { config: { access: { permission: 'training.manage' } } };

const fields: Field[] = [
  { type: 'text', name: 'organisation', label: 'Organisation', hint: 'For example, Catch22 Supported Lodgings' },
  {
    type: 'radios',
    name: 'kind',
    label: 'What kind of organisation',
    choices: choicesOf(otherOrganisationKindKeys, otherOrganisationKinds),
  },
  { type: 'text', name: 'places', label: 'Number of places', width: 2 },
  {
    type: 'text',
    name: 'pencePerPlace',
    label: 'Charge for each place, in pounds',
    hint: 'For example, 45 or 45.50. Enter 0 for places offered free',
    width: 5,
  },
];

export const otherPlacesRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const sessionOf = async (id: string) => (isUuid(id) ? findSession(db, id) : null);
  const crumbs = (s: SessionRow) => [
    { text: 'Training calendar', href: '/training' },
    { text: s.title, href: trainingSessionPath(s.id) },
  ];

  const showForm = (reply: FastifyReply, s: SessionRow, values: Values, errors?: FormErrors) => {
    const shown = sessionView(s);
    return reply.code(errors ? 400 : 200).page('record-form.njk', {
      title: `Places for another organisation: ${s.title}`,
      caption: `${s.title}, ${shown.when}`,
      heading: 'Places for another organisation',
      intro: [
        'Spare places may be offered to a supported lodgings provider, or sold to an independent fostering agency. They count against the session’s places, as carers’ bookings do.',
        `${shown.placesText}.`,
      ],
      fields: formFields(fields, values),
      action: newOtherPlacesPath(s.id),
      button: 'Save the places',
      cancel: trainingSessionPath(s.id),
      backText: 'the session',
      errors,
      breadcrumbs: crumbs(s),
    });
  };

  app.get<WithId>(newOtherPlacesPath(':id'), manage, async (request, reply) => {
    const session = await sessionOf(request.params.id);
    if (!session) return reply.callNotFound();
    return showForm(reply, session, {});
  });
  app.post<WithId>(newOtherPlacesPath(':id'), manage, async (request, reply) => {
    const session = await sessionOf(request.params.id);
    if (!session) return reply.callNotFound();
    const form = parseForm(otherPlacesForm, request.body);
    if (!form.ok) return showForm(reply, session, form.input, form.errors);
    const result = await offerPlaces(db, who(request), session.id, form.value);
    return answerForm(reply, result, `${trainingSessionPath(session.id)}?done=other-places`, (errors) =>
      showForm(reply, session, request.body as Values, errors),
    );
  });

  /** The places and their session, or null (a 404). */
  const placesOf = async (id: string) => {
    const row = isUuid(id) ? await findOtherPlaces(db, id) : null;
    const session = row ? await findSession(db, row.sessionId) : null;
    return row && session ? { row, session } : null;
  };

  const showRemove = (
    reply: FastifyReply,
    p: NonNullable<Awaited<ReturnType<typeof placesOf>>>,
    values: Values,
    errors?: FormErrors,
  ) =>
    reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
      title: `Remove the places for ${p.row.organisation}: ${p.session.title}`,
      caption: `${p.session.title}, ${sessionView(p.session).when}`,
      heading: `Remove the places for ${p.row.organisation}`,
      intro:
        'Remove them only if they were recorded in error: on the wrong session, or places the organisation did not take after all. The audit trail keeps who removed them and why.',
      rows: [
        { key: 'Organisation', value: `${p.row.organisation} (${named(otherOrganisationKinds, p.row.kind)})` },
        { key: 'Places', value: placesInWords(p.row.places, p.row.pencePerPlace) },
      ],
      what: 'record of places',
      hint: 'For example, recorded on the wrong session.',
      button: 'Remove the places',
      values,
      errors,
      action: removeOtherPlacesPath(p.row.id),
      cancel: trainingSessionPath(p.session.id),
      breadcrumbs: crumbs(p.session),
    });
  app.get<WithId>(removeOtherPlacesPath(':id'), manage, async (request, reply) => {
    const p = await placesOf(request.params.id);
    if (!p) return reply.callNotFound();
    return showRemove(reply, p, {});
  });
  app.post<WithId>(removeOtherPlacesPath(':id'), manage, async (request, reply) => {
    const p = await placesOf(request.params.id);
    if (!p) return reply.callNotFound();
    const form = parseForm(removeOtherPlacesForm, request.body);
    if (!form.ok) return showRemove(reply, p, form.input, form.errors);
    const result = await removeOtherPlaces(db, who(request), p.row.id, form.value.reason);
    return answerForm(reply, result, `${trainingSessionPath(p.session.id)}?done=other-places-removed`, (errors) =>
      showRemove(reply, p, request.body as Values, errors),
    );
  });
};
