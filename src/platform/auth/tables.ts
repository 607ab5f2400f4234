import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Areas of the county (East Kent, West Kent, North Kent ...): service managers oversee one. */
export const areas = pgTable('areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
});

/** Fostering teams; each belongs to one area. */
export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  areaId: uuid('area_id')
    .notNull()
    .references(() => areas.id),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    role: text('role').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    areaId: uuid('area_id').references(() => areas.id),
    /** For a foster carer's portal account: the one household they may see. */
    householdId: uuid('household_id'),
    /**
     * For a foster carer's portal account: the carer whose account it is (the households module
     * links it). It is unlinked, with the household, when that carer leaves the household.
     */
    carerId: uuid('carer_id'),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Set when an administrator resets the password: the user must choose their own. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The user must use a second factor even where the service does not require one of everyone:
     * set when they choose one, and when an administrator resets theirs (they set it up again).
     */
    secondFactorRequired: boolean('second_factor_required').notNull().default(false),
  },
  (t) => [
    index('users_team_idx').on(t.teamId),
    index('users_role_idx').on(t.role),
    index('users_household_idx')
      .on(t.householdId)
      .where(sql`${t.householdId} is not null`),
  ],
);

/** Sessions live in the database so any number of processes can serve one service. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /**
     * Set while the password is checked but the second factor is not: 'code' (enter a code) or
     * 'set-up' (set one up). Such a session opens no page; the finished sign-in gets a new one.
     */
    pending: text('pending'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins, for throttling per account and per address. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    address: text('address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_failures_username_idx').on(t.username, t.at),
    index('sign_in_failures_address_idx').on(t.address, t.at),
  ],
);

/** A user's authenticator app (RFC 6238 one-time codes). Unconfirmed while being set up. */
export const secondFactors = pgTable('second_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The shared secret, encrypted with AES-256-GCM under a key derived from SESSION_SECRET. */
  secretSealed: text('secret_sealed').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The 30-second step of the last code accepted: a code is never accepted twice. */
  lastUsedStep: integer('last_used_step'),
});

/** One-time recovery codes for when the authenticator app is lost: stored as keyed hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId, t.codeHash)],
);

/**
 * People who sign in through the council's identity provider (OpenID Connect), known by the
 * provider's issuer and their subject there (never by email, which can change hands). The Hearth
 * account is made when they are first given a role, by a role mapping or by an administrator.
 */
export const providerIdentities = pgTable(
  'oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .unique()
      .references(() => users.id),
    /** As the provider last gave them, for the administrator's list of people waiting for a role. */
    displayName: text('display_name').notNull(),
    email: text('email'),
    /** The values of the group or role claim (OIDC_CLAIM) at the last sign-in. */
    claimValues: text('claim_values')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** How the account got its role: 'mapping' (checked again at every sign-in) or 'administrator'. */
    roleGivenBy: text('role_given_by'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull(),
    /** Set while no role mapping matches them: they are on the administrator's waiting list. */
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    /**
     * When a sign-in found no mapping any more and deactivated their account: a mapping found again
     * reactivates it, unless an administrator has changed the account since.
     */
    accessRemovedAt: timestamp('access_removed_at', { withTimezone: true }),
  },
  (t) => [
    unique('oidc_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('oidc_identities_waiting_idx').on(t.waitingSince),
  ],
);

/**
 * Which Hearth role, team and area a value of the provider's group or role claim gives. An
 * administrator keeps these; one row per value.
 */
export const roleMappings = pgTable('oidc_role_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  claimValue: text('claim_value').notNull().unique(),
  role: text('role').notNull(),
  teamId: uuid('team_id').references(() => teams.id),
  areaId: uuid('area_id').references(() => areas.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by').references(() => users.id),
});

/**
 * The sessions started through the provider, with the ID token it gave: sent back to the provider
 * when signing out (RP-initiated logout). Goes with its session.
 */
export const providerSessions = pgTable('oidc_sessions', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  identityId: uuid('identity_id')
    .notNull()
    .references(() => providerIdentities.id),
  idToken: text('id_token'),
});

/** The state of each sign-in through the provider that came back: a state is used once only. */
export const usedSignInStates = pgTable(
  'oidc_used_states',
  {
    /** SHA-256 of the state. */
    stateHash: text('state_hash').primaryKey(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_used_states_used_at_idx').on(t.usedAt)],
);

/** Settings of signing in that an administrator changes (each change is in the audit trail). */
export const signInSettings = pgTable('sign_in_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  changedBy: uuid('changed_by').references(() => users.id),
});
