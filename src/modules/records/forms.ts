/** The records module's forms: a request for a household's records, and the day they were sent. */
import { z } from 'zod';
import { govukDate } from '../../platform/views/date-input.ts';
import { optionalText, requiredText } from '../../platform/views/forms.ts';
import { requesterKinds } from './labels.ts';

/** A request received (its date's three boxes gathered by parseDatedForm). */
export const requestForm = z.object({
  organisation: requiredText('Enter the name of the organisation that asked for the records', 200),
  kind: z.enum(requesterKinds, { error: 'Select who asked for the records' }),
  receivedOn: govukDate('Date the request was received'),
  notes: optionalText(2000, 'the notes'),
});
export type RequestInput = z.infer<typeof requestForm>;

/** The records sent, or access given. */
export const sentForm = z.object({
  sentOn: govukDate('Date the records were sent'),
});
export type SentInput = z.infer<typeof sentForm>;
