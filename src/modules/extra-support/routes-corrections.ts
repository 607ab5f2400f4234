/**
 * Putting a household's hub family right: the day it became a hub family, or the day its support
 * from one began, typed wrongly and changed; a link to the wrong hub family removed, or a household
 * made a hub family in error (that never supported one) no longer recorded as one, each with why.
 * Support that really ended is ended instead, on the household's own forms. Thin: parse, call the
 * service, render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm, removalForm, type FormErrors } from '../../platform/views/forms.ts';
import { formatDate } from '../../platform/views/format.ts';
import { answerForm, who } from '../../platform/views/results.ts';
import type { HouseholdRecord } from '../households/scope.ts';
import { z } from 'zod';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, parseDatedForm, pastGovukDate } from '../../platform/views/date-input.ts';
import { changeHubStart, changeLinkStart, removeHubFamily, removeHubLink } from './hubs.ts';
import { START_DATES } from './forms.ts';
import {
  changeHubFamilyPath,
  changeHubLinkPath,
  householdSupportPath,
  removeHubFamilyPath,
  removeHubLinkPath,
} from './paths.ts';
import { supportOfHousehold } from './queries.ts';
import {
  changeable,
  crumbs,
  showForm,
  hubs,
  mayManageHubOf,
  mayRecordOn,
  record,
  type May,
  type Values,
  type WithId,
} from './route-support.ts';
import { dateField } from '../../platform/views/fields.ts';

interface Removal {
  what: 'link' | 'hub family';
  heading: string;
  intro: string;
  row: { key: string; value: string };
  hint: string;
  button: string;
  action: string;
}

const showRemove = (reply: FastifyReply, household: HouseholdRecord, r: Removal, values: Values, errors?: FormErrors) =>
  reply.code(errors ? 400 : 200).page('remove-with-reason.njk', {
    title: `${r.heading}: ${household.name}`,
    caption: `${household.name} (${household.reference})`,
    heading: r.heading,
    intro: r.intro,
    rows: [r.row],
    what: r.what,
    hint: r.hint,
    button: r.button,
    values,
    errors,
    action: r.action,
    cancel: householdSupportPath(household.id),
    breadcrumbs: crumbs(household),
  });

export function correctionRoutes(app: FastifyInstance, db: Db) {
  /** A removal page and its post: the household (404, 403), what there is to remove (404 without one), the service. */
  const removal = (
    path: (id: string) => string,
    access: typeof record | typeof hubs,
    may: May,
    what: Removal['what'],
    describe: (support: Awaited<ReturnType<typeof supportOfHousehold>>, householdId: string) => Removal | null,
    remove: typeof removeHubLink,
    done: string,
  ) => {
    const find = async (request: FastifyRequest<WithId>, reply: FastifyReply) => {
      const found = await changeable(db, request, reply, may);
      if ('answer' in found) return found;
      const r = describe(await supportOfHousehold(db, found.household.id), found.household.id);
      return r ? { household: found.household, r } : { answer: reply.callNotFound() };
    };
    app.get<WithId>(path(':id'), access, async (request, reply) => {
      const found = await find(request, reply);
      if ('answer' in found) return found.answer;
      return showRemove(reply, found.household, found.r, {});
    });
    const form = removalForm(what);
    app.post<WithId>(path(':id'), access, async (request, reply) => {
      const found = await find(request, reply);
      if ('answer' in found) return found.answer;
      const parsed = parseForm(form, request.body);
      if (!parsed.ok) return showRemove(reply, found.household, found.r, parsed.input, parsed.errors);
      const result = await remove(db, who(request), found.household.id, parsed.value.reason);
      return answerForm(reply, result, `${householdSupportPath(found.household.id)}?done=${done}`, (errors) =>
        showRemove(reply, found.household, found.r, request.body as Values, errors),
      );
    });
  };

  removal(
    removeHubLinkPath,
    record,
    mayRecordOn,
    'link',
    ({ link }, id) =>
      link && {
        what: 'link',
        heading: 'Remove the link to the hub family',
        intro:
          'Remove it only if it was recorded in error: the wrong hub family, or support that was never given. If the support has ended, end it instead, so the record keeps it. The audit trail keeps who removed it and why.',
        row: { key: 'Supported by', value: `${link.householdName}, since ${formatDate(link.startedOn)}` },
        hint: 'For example, linked to the wrong hub family.',
        button: 'Remove the link',
        action: removeHubLinkPath(id),
      },
    removeHubLink,
    'link-removed',
  );

  removal(
    removeHubFamilyPath,
    hubs,
    mayManageHubOf,
    'hub family',
    ({ hub, supported }, id) =>
      hub && supported.length === 0
        ? {
            what: 'hub family',
            heading: 'Remove the hub family',
            intro:
              'Remove it only if the household was made a hub family in error. It has supported no household. If it was a hub family and has stopped, record the day it stopped instead. The audit trail keeps who removed it and why.',
            row: { key: 'A hub family', value: `Since ${formatDate(hub.startedOn)}` },
            hint: 'For example, the wrong household was chosen.',
            button: 'Remove the hub family',
            action: removeHubFamilyPath(id),
          }
        : null,
    removeHubFamily,
    'hub-removed',
  );

  /** A start day typed wrongly: its form filled in with the day recorded (404 without one), and its post. */
  const startChange = (
    path: (id: string) => string,
    access: typeof record | typeof hubs,
    may: May,
    started: (support: Awaited<ReturnType<typeof supportOfHousehold>>) => string | null,
    label: string,
    heading: string,
    save: typeof changeHubStart,
    done: string,
  ) => {
    const find = async (request: FastifyRequest<WithId>, reply: FastifyReply) => {
      const found = await changeable(db, request, reply, may);
      if ('answer' in found) return found;
      const startedOn = started(await supportOfHousehold(db, found.household.id));
      return startedOn ? { household: found.household, startedOn } : { answer: reply.callNotFound() };
    };
    const page = (id: string) => ({
      heading,
      intro: ['Put right a day typed wrongly. The audit trail keeps what it said before.'],
      fields: [dateField('startedOn', label)],
      action: path(id),
      button: 'Save',
    });
    app.get<WithId>(path(':id'), access, async (request, reply) => {
      const found = await find(request, reply);
      if ('answer' in found) return found.answer;
      return showForm(reply, found.household, page(found.household.id), dateBoxes('startedOn', found.startedOn));
    });
    app.post<WithId>(path(':id'), access, async (request, reply) => {
      const found = await find(request, reply);
      if ('answer' in found) return found.answer;
      const { household } = found;
      const form = parseDatedForm(
        z.object({ startedOn: pastGovukDate(label, todayInLondon()) }),
        request.body,
        START_DATES,
      );
      if (!form.ok) return showForm(reply, household, page(household.id), form.input, form.errors);
      const result = await save(db, who(request), household.id, form.value.startedOn);
      return answerForm(reply, result, `${householdSupportPath(household.id)}?done=${done}`, (errors) =>
        showForm(reply, household, page(household.id), request.body as Values, errors),
      );
    });
  };

  startChange(
    changeHubFamilyPath,
    hubs,
    mayManageHubOf,
    ({ hub }) => hub?.startedOn ?? null,
    'Date it became a hub family',
    'Change the day the household became a hub family',
    changeHubStart,
    'hub-start-changed',
  );

  startChange(
    changeHubLinkPath,
    record,
    mayRecordOn,
    ({ link }) => link?.startedOn ?? null,
    'Date the hub family’s support started',
    'Change the day the hub family’s support started',
    changeLinkStart,
    'link-start-changed',
  );
}
