/** The addresses of the supervision module's pages. */
export const householdSupervisionPath = (householdId: string) => `/households/${householdId}/supervision`;
export const newSupervisionPath = (householdId: string) => `/households/${householdId}/supervision/new`;
export const supervisionPath = (id: string) => `/supervision/${id}`;
export const editSupervisionPath = (id: string) => `/supervision/${id}/edit`;
export const notesAcknowledgementPath = (token: string) => `/notes/${token}`;
export const correctSupervisionPath = (id: string) => `/supervision/${id}/correct`;
export const removeSupervisionPath = (id: string) => `/supervision/${id}/remove`;
