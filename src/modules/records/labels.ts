/** The words for the records module's codes and the rules it cites. */

/** The audit trail's and the deadline engine's name for a request for records. */
export const REQUEST_RECORD = 'records-request';

/** Who asked for a carer's records (regulation 32(6)(a) and (b)). */
export const requesterKinds = ['fostering_provider', 'adoption_agency'] as const;
export type RequesterKind = (typeof requesterKinds)[number];

export const requesterKindNames: Record<RequesterKind, string> = {
  fostering_provider: 'Another fostering service provider',
  adoption_agency: 'An adoption agency',
};

export const requesterKindName = (kind: string) =>
  (requesterKindNames as Record<string, string>)[kind] ?? 'Another organisation';

/** The records are sent, or access given, within this many working days of the request. */
export const SEND_WORKING_DAYS = 15;

export const REG_32 = 'Fostering Services (England) Regulations 2011, regulation 32';
/** What the deadline and the measure cite. */
export const REG_32_6 =
  `${REG_32}(6): to another fostering service provider (a request under regulation 26(1A)(e)) or to an adoption ` +
  'agency (Adoption Agencies Regulations 2005, regulation 30F(4)), within 15 working days of the request';
export const TARGET_6_3 = 'business plan Target 6, action 6.3: carers transferring from independent fostering agencies';

/**
 * How long a household's records are kept once its approval ends or its application closes, by the
 * status it closed in: 10 years after approval ended (regulation 32(1)), 3 years after an application
 * was refused or withdrawn (regulation 32(3)). The years are added in SQL (scope.ts keptUntilSql).
 */
export const retentionRules = {
  deregistered: { years: 10, words: `10 years after approval ended, ${REG_32}(1)`, closed: 'Approval ended' },
  refused: { years: 3, words: `3 years after the application was refused, ${REG_32}(3)`, closed: 'Refused' },
  withdrawn: { years: 3, words: `3 years after the application was withdrawn, ${REG_32}(3)`, closed: 'Withdrawn' },
} as const;
export type ClosedStatus = keyof typeof retentionRules;
export const closedStatuses = Object.keys(retentionRules) as ClosedStatus[];

export const isClosedStatus = (status: string): status is ClosedStatus => status in retentionRules;

/** A child's case record (Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50). */
export const CHILD_RECORD_YEARS = 75;
/** A child who dies before 18: their record is kept for 15 years beginning with the date of death. */
export const CHILD_DEATH_YEARS = 15;
export const CHILD_RETENTION_RULE =
  'until the 75th anniversary of the child’s date of birth (or 15 years after the death of a child who dies before ' +
  '18), Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50';
