/**
 * The words and settings of extra support for carers (business plan action 7.3: more stable
 * placements and better retention of carers through three kinds of extra support). The settings are
 * the plan's and the service's own, not law: change them here and the pages, the deadline and the
 * scorecard follow.
 */
export const SUPPORT_STANDARD =
  'Fostering Services: National Minimum Standards (2011), standard 21 (foster carers are given the support they need to care for the children placed)';
export const ACTION_7_3 =
  'Target 7, action 7.3: more stable placements and fewer moves, and better retention of carers, through extra support for carers';

/** Hub families across the county (the plan's "5 hub families to be recruited for the county"). */
export const HUB_FAMILIES_TARGET = 5;
/** Households a hub family supports (the plan's "3-4 foster carers"): more is allowed, with a warning. */
export const HUB_SUPPORTS_UP_TO = 4;

/** Emergency psychology support: the first session within this many working days of the request (local rule). */
export const EMERGENCY_WORKING_DAYS = 2;
export const EMERGENCY_RULE = `local rule (the service’s own, not law): emergency clinical psychology support begins within ${EMERGENCY_WORKING_DAYS} working days of the request`;

export const centres = ['swattenden', 'bewl-water', 'other'] as const;
export type Centre = (typeof centres)[number];
export const centreNames: Record<Centre, string> = {
  swattenden: 'Swattenden Centre',
  'bewl-water': 'Bewl Water',
  other: 'Another centre',
};

export const breakKinds = ['day', 'residential'] as const;
export type BreakKind = (typeof breakKinds)[number];
export const breakKindNames: Record<BreakKind, string> = {
  day: 'A day',
  residential: 'A residential weekend',
};

export const urgencies = ['emergency', 'planned'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyNames: Record<Urgency, string> = {
  emergency: 'Emergency',
  planned: 'Planned',
};
export const urgencyHints: Record<Urgency, string> = {
  emergency: `The placement is at risk: the first session is due within ${EMERGENCY_WORKING_DAYS} working days`,
  planned: 'Support arranged in the usual way, with no deadline',
};
