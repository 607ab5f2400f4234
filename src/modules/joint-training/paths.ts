/** The addresses of the joint training pages: the list, a day and its forms (its removal too), an evaluation. */
export const JOINT_TRAINING = '/joint-training';
export const NEW_DAY = '/joint-training/new';
export const dayPath = (dayId: string) => `${JOINT_TRAINING}/${dayId}`;
export const editDayPath = (dayId: string) => `${dayPath(dayId)}/edit`;
/** Removing a day recorded by mistake, with who attended and their evaluations (confirmed first). */
export const removeDayPath = (dayId: string) => `${dayPath(dayId)}/remove`;
/** The attendance form for one group (a team's id, `no-team` or `panel`). */
export const attendancePath = (dayId: string, group?: string) =>
  `${dayPath(dayId)}/attendance${group ? `?group=${encodeURIComponent(group)}` : ''}`;
/** The signed-in attendee's own evaluation of the day. */
export const ownEvaluationPath = (dayId: string) => `${dayPath(dayId)}/evaluation`;
/** An attendee's evaluation: read, or entered from a paper form, by the head or the training coordinator. */
export const evaluationPath = (attendanceId: string) => `${JOINT_TRAINING}/evaluations/${attendanceId}`;
/** An evaluation put right on its form, filled in, by the attendee or those who manage the days. */
export const changeEvaluationPath = (attendanceId: string) => `${evaluationPath(attendanceId)}/change`;
/** An evaluation recorded against the wrong attendee removed, with why, by those who manage the days. */
export const removeEvaluationPath = (attendanceId: string) => `${evaluationPath(attendanceId)}/remove`;
