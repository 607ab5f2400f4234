/** The recruitment module's own forms (the steps' forms are with the steps) and the pipeline's query string. */
import { z } from 'zod';
import { govukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { pageNumber } from '../../platform/views/params.ts';
import { email, phone, postcode, requiredId } from '../../platform/views/form-fields.ts';
import { isUuid } from '../../platform/views/params.ts';
import { interests, pipelineStages, sources } from './labels.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [v ?? []].flat());

export const enquiryForm = z.object({
  enquiredOn: govukDate('Date of the enquiry'),
  carerFirstName: requiredText('Enter the first name of the person enquiring', 100),
  carerLastName: requiredText('Enter the last name of the person enquiring', 100),
  secondName: optionalText(200),
  email,
  phone,
  addressLine1: requiredText('Enter the first line of the address', 200),
  addressLine2: optionalText(200),
  town: requiredText('Enter the town or city', 100),
  postcode,
  teamId: requiredId('Select the area and team nearest to them'),
  source: z.enum(sources, { error: 'Select how they heard of us' }),
  interests: list.pipe(
    z
      .array(z.enum(interests, { error: 'Select what interests them from the list' }))
      .min(1, 'Select what interests them'),
  ),
});
export type EnquiryInput = z.infer<typeof enquiryForm>;

export const eventForm = z.object({
  heldOn: govukDate('Date of the event'),
  place: requiredText('Enter where the event was held, or the online meeting’s name', 200),
  online: z.enum(['yes', 'no'], { error: 'Select whether the event was online' }),
  attendees: list.pipe(z.array(z.string().refine(isUuid, 'Select who came from the list'))),
});
export type EventInput = z.infer<typeof eventForm>;

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => ((values as readonly string[]).includes(v ?? '') ? (v as T[number]) : null))
    .catch(null);

/** The pipeline's filters: anything else (an unknown value, a name given twice) is no filter. */
export const pipelineQuery = z.object({
  stage: optionalChoice(pipelineStages),
  source: optionalChoice(sources),
  area: z
    .string()
    .optional()
    .transform((v) => (v && isUuid(v) ? v : null))
    .catch(null),
  page: pageNumber,
});
export type PipelineQuery = z.infer<typeof pipelineQuery>;
