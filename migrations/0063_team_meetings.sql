CREATE TABLE "extended_team_manager_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"reflective_practice" boolean NOT NULL,
	"learning" text NOT NULL,
	"review_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serious_case_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"published_by" text NOT NULL,
	"published_on" date NOT NULL,
	"link" text NOT NULL,
	"learning" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "serious_case_reviews_link_web" CHECK ("serious_case_reviews"."link" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "team_meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"action" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_meeting_actions_done_by" CHECK (("team_meeting_actions"."done_on" is null) = ("team_meeting_actions"."done_by" is null))
);
--> statement-breakpoint
CREATE TABLE "team_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"chaired_by" uuid NOT NULL,
	"attended" integer NOT NULL,
	"attendees" text,
	"review_id" uuid NOT NULL,
	"learning" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_meetings_attended" CHECK ("team_meetings"."attended" between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "extended_team_manager_meetings" ADD CONSTRAINT "extended_team_manager_meetings_review_id_serious_case_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."serious_case_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extended_team_manager_meetings" ADD CONSTRAINT "extended_team_manager_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serious_case_reviews" ADD CONSTRAINT "serious_case_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting_actions" ADD CONSTRAINT "team_meeting_actions_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting_actions" ADD CONSTRAINT "team_meeting_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meeting_actions" ADD CONSTRAINT "team_meeting_actions_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_chaired_by_users_id_fk" FOREIGN KEY ("chaired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_review_id_serious_case_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."serious_case_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "extended_team_manager_meetings_held_idx" ON "extended_team_manager_meetings" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "serious_case_reviews_published_idx" ON "serious_case_reviews" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "team_meeting_actions_meeting_idx" ON "team_meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "team_meeting_actions_owner_idx" ON "team_meeting_actions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "team_meetings_team_held_idx" ON "team_meetings" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE INDEX "team_meetings_review_held_idx" ON "team_meetings" USING btree ("review_id","held_on");