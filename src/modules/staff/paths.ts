/** The staff module's addresses. */
export const folderPath = (memberId: string) => `/staff/${memberId}`;
export const folderFormPath = (memberId: string, form: string) => `${folderPath(memberId)}/${form}`;
export const sessionPath = (sessionId: string) => `/staff/sessions/${sessionId}`;
export const sessionPdfPath = (sessionId: string) => `/staff/sessions/${sessionId}/record.pdf`;
export const signPath = (sessionId: string) => `/staff/sessions/${sessionId}/sign`;
export const MY_SUPERVISION = '/my-supervision';
export const TEAM_LIST = '/staff';
export const FOLDER_AUDITS = '/staff/folder-audits';
export const PICK_FOLDER = '/staff/folder-audits/pick';
export const folderAuditPath = (auditId: string) => `${FOLDER_AUDITS}/${auditId}`;
export const actionsDonePath = (auditId: string) => `${folderAuditPath(auditId)}/actions-done`;
export const newFolderAuditPath = (memberId: string) => `${folderPath(memberId)}/folder-audit`;
export const changeSessionPath = (sessionId: string) => `${sessionPath(sessionId)}/change`;
export const removeSessionPath = (sessionId: string) => `${sessionPath(sessionId)}/remove`;
export const trainingRecordPath = (trainingId: string) => `/staff/training/${trainingId}`;
export const changeTrainingPath = (trainingId: string) => `${trainingRecordPath(trainingId)}/change`;
export const removeTrainingPath = (trainingId: string) => `${trainingRecordPath(trainingId)}/remove`;
