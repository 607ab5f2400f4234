/** The words Hearth uses for visits to a child by their social worker, and the law they come from. */

export const CARE_PLANNING_REGS = 'Care Planning, Placement and Case Review (England) Regulations 2010';
/** Where the timescales come from. */
export const VISITS_CITE = `${CARE_PLANNING_REGS}, regulation 28(2), and 28(4) for a child placed with a connected person under temporary approval`;
/** Where seeing the child alone comes from. */
export const SEEN_ALONE_CITE = `${CARE_PLANNING_REGS}, regulation 29`;

/** Whether the child was seen, and alone: one question on the form. */
export const seenChoices = ['alone', 'not_alone', 'not_seen'] as const;
export type SeenChoice = (typeof seenChoices)[number];
export const seenNames: Record<SeenChoice, string> = {
  alone: 'Seen alone',
  not_alone: 'Seen, but not alone',
  not_seen: 'Not seen',
};
export const seenHints: Partial<Record<SeenChoice, string>> = {
  alone: 'You spoke to the child in private',
  not_seen: 'A visit where the child was not seen does not count as a statutory visit',
};

/** Why a child seen was not spoken to alone: regulation 29's three grounds, in the service's words. */
export const notAloneReasons = ['refused', 'too_young', 'not_practicable'] as const;
export type NotAloneReason = (typeof notAloneReasons)[number];
export const notAloneReasonNames: Record<NotAloneReason, string> = {
  refused: 'The child refused',
  too_young: 'The child is too young',
  not_practicable: 'It was not practicable',
};
export const notAloneReasonHints: Record<NotAloneReason, string> = {
  refused: 'They are old enough and understand enough to decide',
  too_young: 'Seeing them alone was not appropriate for their age and understanding',
  not_practicable: 'For example, there was nowhere private to talk',
};

export const places = ['placement', 'school', 'elsewhere'] as const;
export type Place = (typeof places)[number];
export const placeNames: Record<Place, string> = {
  placement: 'At the placement (the carers’ home)',
  school: 'At school or college',
  elsewhere: 'Somewhere else',
};
/** Shorter, for a table. */
export const placeShortNames: Record<Place, string> = {
  placement: 'At the placement',
  school: 'At school',
  elsewhere: 'Elsewhere',
};

/** Seen alone, or why not, as a table cell says it. */
export function seenInWords(visit: {
  childSeen: boolean;
  seenAlone: boolean | null;
  notAloneReason: string | null;
}): string {
  if (!visit.childSeen) return 'Not seen';
  if (visit.seenAlone) return 'Seen alone';
  const reason = notAloneReasonNames[visit.notAloneReason as NotAloneReason];
  return reason ? `Seen, not alone: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : 'Seen, not alone';
}
