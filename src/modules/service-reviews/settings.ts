/**
 * The six-monthly reviews' own rules (the service's, from its business plan; shown as local, not
 * law). The half-years are those of the financial year: 1 April to 30 September and 1 October to
 * 31 March.
 */

/**
 * A review is due by the end of the month after its half-year ends: 31 October for April to
 * September, 30 April for October to March.
 */
export const DUE_MONTHS_AFTER_HALF_YEAR = 1;

/** The rule in words, as the pages show it. */
export const DUE_RULE =
  'A review is due one month after its half-year ends: by 31 October for April to September, and by 30 April for October to March. This is the service’s own rule, from its business plan, not a rule in law.';

/**
 * How many half-years back the list and My work show the reviews not yet completed before the
 * service has written one in Hearth (three: a year and a half). From the first half-year it wrote
 * a review of (slots.ts firstExpectedSql), every review not completed stays, overdue, until it is.
 * Completed reviews are listed whenever they were written.
 */
export const LISTED_HALF_YEARS = 3;
