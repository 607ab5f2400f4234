/** The audit template's sections and grades, in the service's words. */
export const sections = [
  'supervision',
  'agreement',
  'annual_review',
  'pdp_training',
  'delegated_authority',
  'childs_voice',
  'safer_care',
  'recording',
] as const;
export type Section = (typeof sections)[number];

export const sectionNames: Record<Section, string> = {
  supervision: 'Supervision',
  agreement: 'The foster carer agreement',
  annual_review: 'Annual review quality',
  pdp_training: 'PDP and training',
  delegated_authority: 'Delegated authority',
  childs_voice: 'The child’s voice',
  safer_care: 'Safer care',
  recording: 'Recording',
};

/** Best first: a worse grade has a higher index. */
export const grades = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type Grade = (typeof grades)[number];

export const gradeNames: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export const gradeTagColours: Record<Grade, string> = {
  outstanding: 'govuk-tag--green',
  good: 'govuk-tag--turquoise',
  requires_improvement: 'govuk-tag--yellow',
  inadequate: 'govuk-tag--red',
};

export const isGrade = (value: unknown): value is Grade => (grades as readonly unknown[]).includes(value);

/** The worst of some grades (null when there are none). */
export function worstGrade(list: readonly Grade[]): Grade | null {
  return list.reduce<Grade | null>(
    (worst, g) => (worst && grades.indexOf(worst) >= grades.indexOf(g) ? worst : g),
    null,
  );
}

/**
 * The audit's overall grade and why: the worst section's grade, or inadequate when a child placed
 * in the household has no current signed delegated authority, whatever the sections say.
 */
export function overallGrade(sectionGrades: readonly Grade[], delegatedAuthorityMissing: boolean) {
  const worst = worstGrade(sectionGrades);
  if (delegatedAuthorityMissing) {
    return {
      grade: 'inadequate' as Grade,
      reason: 'Inadequate: a child placed in the household has no current signed delegated authority.',
    };
  }
  return { grade: worst, reason: worst ? `${gradeNames[worst]}: the grade of the worst section.` : null };
}

export const pickedBecauseNames: Record<string, string> = {
  random: 'Picked at random',
  open_matter: 'Open allegation, complaint or standard-of-care concern',
  swap: 'Picked in place of a swapped file',
};

export const statusNames: Record<string, string> = {
  to_do: 'To do',
  completed: 'Completed',
  swapped: 'Swapped out',
};
