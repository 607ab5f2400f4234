ALTER TABLE "staff_folder_audits" ADD COLUMN "actions_done_on" date;--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD COLUMN "actions_done_by" uuid;--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD CONSTRAINT "staff_folder_audits_actions_done_by_users_id_fk" FOREIGN KEY ("actions_done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD CONSTRAINT "staff_folder_audits_actions_done" CHECK (actions_done_on is null or (actions_for_manager is not null and actions_done_on >= audited_on
        and actions_done_by is not null));