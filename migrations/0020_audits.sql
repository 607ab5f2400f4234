CREATE TABLE "audit_months" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"team_id" uuid,
	"picked_on" date NOT NULL,
	"picked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_sections" (
	"audit_id" uuid NOT NULL,
	"section" text NOT NULL,
	"grade" text NOT NULL,
	"findings" text,
	"actions" text,
	CONSTRAINT "case_audit_sections_audit_id_section_pk" PRIMARY KEY("audit_id","section")
);
--> statement-breakpoint
CREATE TABLE "case_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"picked_because" text NOT NULL,
	"status" text DEFAULT 'to_do' NOT NULL,
	"swap_reason" text,
	"swapped_by" uuid,
	"swapped_on" date,
	"replaced_by" uuid,
	"auditor_id" uuid,
	"audited_on" date,
	"grade" text,
	"delegated_authority_missing" boolean,
	"delegated_authority_detail" text,
	"safeguarding" text,
	"concern_id" uuid,
	"put_right_due_on" date,
	"put_right_on" date,
	"put_right_notes" text,
	"put_right_by" uuid,
	"confirmed_on" date,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_months" ADD CONSTRAINT "audit_months_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_months" ADD CONSTRAINT "audit_months_picked_by_users_id_fk" FOREIGN KEY ("picked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_sections" ADD CONSTRAINT "case_audit_sections_audit_id_case_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."case_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_month_id_audit_months_id_fk" FOREIGN KEY ("month_id") REFERENCES "public"."audit_months"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_swapped_by_users_id_fk" FOREIGN KEY ("swapped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_put_right_by_users_id_fk" FOREIGN KEY ("put_right_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_months_team_idx" ON "audit_months" USING btree ("month","team_id") WHERE "audit_months"."team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_months_central_idx" ON "audit_months" USING btree ("month") WHERE "audit_months"."team_id" is null;--> statement-breakpoint
CREATE INDEX "case_audits_month_idx" ON "case_audits" USING btree ("month_id","status");--> statement-breakpoint
CREATE INDEX "case_audits_household_idx" ON "case_audits" USING btree ("household_id","audited_on");--> statement-breakpoint
CREATE INDEX "case_audits_done_idx" ON "case_audits" USING btree ("audited_on") WHERE "case_audits"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "case_audits_put_right_idx" ON "case_audits" USING btree ("put_right_due_on") WHERE "case_audits"."put_right_due_on" is not null;