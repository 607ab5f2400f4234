/** The addresses of the concerns pages. */
export const registerPath = () => '/concerns';
export const ladoHomePath = () => '/lado';
export const newMatterPath = () => '/concerns/new';
export const matterPath = (id: string) => `/concerns/${id}`;
export const changeMatterPath = (id: string) => `/concerns/${id}/change`;
export const removeMatterPath = (id: string) => `/concerns/${id}/remove`;
export const stepPath = (id: string, step: string) => `/concerns/${id}/${step}`;
export const householdMattersPath = (householdId: string) => `/households/${householdId}/concerns`;
export const newMatterOnHouseholdPath = (householdId: string) => `/households/${householdId}/concerns/new`;
export const newEventPath = (householdId: string) => `/households/${householdId}/notifications/new`;
export const eventPath = (id: string) => `/notifications/${id}`;
export const noticePath = (id: string) => `/notifications/${id}/told`;
export const changeEventPath = (id: string) => `/notifications/${id}/change`;
export const removeEventPath = (id: string) => `/notifications/${id}/remove`;
