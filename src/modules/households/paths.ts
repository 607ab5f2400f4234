/** The addresses of the households module's pages. */
export const householdPath = (id: string) => `/households/${id}`;
