/** The addresses of temporary approval pages: the list, giving one from a child's record, an approval and its steps. */
export const connectedPersonsPath = () => '/connected-persons';
export const giveApprovalPath = (childId: string) => `/children/${childId}/temporary-approval`;
export const approvalPath = (id: string) => `/temporary-approvals/${id}`;
export const extendApprovalPath = (id: string) => `/temporary-approvals/${id}/extend`;
export const endApprovalPath = (id: string) => `/temporary-approvals/${id}/end`;
/** Putting it right: the day it was given and the nominated officer, the extension, and an ending recorded in error undone. */
export const changeApprovalPath = (id: string) => `/temporary-approvals/${id}/approval`;
export const changeExtensionPath = (id: string) => `/temporary-approvals/${id}/extension`;
export const undoEndingPath = (id: string) => `/temporary-approvals/${id}/undo-end`;
