/** The panel's recommendation on an agenda item (recorded by the panel adviser at the meeting). */
import { named } from '../../platform/views/format.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid } from '../../platform/views/params.ts';
import { who } from '../../platform/views/results.ts';
import { recordRecommendation } from './decisions.ts';
import { recommendationForm } from './forms.ts';
import {
  careTypeNames,
  itemKindNames,
  itemsWithTerms,
  proposedSkillLevel,
  recommendationNames,
  recommendations,
  termsText,
  type ItemKind,
} from './labels.ts';
import { itemDetail } from './queries.ts';
import { bodyOf, calendarCrumb, errorsOr, rule, type WithId } from './route-support.ts';
import { meetingPath } from './paths.ts';

export function recommendationRoutes(app: FastifyInstance, db: Db): void {
  async function page(
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    if (!found) return reply.callNotFound();
    const withTerms = itemsWithTerms.includes(found.item.kind as ItemKind);
    return reply.code(errors ? 400 : 200).page('panel-recommendation.njk', {
      title: `Recommendation: ${found.household.name}`,
      found,
      kindName: named(itemKindNames, found.item.kind),
      careTypeName: named(careTypeNames, found.item.careType),
      skillLevelName: proposedSkillLevel(found.item),
      terms: termsText(found.item),
      changing: found.item.recommendation !== null,
      withTerms,
      choices: recommendations
        .filter((r) => withTerms || r !== 'with_terms')
        .map((r) => ({ value: r, text: recommendationNames[r], checked: values.recommendation === r })),
      values,
      errors,
      breadcrumbs: [calendarCrumb, { text: 'Meeting', href: meetingPath(found.meeting.id) }],
    });
  }
  // A recommendation already recorded is shown to be changed (until the minutes are signed), not typed again.
  app.get<WithId>('/panel/items/:id/recommendation', rule('panel.manage'), async (request, reply) => {
    const found = isUuid(request.params.id) ? await itemDetail(db, request.params.id) : null;
    const item = found?.item;
    return page(
      request,
      reply,
      item?.recommendation
        ? {
            recommendation: item.recommendation,
            reasons: item.reasons ?? '',
            votesFor: String(item.votesFor ?? ''),
            votesAgainst: String(item.votesAgainst ?? ''),
            votesAbstaining: String(item.votesAbstaining ?? ''),
            ...(item.recommendation === 'with_terms'
              ? {
                  places: String(item.places ?? ''),
                  ageMin: String(item.ageMin ?? ''),
                  ageMax: String(item.ageMax ?? ''),
                }
              : {}),
          }
        : {},
    );
  });
  app.post<WithId>('/panel/items/:id/recommendation', rule('panel.manage'), async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const parsed = parseForm(recommendationForm, request.body);
    if (!parsed.ok) return page(request, reply, parsed.input, parsed.errors);
    const result = await recordRecommendation(db, who(request), request.params.id, parsed.value);
    if (result.ok) return reply.redirect(`${meetingPath(result.id)}?done=recommendation`, 303);
    const errors = errorsOr(reply, result, '/panel');
    return errors ? page(request, reply, bodyOf(request.body), errors) : reply;
  });
}
