/** The addresses of extra support pages: the service's overview, a household's support and its forms, a psychology request. */
export const extraSupportPath = () => '/extra-support';
export const householdSupportPath = (householdId: string) => `/households/${householdId}/extra-support`;
export const hubFamilyPath = (householdId: string) => `/households/${householdId}/extra-support/hub-family`;
export const hubLinkPath = (householdId: string) => `/households/${householdId}/extra-support/hub-link`;
export const removeHubLinkPath = (householdId: string) => `/households/${householdId}/extra-support/hub-link/remove`;
export const newBreakPath = (householdId: string) => `/households/${householdId}/extra-support/breaks/new`;
export const removeBreakPath = (id: string) => `/extra-support/breaks/${id}/remove`;
export const newPsychologyPath = (householdId: string) => `/households/${householdId}/extra-support/psychology/new`;
export const psychologyPath = (id: string) => `/extra-support/psychology/${id}`;
export const changePsychologyPath = (id: string) => `/extra-support/psychology/${id}/change`;
export const removePsychologyPath = (id: string) => `/extra-support/psychology/${id}/remove`;
export const removeHubFamilyPath = (householdId: string) =>
  `/households/${householdId}/extra-support/hub-family/remove`;
export const changeHubFamilyPath = (householdId: string) =>
  `/households/${householdId}/extra-support/hub-family/change`;
export const changeHubLinkPath = (householdId: string) => `/households/${householdId}/extra-support/hub-link/change`;
