/** The addresses of the households module's pages. */
export const householdPath = (id: string) => `/households/${id}`;
export const editHouseholdPath = (id: string) => `/households/${id}/edit`;
export const carerProfilePath = (id: string) => `/households/${id}/profile`;
export const carerProfilePdfPath = (id: string) => `/households/${id}/profile.pdf`;
export const restrictedAccessPath = (id: string) => `/households/${id}/restricted-access`;
export const newCarerPath = (id: string) => `/households/${id}/carers/new`;
export const editCarerPath = (id: string, carerId: string) => `/households/${id}/carers/${carerId}/edit`;
/** A carer's carer portal account: link one, or remove its access. */
export const portalAccountPath = (id: string, carerId: string) => `/households/${id}/carers/${carerId}/portal-account`;
export const removePortalAccountPath = (id: string, carerId: string) =>
  `/households/${id}/carers/${carerId}/portal-account/remove`;
export const newMemberPath = (id: string) => `/households/${id}/members/new`;
export const editMemberPath = (id: string, memberId: string) => `/households/${id}/members/${memberId}/edit`;
export const newCheckPath = (id: string) => `/households/${id}/checks/new`;
export const editCheckPath = (id: string, checkId: string) => `/households/${id}/checks/${checkId}/edit`;
export const undoStatusChangePath = (id: string, eventId: string) => `/households/${id}/status/${eventId}/undo`;
export const redateStatusChangePath = (id: string, eventId: string) => `/households/${id}/status/${eventId}/date`;
/** The carers' form, in their portal, to tell the service of a change in their household. */
export const portalChangePath = '/portal/household-change';
export const changeNoticeReopenPath = (id: string, noticeId: string) =>
  `/households/${id}/change-notices/${noticeId}/reopen`;
export const changeNoticeDealtWithPath = (id: string, noticeId: string) =>
  `/households/${id}/change-notices/${noticeId}/dealt-with`;
