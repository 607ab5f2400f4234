/**
 * The links without an account: a child's views and their social worker's feedback. Each link
 * carries a long random secret (128 bits, written in 26 letters and digits that can be typed from
 * paper), is used once and stops working after 28 days. Hearth keeps only the SHA-256 of the
 * secret: the link is shown to the worker once (a QR code and a short address to hand over) or
 * emailed while still in memory, and the message is kept without it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { recordAudit, type Actor } from '../../platform/audit/service.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { mailFailureReason, type Mailer } from '../../platform/mail/mailer.ts';
import { invalid, type Result, type Who } from '../../platform/views/results.ts';
import { households } from '../households/tables.ts';
import type { Answers, LinkInput } from './forms.ts';
import { firstNames, type AgeGroup } from './labels.ts';
import { linkMessageText } from './message-text.ts';
import { carerFirstNames, reviewDetails } from './queries.ts';
import { LINK_DAYS } from './settings.ts';
import { reviewToChange } from './service.ts';
import { annualReviews, reviewContributions, reviewLinks, reviewMessages } from './tables.ts';

/** Crockford's base32: no I, L, O or U, so a secret copied from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_LENGTH = 26;

/** A new secret: 26 characters, 128 random bits. */
export function newSecret(): string {
  const bytes = randomBytes(17);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < SECRET_LENGTH; i += 1) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out;
}

/** A secret as typed or scanned, in its one spelling (upper case, no dashes, O read as 0, I and L as 1); null when it cannot be one. */
export function normaliseSecret(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return compact.length === SECRET_LENGTH && [...compact].every((c) => ALPHABET.includes(c)) ? compact : null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The secret in groups of four, for reading out and typing. */
export const groupedSecret = (secret: string) => secret.match(/.{1,4}/g)!.join('-');

export const linkUrl = (publicUrl: string, secret: string) => `${publicUrl}/r/${groupedSecret(secret)}`;

export interface MadeLink {
  linkId: string;
  reviewId: string;
  url: string;
  /** The address without the scheme, to write down. */
  shortAddress: string;
  qrCodeDataUrl: string;
  /** The email: sent, held (no mail server), failed (the worker hands the link over), or null (handed over). */
  emailStatus: 'sent' | 'held' | 'failed' | null;
  emailError: string | null;
}

/**
 * Makes a link for a child's views or their social worker's feedback. A new link for the same
 * child and purpose replaces one not yet used. Emails it at once when asked (the secret is never
 * stored, so the message cannot be sent later); returns it to show to the worker once.
 */
export async function makeLink(
  db: Db,
  mailer: Mailer,
  who: Who,
  reviewId: string,
  input: LinkInput,
  publicUrl: string,
  now = new Date(),
): Promise<Result<MadeLink>> {
  const secret = newSecret();
  const url = linkUrl(publicUrl, secret);
  const made = await db.transaction(async (tx) => {
    const found = await reviewToChange(tx, who.user, reviewId, 'run');
    if (!found.ok) return found;
    const details = await reviewDetails(tx, reviewId);
    const child = details.children.find((c) => c.childId === input.childId);
    if (!child) return invalid({ field: 'childId', message: 'Select a child placed when the review started' });
    if (details.contributions.some((c) => c.kind === input.kind && c.childId === child.childId)) {
      return invalid({ field: 'childId', message: 'This has been returned already' });
    }
    const recipient =
      input.kind === 'child_views'
        ? child.name.split(' ')[0]!
        : `${child.socialWorkerName ?? 'The child’s social worker'}, children’s social worker`;
    await tx
      .update(reviewLinks)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(reviewLinks.reviewId, reviewId),
          eq(reviewLinks.kind, input.kind),
          eq(reviewLinks.childId, child.childId),
          isNull(reviewLinks.usedAt),
          isNull(reviewLinks.withdrawnAt),
        ),
      );
    const [link] = await tx
      .insert(reviewLinks)
      .values({
        reviewId,
        kind: input.kind,
        childId: child.childId,
        ageGroup: input.kind === 'child_views' ? child.ageGroup : null,
        tokenHash: hashSecret(secret),
        delivery: input.delivery,
        email: input.email,
        recipient,
        requestedBy: who.user.id,
        requestedOn: todayInLondon(now),
        requestedAt: now,
        expiresAt: new Date(now.getTime() + LINK_DAYS * 86_400_000),
      })
      .returning({ id: reviewLinks.id });
    await refreshDueItems(tx, 'annual-review', [reviewId]);
    await recordAudit(tx, who.actor, {
      action: 'update',
      recordType: 'annual-review',
      recordId: reviewId,
      detail: { link: input.kind, delivery: input.delivery },
    });
    const carers = firstNames(await carerFirstNames(tx, found.record.household.id));
    return { ok: true as const, linkId: link!.id, carers, childName: child.name, reference: child.reference };
  });
  if (!made.ok) return made;
  const email = input.email ? await emailLink(db, mailer, { ...made, reviewId, input, url, who, now }) : null;
  return {
    ok: true,
    linkId: made.linkId,
    reviewId,
    url,
    shortAddress: url.replace(/^https?:\/\//, ''),
    qrCodeDataUrl: await qrCode(url),
    emailStatus: email?.status ?? null,
    emailError: email?.error ?? null,
  };
}

