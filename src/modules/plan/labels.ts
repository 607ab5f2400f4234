/** The plan's words: RAG statuses, target headings, and the order of action numbers (1.2 before 1.10). */

export const rags = ['red', 'amber', 'green'] as const;
export type PlanRag = (typeof rags)[number];
export const ragNames: Record<PlanRag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
/** MOJ/GOV.UK tag colours for each RAG status. */
export const ragTagClasses: Record<PlanRag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
};

export function targetHeading(target: { number: number; title: string; standards: string | null }): string {
  return `Target ${target.number}: ${target.title}${target.standards ? ` (${target.standards})` : ''}`;
}

/** Sorts "7.10" after "7.9". */
export function byActionNumber(a: { number: string }, b: { number: string }): number {
  return a.number.localeCompare(b.number, 'en', { numeric: true });
}
