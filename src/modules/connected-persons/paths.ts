/** The addresses of temporary approval pages: the list, giving one from a child's record, an approval and its steps. */
export const connectedPersonsPath = () => '/connected-persons';
export const giveApprovalPath = (childId: string) => `/children/${childId}/temporary-approval`;
export const approvalPath = (id: string) => `/temporary-approvals/${id}`;
export const extendApprovalPath = (id: string) => `/temporary-approvals/${id}/extend`;
export const endApprovalPath = (id: string) => `/temporary-approvals/${id}/end`;
