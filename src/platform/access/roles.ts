/** The roles of the fostering service (see shared/domain.md, "Who uses it"). */
export const roles = [
  'admin',
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'assessing_social_worker',
  'reviewing_officer',
  'childrens_social_worker',
  'lado',
  'panel_member',
  'panel_adviser',
  'decision_maker',
  'training_coordinator',
  'recruitment_coordinator',
  'payments_officer',
  'foster_carer',
] as const;

export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  admin: 'Administrator',
  head_of_fostering: 'Head of fostering',
  assistant_director: 'Assistant director',
  service_manager: 'Service manager',
  team_manager: 'Team manager',
  supervising_social_worker: 'Supervising social worker',
  assessing_social_worker: 'Assessing social worker',
  reviewing_officer: 'Reviewing officer',
  childrens_social_worker: "Children's social worker",
  lado: 'LADO (allegations officer)',
  panel_member: 'Panel member',
  panel_adviser: 'Panel adviser',
  decision_maker: 'Agency decision maker',
  training_coordinator: 'Training coordinator',
  recruitment_coordinator: 'Recruitment coordinator',
  payments_officer: 'Payments officer',
  foster_carer: 'Foster carer',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
