CREATE TABLE "agency_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid,
	"household_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"agrees" boolean NOT NULL,
	"reasons" text NOT NULL,
	"received_on" date,
	"due_on" date,
	"decided_on" date NOT NULL,
	"decided_by" uuid,
	"told_due_on" date NOT NULL,
	"letter_due_on" date NOT NULL,
	"told_on" date,
	"letter_sent_on" date,
	"imported" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "panel_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "panel_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"household_id" uuid NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"places" integer,
	"age_min" integer,
	"age_max" integer,
	"care_type" text,
	"recommendation" text,
	"reasons" text,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstaining" integer,
	"recommended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meets_on" date NOT NULL,
	"place" text NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"papers_due_on" date NOT NULL,
	"minutes_signed_on" date,
	"minutes_signed_by" uuid,
	"minutes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"joined_on" date NOT NULL,
	"training_on" date,
	"dbs_on" date,
	"appraisal_on" date,
	"notice_on" date,
	"leaves_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"qa_by" uuid,
	"qa_on" date,
	"qa_outcome" text,
	"qa_notes" text,
	"published_on" date
);
--> statement-breakpoint
ALTER TABLE "agency_decisions" ADD CONSTRAINT "agency_decisions_item_id_panel_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."panel_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_decisions" ADD CONSTRAINT "agency_decisions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_decisions" ADD CONSTRAINT "agency_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_attendance" ADD CONSTRAINT "panel_attendance_meeting_id_panel_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."panel_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_attendance" ADD CONSTRAINT "panel_attendance_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_meeting_id_panel_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."panel_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_items" ADD CONSTRAINT "panel_items_recommended_by_users_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_meetings" ADD CONSTRAINT "panel_meetings_minutes_signed_by_panel_members_id_fk" FOREIGN KEY ("minutes_signed_by") REFERENCES "public"."panel_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_papers" ADD CONSTRAINT "panel_papers_item_id_panel_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."panel_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_papers" ADD CONSTRAINT "panel_papers_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_papers" ADD CONSTRAINT "panel_papers_qa_by_users_id_fk" FOREIGN KEY ("qa_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_decisions_item_idx" ON "agency_decisions" USING btree ("item_id") WHERE "agency_decisions"."item_id" is not null;--> statement-breakpoint
CREATE INDEX "agency_decisions_household_idx" ON "agency_decisions" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "agency_decisions_decided_idx" ON "agency_decisions" USING btree ("decided_on");--> statement-breakpoint
CREATE INDEX "panel_items_meeting_idx" ON "panel_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "panel_items_household_idx" ON "panel_items" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "panel_meetings_meets_on_idx" ON "panel_meetings" USING btree ("meets_on");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_user_idx" ON "panel_members" USING btree ("user_id") WHERE "panel_members"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "panel_papers_item_idx" ON "panel_papers" USING btree ("item_id");