/** The addresses of the placements module's pages (referrals, matching, placements). */
export const placementPath = (id: string) => `/placements/${id}`;
export const referralPath = (id: string) => `/referrals/${id}`;
export const referralStepPath = (
  id: string,
  step: 'edit' | 'accept' | 'return' | 'withdraw' | 'matching' | 'match' | 'place' | 'agency-placement',
) => `/referrals/${id}/${step}`;
export const emergencyPlacementPath = (childId: string) => `/children/${childId}/emergency-placement`;
