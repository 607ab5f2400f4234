/** The addresses of the safer-care module's pages. */
export const householdPlansPath = (householdId: string) => `/households/${householdId}/safer-care`;
export const newPlanPath = (householdId: string) => `/households/${householdId}/safer-care/new`;
export const changePlanPath = (id: string) => `/safer-care-plans/${id}/change`;
