/** The addresses of the placements module's pages (referrals, matching, placements). */
export const placementPath = (id: string) => `/placements/${id}`;
/** A placement's corrections: its start details, its ending (corrected or undone) and its removal. */
export const placementCorrectionPath = (id: string, step: 'start' | 'ending' | 'reopen' | 'remove') =>
  `/placements/${id}/${step}`;
export const agencyEndingPath = (id: string, step: 'ending' | 'reopen' = 'ending') =>
  `/agency-placements/${id}/${step}`;
/** An agency placement's recording form (the agency, start date and type), filled in to put it right. */
export const agencyStartPath = (id: string) => `/agency-placements/${id}/start`;
export const referralPath = (id: string) => `/referrals/${id}`;
export const referralStepPath = (
  id: string,
  step: 'edit' | 'accept' | 'return' | 'withdraw' | 'matching' | 'match' | 'place' | 'agency-placement',
) => `/referrals/${id}/${step}`;
export const emergencyPlacementPath = (childId: string) => `/children/${childId}/emergency-placement`;
