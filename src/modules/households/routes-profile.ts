import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/client.ts';
import { parseForm, type FormErrors } from '../../platform/views/forms.ts';
import { isUuid, profileForm } from './forms.ts';
import { MAX_PHOTO_BYTES, photoUpload, savePhoto, viewPhoto } from './photo.ts';
import { carerProfile, carerProfilePdf, childrenText, joinNames } from './profile.ts';
import type { HouseholdRecord } from './scope.ts';
import { updateProfile } from './service.ts';
import {
  abilities,
  changeAccess,
  householdCrumbs,
  openHousehold,
  pageErrors,
  refused,
  viewAccess,
  who,
  type WithId,
} from './route-support.ts';
import { carerProfilePath, carerProfilePdfPath } from './paths.ts';

/** The carer profile for children (page and PDF), its text, and the household photo. */
export function profileRoutes(app: FastifyInstance, db: Db): void {
  app.get<WithId & { Querystring: { done?: string } }>(
    '/households/:id/profile',
    viewAccess,
    async (request, reply) => {
      const household = await openHousehold(db, request, reply, 'profile');
      if (!household) return reply;
      const profile = await carerProfile(db, household);
      const pdfHref = carerProfilePdfPath(household.id);
      const subject = `Meet your foster carers: the ${household.name} household`;
      const body = `The carer profile for the ${household.name} household is in Hearth: ${request.protocol}://${request.host}${pdfHref}`;
      return reply.page('households-profile.njk', {
        title: `Carer profile: ${household.name}`,
        household,
        profile,
        carersText: joinNames(profile.carers),
        childrenText: childrenText(profile.children),
        adultsText: joinNames(profile.adults),
        pdfHref,
        mailto: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
        canChange: abilities(request, household).change,
        flash:
          request.query.done === 'profile'
            ? 'The carer profile has been saved'
            : request.query.done === 'photo'
              ? 'The photo has been uploaded'
              : undefined,
        breadcrumbs: householdCrumbs(household),
      });
    },
  );

  app.get<WithId>('/households/:id/profile.pdf', viewAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'profile-pdf');
    if (!household) return reply;
    const pdf = await carerProfilePdf(db, await carerProfile(db, household), household.id);
    const filename = `carer-profile-${household.reference}.pdf`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${filename}"`)
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  });

  function profileFormPage(
    reply: FastifyReply,
    household: HouseholdRecord,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    return reply.code(errors ? 400 : 200).page('households-profile-form.njk', {
      title: `Change carer profile: ${household.name}`,
      household,
      values,
      errors,
      breadcrumbs: [...householdCrumbs(household), { text: 'Carer profile', href: carerProfilePath(household.id) }],
    });
  }

  app.get<WithId>('/households/:id/profile/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'profile-edit', 'change');
    if (!household) return reply;
    return profileFormPage(reply, household, { ...household });
  });

  app.post<WithId>('/households/:id/profile/edit', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'profile-edit', 'change');
    if (!household) return reply;
    const form = parseForm(profileForm, request.body);
    if (!form.ok) return profileFormPage(reply, household, form.input, pageErrors(form.errors));
    const result = await updateProfile(db, who(request), household.id, form.value);
    if (!result.ok) return refused(reply, result.reason === 'invalid' ? 'forbidden' : result.reason, household);
    return reply.redirect(`${carerProfilePath(household.id)}?done=profile`, 303);
  });

  app.get<WithId>('/households/:id/photo', viewAccess, async (request, reply) => {
    if (!isUuid(request.params.id)) return reply.callNotFound();
    const photo = await viewPhoto(db, who(request), request.params.id);
    if (!photo) return reply.callNotFound();
    return reply
      .header('content-type', photo.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(photo.bytes);
  });

  function photoFormPage(reply: FastifyReply, household: HouseholdRecord, errors?: FormErrors) {
    return reply.code(errors ? 400 : 200).page('households-photo-form.njk', {
      title: `Upload a photo: ${household.name}`,
      household,
      errors,
      maxMegabytes: MAX_PHOTO_BYTES / 1024 / 1024,
      breadcrumbs: [...householdCrumbs(household), { text: 'Carer profile', href: carerProfilePath(household.id) }],
    });
  }

  app.get<WithId>('/households/:id/photo/change', changeAccess, async (request, reply) => {
    const household = await openHousehold(db, request, reply, 'photo-change', 'change');
    if (!household) return reply;
    return photoFormPage(reply, household);
  });

  app.post<WithId>(
    '/households/:id/photo',
    { ...changeAccess, preValidation: photoUpload.preValidation },
    async (request, reply) => {
      const household = await openHousehold(db, request, reply, 'photo-change', 'change');
      if (!household) return reply;
      const result = await savePhoto(db, who(request), household.id, photoUpload.of(request));
      if (result.ok) return reply.redirect(`${carerProfilePath(household.id)}?done=photo`, 303);
      if (result.reason === 'invalid') return photoFormPage(reply, household, pageErrors(result.errors));
      return refused(reply, result.reason, household);
    },
  );
}
