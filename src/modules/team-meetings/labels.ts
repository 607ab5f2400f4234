/** The words of learning from serious case reviews, shared by the forms, the pages, the clock and the measures. */

export const ACTION_10_1 =
  'Target 10, action 10.1: serious case reviews used to inform practice and learn across the service; team managers use them in team meetings, and reflective practice and learning are on the agenda of every monthly extended team manager meeting';

export const STATEMENT_OF_PURPOSE =
  'Fostering Services: National Minimum Standards (2011), standard 16 (statement of purpose: a service that learns and improves), under Target 10 of the business plan';

/** The quarterly rule is the service's own (action 10.1), not law: said wherever it is shown. */
export const QUARTERLY_RULE_CITES =
  'Local rule (the service’s own, not law): business plan action 10.1, team managers use serious case reviews in team meetings, at least once a quarter';
export const MONTHLY_RULE_CITES =
  'Local rule (the service’s own, not law): business plan action 10.1, reflective practice and learning on the agenda of the monthly extended team manager meeting';
export const ACTION_RULE_CITES =
  'Local rule (the service’s own, not law): business plan action 10.1, an action agreed at a team meeting on a serious case review is done by the date agreed';

/** What the review form says of what is held: a published review only. */
export const NOTHING_IDENTIFYING =
  'Record published reviews only. Do not enter anything that could identify a child or family known to our service: no names, initials, addresses or case references.';

/** A quarter of the financial year in words: "October to December 2026". */
export function quarterWords(start: string): string {
  const names: Record<string, string> = {
    '04': 'April to June',
    '07': 'July to September',
    '10': 'October to December',
  };
  const month = start.slice(5, 7);
  return `${names[month] ?? 'January to March'} ${start.slice(0, 4)}`;
}