async function qrCode(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** What the review's trail says of the email: sent, kept in the outbox (no mail server), or failed. */
const EMAIL_ACTIONS = { sent: 'email-link', held: 'email-link-held', failed: 'email-link-failed' } as const;

/** Sends the link now, while its secret is in memory, and keeps the message without it. */
async function emailLink(
  db: Db,
  mailer: Mailer,
  m: {
    linkId: string;
    reviewId: string;
    carers: string;
    childName: string;
    reference: string;
    input: LinkInput;
    url: string;
    who: Who;
    now: Date;
  },
): Promise<{ status: 'sent' | 'held' | 'failed'; error: string | null }> {
  const words = { kind: m.input.kind, carers: m.carers, child: `${m.childName} (${m.reference})`, now: m.now };
  let status: 'sent' | 'held' | 'failed' = 'held';
  let error: string | null = null;
  if (mailer.mode === 'smtp') {
    const text = linkMessageText({ ...words, url: m.url });
    try {
      await mailer.send({ to: [m.input.email!], subject: text.subject, text: text.body });
      status = 'sent';
    } catch (failure) {
      status = 'failed';
      error = mailFailureReason(failure);
    }
  }
  const kept = linkMessageText({ ...words, url: '(the link is not kept: Hearth stores only a fingerprint of it)' });
  await db.transaction(async (tx) => {
    await tx.insert(reviewMessages).values({
      reviewId: m.reviewId,
      linkId: m.linkId,
      purpose: 'link',
      recipients: [m.input.email!],
      subject: kept.subject,
      body: kept.body,
      status,
      attempts: mailer.mode === 'smtp' ? 1 : 0,
      lastError: error,
      sentAt: status === 'failed' ? null : m.now,
      createdBy: m.who.user.id,
    });
    // The email (to whom, and whether it went) is on the review's trail beside the link it carries.
    await recordAudit(tx, m.who.actor, {
      action: EMAIL_ACTIONS[status],
      recordType: 'annual-review',
      recordId: m.reviewId,
      detail: { link: m.input.kind, status },
    });
  });
  return { status, error };
}

export type LinkState = 'open' | 'used' | 'expired' | 'withdrawn';

export interface OpenedLink {
  state: LinkState;
  link: typeof reviewLinks.$inferSelect;
  carers: string;
}

/** The link a secret belongs to, what state it is in, and the carers' first names (all its form may show). */
export async function openLink(db: DbOrTx, typed: string, now = new Date()): Promise<OpenedLink | null> {
  const secret = normaliseSecret(typed);
  if (!secret) return null;
  const [row] = await db
    .select({ link: reviewLinks, householdId: households.id })
    .from(reviewLinks)
    .innerJoin(annualReviews, eq(annualReviews.id, reviewLinks.reviewId))
    .innerJoin(households, eq(households.id, annualReviews.householdId))
    .where(eq(reviewLinks.tokenHash, hashSecret(secret)));
  if (!row) return null;
  const { link } = row;
  const state: LinkState = link.usedAt
    ? 'used'
    : link.withdrawnAt
      ? 'withdrawn'
      : link.expiresAt.getTime() <= now.getTime()
        ? 'expired'
        : 'open';
  return { state, link, carers: firstNames(await carerFirstNames(db, row.householdId)) };
}

/**
 * Keeps what was given through a link, once: the link is spent in the same transaction, so a
 * form sent twice (or from two tabs) is kept once. 'gone' when the link no longer works.
 */
export async function submitThroughLink(
  db: Db,
  actor: Actor,
  typed: string,
  given: { answers: Answers; givenBy: string },
  now = new Date(),
): Promise<'kept' | 'gone'> {
  const secret = normaliseSecret(typed);
  if (!secret) return 'gone';
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(reviewLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(reviewLinks.tokenHash, hashSecret(secret)),
          isNull(reviewLinks.usedAt),
          isNull(reviewLinks.withdrawnAt),
          sql`${reviewLinks.expiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning();
    if (!link) return 'gone' as const;
    const kept = await tx
      .insert(reviewContributions)
      .values({
        reviewId: link.reviewId,
        kind: link.kind,
        childId: link.childId,
        receivedOn: todayInLondon(now),
        source: 'link',
        givenBy: given.givenBy,
        answers: given.answers,
        linkId: link.id,
      })
      .onConflictDoNothing()
      .returning({ id: reviewContributions.id });
    await refreshDueItems(tx, 'review-link', [link.id]);
    await refreshDueItems(tx, 'annual-review', [link.reviewId]);
    await recordAudit(tx, actor, {
      action: 'create',
      recordType: 'annual-review',
      recordId: link.reviewId,
      detail: { contribution: link.kind, via: 'link', kept: kept.length > 0 },
    });
    return 'kept' as const;
  });
}

/** The age group of a child's link (for its form). */
export const formOf = (link: { ageGroup: string | null }) => (link.ageGroup ?? '13_plus') as AgeGroup;
