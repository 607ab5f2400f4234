/**
 * A step in a matter's process (the referral to the LADO, a meeting, a complaint's response ...)
 * as data: who may take it, when it is offered, its form, and the change it makes. The routes
 * register one page and one post per step (routes-steps.ts); the matter page links the steps
 * offered to the viewer.
 */
import type { z } from 'zod';
import type { Permission } from '../../platform/access/policy.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes, futureDateErrors } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import type { FieldError } from '../../platform/views/results.ts';
import type { Field } from '../../platform/views/fields.ts';
import type { Kind } from './labels.ts';
import type { ComplaintStageRow, ConcernRecord, MatterChild } from './queries.ts';
import type { allegationMeetings } from './tables.ts';
import type { Change } from './service.ts';

type AllegationMeeting = typeof allegationMeetings.$inferSelect;

/** What a step sees of the matter when it is offered, drawn or applied. */
export interface StepContext {
  db: DbOrTx;
  user: SignedInUser;
  record: ConcernRecord;
  children: MatterChild[];
  /** The current complaint stage (complaints only). */
  currentStage: {
    stage: number;
    receivedOn: string;
    extended: boolean;
    respondBy: string;
    respondedOn: string | null;
    panelOn: string | null;
  } | null;
  /** A complaint's stages, first to last (complaints only; none otherwise). */
  stages: ComplaintStageRow[];
  /** An allegation's meetings, earliest first (allegations only; none otherwise). */
  meetings: AllegationMeeting[];
  /** A complaint's first response (the outcome its children are told of), or null. */
  firstResponseOn: string | null;
  /** The page's query string (a step may be opened for one child). */
  query: Record<string, string | undefined>;
}

export interface Step<S extends z.ZodType = z.ZodType> {
  /** The last part of its address: /concerns/:id/<path>. */
  path: string;
  /** Who may open its page at all (the matter's own rule is `may`). */
  permission: Permission;
  /** The link on the matter page, and the page's heading. */
  title: string;
  /** The message shown on the matter page afterwards. */
  done: string;
  /** A correction of a step recorded (its own form filled in): linked beside what it corrects, not among the next steps. */
  correction?: boolean;
  /** The kinds of matter it belongs to. */
  kinds: readonly Kind[];
  /** Whether this user may take the step on this matter (a 403 otherwise). */
  may(user: SignedInUser, record: ConcernRecord): boolean;
  /** Whether the process has got to this step (not offered otherwise). */
  offered(ctx: StepContext): boolean;
  /** Whether what the page's query string names (a stage, a meeting) is on this matter: its page is not found otherwise. */
  names?(ctx: StepContext): boolean;
  schema: S;
  /** Its GOV.UK date inputs. */
  dates: readonly string[];
  fields(ctx: StepContext): Promise<Field[]> | Field[];
  /** The form's first values (today's date, what is recorded already). */
  initial(ctx: StepContext): Record<string, unknown>;
  /** Validates against the record and writes, in the caller's transaction. */
  apply(tx: DbOrTx, ctx: StepContext, input: z.infer<S>): Promise<Change>;
}

/** Keeps a step's input type while the registry holds steps of every type. */
export const defineStep = <S extends z.ZodType>(step: Step<S>): Step => step as unknown as Step;

export const ukDate = (date: string) => formatDate(date);

/** A date input's boxes filled with today's date. */
export const todayIn = (name: string) => dateBoxes(name, todayInLondon());

/** The date must be on or after `earliest` (`what happened then`), and not in the future. */
export function dateBetween(
  field: string,
  date: string,
  what: string,
  earliest: { date: string | null; after: string } | null,
): FieldError[] {
  const errors = futureDateErrors(field, what, date);
  if (earliest?.date && date < earliest.date) {
    errors.push({ field, message: `${what} must be on or after ${earliest.after} on ${ukDate(earliest.date)}` });
  }
  return errors;
}

export const isOpen = (ctx: StepContext) => ctx.record.concern.closedOn === null;
