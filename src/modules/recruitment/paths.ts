/** The addresses of the recruitment module's pages. */
export const recruitmentPath = (householdId: string) => `/households/${householdId}/recruitment`;
export const recruitmentStepPath = (householdId: string, step: string) => `${recruitmentPath(householdId)}/${step}`;
