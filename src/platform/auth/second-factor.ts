import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { DbOrTx } from '../db/client.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { recoveryCodes, secondFactors, users } from './tables.ts';
import { secretBox } from './secret-box.ts';

/** RFC 6238 defaults that every authenticator app understands. */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side, for a phone clock a little out. */
const WINDOW = 1;
const ISSUER = 'Hearth';
export const RECOVERY_CODE_COUNT = 10;
/** Lowercase letters and digits without look-alikes, as for temporary passwords. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The keys of the second factor, derived from SESSION_SECRET: one seals secrets, one hashes recovery codes. */
function keys(sessionSecret: string) {
  return {
    box: secretBox(sessionSecret, 'hearth second factor secret'),
    recovery: Buffer.from(hkdfSync('sha256', sessionSecret, 'hearth', 'hearth recovery code', 32)),
  };
}
const keyCache = new Map<string, ReturnType<typeof keys>>();
function keysFor(sessionSecret: string) {
  let found = keyCache.get(sessionSecret);
  if (!found) keyCache.set(sessionSecret, (found = keys(sessionSecret)));
  return found;
}

/** Who must use a second factor: staff when the service requires it, and anyone who chose one. */
export function secondFactorRequired(
  user: { role: string; secondFactorRequired: boolean },
  requireForStaff: boolean,
): boolean {
  return user.secondFactorRequired || (requireForStaff && user.role !== 'foster_carer');
}

export async function findSecondFactor(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId)).limit(1);
  return row ?? null;
}

/** What the set-up page shows: the secret as text for typing in, and a QR code of the same. */
export interface SetUpDetails {
  secret: string;
  /** The secret in groups of four, easier to type. */
  secretGroups: string;
  qrCodeDataUrl: string;
}

/**
 * The secret being set up for this user: a new one the first time, the same one if the page is
 * shown again (so a QR code already scanned still works). Refused once a factor is confirmed.
 */
export async function startSetUp(
  db: DbOrTx,
  sessionSecret: string,
  user: { id: string; username: string },
): Promise<SetUpDetails | null> {
  const { box } = keysFor(sessionSecret);
  const existing = await findSecondFactor(db, user.id);
  if (existing?.confirmedAt) return null;
  let secret = existing ? box.open(existing.secretSealed) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    const secretSealed = box.seal(secret);
    await db
      .insert(secondFactors)
      .values({ userId: user.id, secretSealed })
      .onConflictDoUpdate({ target: secondFactors.userId, set: { secretSealed, createdAt: new Date() } });
  }
  const uri = new TOTP({
    issuer: ISSUER,
    label: user.username,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD,
  }).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return {
    secret,
    secretGroups: secret.match(/.{1,4}/g)!.join(' '),
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/** The time step of a valid code for this secret, or null. */
function codeStep(secret: string, code: string, now: Date): number | null {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
}

/**
 * Accepts a code once: the step it belongs to must be later than the last one used, checked and
 * written in one statement so two requests with the same code cannot both pass.
 */
async function useCode(
  db: DbOrTx,
  sessionSecret: string,
  userId: string,
  code: string,
  now: Date,
  confirmed: boolean,
): Promise<boolean> {
  const factor = await findSecondFactor(db, userId);
  if (!factor || Boolean(factor.confirmedAt) !== confirmed) return false;
  const secret = keysFor(sessionSecret).box.open(factor.secretSealed);
  if (!secret) return false;
  const step = codeStep(secret, code, now);
  if (step === null) return false;
  const used = await db
    .update(secondFactors)
    .set({ lastUsedStep: step, ...(confirmed ? {} : { confirmedAt: now }) })
    .where(
      and(
        eq(secondFactors.userId, userId),
        confirmed ? isNotNull(secondFactors.confirmedAt) : isNull(secondFactors.confirmedAt),
        or(isNull(secondFactors.lastUsedStep), lt(secondFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: secondFactors.userId });
  return used.length === 1;
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hashRecoveryCode(sessionSecret: string, code: string): string {
  return createHmac('sha256', keysFor(sessionSecret).recovery).update(normaliseRecoveryCode(code)).digest('hex');
}

/** Ten codes like "k7mq2-xrt9b" (about 50 bits each). */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false };

/**
 * Confirms the authenticator app with a code from it: the factor is in use from now on, and the
 * user gets new recovery codes (shown once; only their hashes are kept).
 */
export async function confirmSetUp(
  db: DbOrTx,
  sessionSecret: string,
  actor: Actor,
  userId: string,
  code: string,
  now = new Date(),
): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    if (!(await useCode(tx, sessionSecret, userId, code, now, false))) return { ok: false as const };
    const codes = newRecoveryCodes();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(sessionSecret, c) })));
    await tx.update(users).set({ secondFactorRequired: true }).where(eq(users.id, userId));
    await recordAudit(tx, actor, { action: 'set-up-second-factor', recordType: 'user', recordId: userId });
    return { ok: true as const, recoveryCodes: codes };
  });
}

/** Checks a six-digit code from the app, or else a recovery code (used up by this). */
export async function checkSecondFactor(
  db: DbOrTx,
  sessionSecret: string,
  userId: string,
  code: string,
  now = new Date(),
): Promise<'code' | 'recovery-code' | null> {
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    return (await useCode(db, sessionSecret, userId, compact, now, true)) ? 'code' : null;
  }
  if (normaliseRecoveryCode(code).length !== 10) return null;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(sessionSecret, code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1 ? 'recovery-code' : null;
}

/** How many recovery codes the user has left. */
export async function recoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/** Removes a user's second factor and recovery codes (an administrator's reset). */
export async function removeSecondFactor(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(secondFactors).where(eq(secondFactors.userId, userId));
}

/** The current code for a secret: for tests and the browser journey, as an authenticator app would show it. */
export function currentCode(secret: string, now = new Date()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret.replace(/\s/g, '')),
    digits: DIGITS,
    period: PERIOD,
    timestamp: now.getTime(),
  });
}
