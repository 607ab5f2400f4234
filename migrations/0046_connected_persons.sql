CREATE TABLE "temporary_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"approved_by" text NOT NULL,
	"recorded_by" uuid,
	"extended_on" date,
	"extended_by" text,
	"extension_reason" text,
	"extended_until" date,
	"panel_views_sought_on" date,
	"iro_informed" boolean,
	"extension_recorded_by" uuid,
	"ended_on" date,
	"end_reason" text,
	"end_note" text,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "temporary_approvals" ADD CONSTRAINT "temporary_approvals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_approvals" ADD CONSTRAINT "temporary_approvals_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_approvals" ADD CONSTRAINT "temporary_approvals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_approvals" ADD CONSTRAINT "temporary_approvals_extension_recorded_by_users_id_fk" FOREIGN KEY ("extension_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_approvals" ADD CONSTRAINT "temporary_approvals_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "temporary_approvals_one_running_idx" ON "temporary_approvals" USING btree ("household_id","child_id") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "temporary_approvals_household_idx" ON "temporary_approvals" USING btree ("household_id","approved_on");--> statement-breakpoint
CREATE INDEX "temporary_approvals_child_idx" ON "temporary_approvals" USING btree ("child_id","approved_on");--> statement-breakpoint
CREATE INDEX "temporary_approvals_expires_idx" ON "temporary_approvals" USING btree ("expires_on");