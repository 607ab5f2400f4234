CREATE TABLE "staff_folder_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"auditor_id" uuid NOT NULL,
	"audited_on" date NOT NULL,
	"team_id" uuid,
	"area_id" uuid,
	"has_agreement" boolean NOT NULL,
	"supervised_in_time" boolean NOT NULL,
	"sessions_signed" boolean NOT NULL,
	"pdp_current" boolean NOT NULL,
	"training_current" boolean NOT NULL,
	"notes_show_analysis" boolean NOT NULL,
	"notes_signs_of_safety" boolean NOT NULL,
	"actions_followed_up" boolean NOT NULL,
	"grade" text NOT NULL,
	"findings" text NOT NULL,
	"actions_for_manager" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_folder_audits_grade" CHECK (grade in ('outstanding', 'good', 'requires_improvement', 'inadequate'))
);
--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD CONSTRAINT "staff_folder_audits_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD CONSTRAINT "staff_folder_audits_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD CONSTRAINT "staff_folder_audits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_folder_audits" ADD CONSTRAINT "staff_folder_audits_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_folder_audits_staff_idx" ON "staff_folder_audits" USING btree ("staff_user_id","audited_on");--> statement-breakpoint
CREATE INDEX "staff_folder_audits_audited_idx" ON "staff_folder_audits" USING btree ("audited_on");