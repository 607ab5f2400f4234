/** The addresses of the administration pages. */
export const userPath = (id: string) => `/admin/users/${id}`;
export const userActionPath = (id: string, action: string) => `/admin/users/${id}/${action}`;
export const temporaryPasswordPath = (id: string) => `/admin/users/${id}/temporary-password`;
export const unlinkAccountPath = (id: string, accountId: string) =>
  `/admin/users/${id}/council-accounts/${accountId}/unlink`;
