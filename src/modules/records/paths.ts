/** The addresses of the records module's pages. */
export const householdRequestsPath = (householdId: string) => `/households/${householdId}/records-requests`;
export const newRequestPath = (householdId: string) => `/households/${householdId}/records-requests/new`;
export const requestSentPath = (id: string) => `/records-requests/${id}/sent`;
export const changeRequestPath = (id: string) => `/records-requests/${id}/change`;
export const recordsPath = () => '/records';
export const retentionPath = () => '/records/retention';
