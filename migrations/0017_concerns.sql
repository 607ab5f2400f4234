CREATE TABLE "allegation_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text NOT NULL,
	"decisions" text NOT NULL,
	"police_involved" boolean NOT NULL,
	"childrens_services_involved" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"received_on" date NOT NULL,
	"extended" boolean DEFAULT false NOT NULL,
	"extension_reason" text,
	"panel_by" date,
	"panel_on" date,
	"report_by" date,
	"report_on" date,
	"respond_by" date NOT NULL,
	"responded_on" date,
	"finding" text,
	"response" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_stages_concern_stage_key" UNIQUE("concern_id","stage")
);
--> statement-breakpoint
CREATE TABLE "concern_children" (
	"concern_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"account" text,
	"outcome_told_on" date,
	"outcome_told_by" text,
	"outcome_told_how" text,
	CONSTRAINT "concern_children_concern_id_child_id_pk" PRIMARY KEY("concern_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "concern_placements" (
	"concern_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"effect" text NOT NULL,
	"on_date" date NOT NULL,
	CONSTRAINT "concern_placements_concern_id_placement_id_pk" PRIMARY KEY("concern_id","placement_id")
);
--> statement-breakpoint
CREATE TABLE "concern_themes" (
	"concern_id" uuid NOT NULL,
	"theme" text NOT NULL,
	CONSTRAINT "concern_themes_concern_id_theme_pk" PRIMARY KEY("concern_id","theme")
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"household_id" uuid,
	"team_id" uuid,
	"against_kind" text NOT NULL,
	"carer_id" uuid,
	"member_id" uuid,
	"raised_by" text NOT NULL,
	"raised_by_name" text,
	"known_on" date NOT NULL,
	"category" text,
	"summary" text NOT NULL,
	"source_audit_id" uuid,
	"referred_to_lado_on" date,
	"lado_name" text,
	"lado_decision_on" date,
	"immediate_action" text,
	"lado_decision_notes" text,
	"outcome" text,
	"outcome_on" date,
	"carer_told_on" date,
	"carer_told_by" text,
	"presented_to_panel_on" date,
	"approval_review" boolean,
	"support_by" text,
	"support_organisation" text,
	"support_offered_on" date,
	"support_taken_up" text,
	"result" text,
	"learning" text,
	"closed_on" date,
	"closed_by" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"told_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "significant_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid,
	"concern_id" uuid,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "significant_events_concern_id_unique" UNIQUE("concern_id")
);
--> statement-breakpoint
ALTER TABLE "allegation_meetings" ADD CONSTRAINT "allegation_meetings_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegation_meetings" ADD CONSTRAINT "allegation_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_children" ADD CONSTRAINT "concern_children_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_children" ADD CONSTRAINT "concern_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_placements" ADD CONSTRAINT "concern_placements_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_placements" ADD CONSTRAINT "concern_placements_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_themes" ADD CONSTRAINT "concern_themes_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_notices" ADD CONSTRAINT "event_notices_event_id_significant_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."significant_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_notices" ADD CONSTRAINT "event_notices_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "significant_events" ADD CONSTRAINT "significant_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "significant_events" ADD CONSTRAINT "significant_events_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "significant_events" ADD CONSTRAINT "significant_events_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "significant_events" ADD CONSTRAINT "significant_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegation_meetings_concern_idx" ON "allegation_meetings" USING btree ("concern_id","held_on");--> statement-breakpoint
CREATE INDEX "complaint_stages_respond_by_idx" ON "complaint_stages" USING btree ("respond_by");--> statement-breakpoint
CREATE INDEX "concern_children_child_idx" ON "concern_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "concern_themes_theme_idx" ON "concern_themes" USING btree ("theme");--> statement-breakpoint
CREATE INDEX "concerns_household_idx" ON "concerns" USING btree ("household_id","known_on");--> statement-breakpoint
CREATE INDEX "concerns_register_idx" ON "concerns" USING btree ("known_on","kind","stage");--> statement-breakpoint
CREATE INDEX "concerns_open_allegations_idx" ON "concerns" USING btree ("known_on") WHERE "concerns"."kind" = 'allegation' and "concerns"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "concerns_outcome_idx" ON "concerns" USING btree ("outcome_on") WHERE "concerns"."outcome_on" is not null;--> statement-breakpoint
CREATE INDEX "event_notices_event_idx" ON "event_notices" USING btree ("event_id","recipient","told_at");--> statement-breakpoint
CREATE INDEX "significant_events_household_idx" ON "significant_events" USING btree ("household_id","known_at");--> statement-breakpoint
CREATE INDEX "significant_events_known_idx" ON "significant_events" USING btree ("known_at");