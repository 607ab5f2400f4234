CREATE TABLE "quarterly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter_start" date NOT NULL,
	"foreword" text DEFAULT '' NOT NULL,
	"off_target" text DEFAULT '' NOT NULL,
	"next_quarter" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_on" date,
	"issued_by_user_id" uuid,
	"issued_content" jsonb,
	"issued_docx" "bytea",
	CONSTRAINT "quarterly_reports_quarter_start_unique" UNIQUE("quarter_start")
);
--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;