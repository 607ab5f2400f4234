/** The panel's words: members' roles, agenda item kinds, recommendations and decisions. */

import { skillLevelName } from '../households/labels.ts';

export const memberRoles = [
  'chair',
  'vice_chair',
  'social_worker',
  'independent',
  'care_experienced',
  'medical_adviser',
  'panel_adviser',
] as const;
export type MemberRole = (typeof memberRoles)[number];

export const memberRoleNames: Record<MemberRole, string> = {
  chair: 'Independent chair',
  vice_chair: 'Vice-chair',
  social_worker: 'Social worker (3 years or more post-qualifying experience)',
  independent: 'Independent member',
  care_experienced: 'Care-experienced member',
  medical_adviser: 'Medical adviser',
  panel_adviser: 'Panel adviser',
};

/** Advisers attend but are not counted towards the quorum (they do not vote). */
export const advisers: readonly MemberRole[] = ['medical_adviser', 'panel_adviser'];

export const itemKinds = [
  'approval',
  'first_review',
  'change_of_terms',
  'deregistration',
  'standards_of_care',
  'skills_level',
  'exemption',
] as const;
export type ItemKind = (typeof itemKinds)[number];

export const itemKindNames: Record<ItemKind, string> = {
  approval: 'Approval',
  first_review: 'First annual review',
  change_of_terms: 'Change of terms of approval',
  deregistration: 'Deregistration',
  standards_of_care: 'Standards of care (after an allegation)',
  skills_level: 'Skills level 2 or 3',
  exemption: 'Exemption from the usual limit of three children',
};

/** Items whose recommendation proposes terms of approval. */
export const itemsWithTerms: readonly ItemKind[] = ['approval', 'change_of_terms'];

export const recommendations = ['approve', 'not_approve', 'with_terms'] as const;
export type Recommendation = (typeof recommendations)[number];
export const recommendationNames: Record<Recommendation, string> = {
  approve: 'Approve (as proposed)',
  not_approve: 'Do not approve',
  with_terms: 'Approve with different terms',
};

export const careTypes = ['mainstream', 'short_breaks', 'specialist_disability', 'family_and_friends'] as const;
export const careTypeNames: Record<(typeof careTypes)[number], string> = {
  mainstream: 'Mainstream',
  short_breaks: 'Short breaks',
  specialist_disability: 'Specialist disability',
  family_and_friends: 'Family and friends',
};

export const qaOutcomes = ['accepted', 'returned'] as const;
export const qaOutcomeNames: Record<(typeof qaOutcomes)[number], string> = {
  accepted: 'Quality-assured: ready for panel',
  returned: 'Returned to the author for changes',
};

export const decisionOutcomeNames: Record<string, string> = {
  approve: 'Approved',
  not_approve: 'Not approved',
  change_of_terms: 'Terms of approval changed',
  deregister: 'Deregistered',
  skills_level: 'Skills level changed',
  noted: 'Recommendation agreed',
};

/** A skills level item's level in words ("Level 3 (Advanced)"), or null for any other item. */
export function proposedSkillLevel(item: { skillLevel: number | null }): string | null {
  return item.skillLevel === null ? null : skillLevelName(item.skillLevel);
}

/** Terms of approval in words ("1 child aged 0 to 17", "3 children aged 5 to 11"), or null without terms. */
export function termsText(terms: { places: number | null; ageMin: number | null; ageMax: number | null }) {
  if (!terms.places) return null;
  return `${terms.places} ${terms.places === 1 ? 'child' : 'children'} aged ${terms.ageMin} to ${terms.ageMax}`;
}
