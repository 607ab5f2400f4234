/** The addresses of the placements module's pages (referrals, matching, placements). */
export const placementPath = (id: string) => `/placements/${id}`;
