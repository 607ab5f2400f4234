/** The addresses of the plan module's pages. */
export const planPath = (id: string) => `/plan/${id}`;
export const newTargetPath = (planId: string) => `/plan/${planId}/targets/new`;
export const editTargetPath = (id: string) => `/plan/targets/${id}/edit`;
export const planActionPath = (id: string) => `/plan/actions/${id}`;
