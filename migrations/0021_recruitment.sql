CREATE TABLE "recruitment_assessments" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"applied_on" date NOT NULL,
	"started_on" date,
	"assessor_id" uuid,
	"needs_employer_reference" boolean DEFAULT false NOT NULL,
	"mentor_household_id" uuid,
	"mentor_allocated_on" date,
	"training_completed_on" date,
	"training_course" text,
	"completed_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"carer_id" uuid,
	"member_id" uuid,
	"kind" text NOT NULL,
	"done_on" date NOT NULL,
	"satisfactory" boolean NOT NULL,
	"expires_on" date,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_enquiries" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"enquired_on" date NOT NULL,
	"source" text NOT NULL,
	"interests" text[] NOT NULL,
	"email" text,
	"phone" text,
	"second_name" text,
	"answered_on" date,
	"answered_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_event_attendees" (
	"event_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "recruitment_event_attendees_event_id_household_id_pk" PRIMARY KEY("event_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "recruitment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"agreed_on" date NOT NULL,
	"agreed_by" text NOT NULL,
	"reason" text NOT NULL,
	"children_covered" text NOT NULL,
	"review_on" date NOT NULL,
	"ended_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_leavings" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"left_on" date NOT NULL,
	"exit_interview" text NOT NULL,
	"interview_on" date,
	"themes" text[] NOT NULL,
	"notes" text,
	"would_return" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_post_approval_interviews" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"interviewed_on" date NOT NULL,
	"feedback" text NOT NULL,
	"mentor_helped" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"worker_id" uuid NOT NULL,
	"proceed" boolean NOT NULL,
	"reasons" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_withdrawals" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"withdrawn_on" date NOT NULL,
	"stage" text NOT NULL,
	"ofsted_code" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recruitment_assessments" ADD CONSTRAINT "recruitment_assessments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_assessments" ADD CONSTRAINT "recruitment_assessments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_assessments" ADD CONSTRAINT "recruitment_assessments_mentor_household_id_households_id_fk" FOREIGN KEY ("mentor_household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_checks" ADD CONSTRAINT "recruitment_checks_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_checks" ADD CONSTRAINT "recruitment_checks_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_checks" ADD CONSTRAINT "recruitment_checks_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_checks" ADD CONSTRAINT "recruitment_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_enquiries" ADD CONSTRAINT "recruitment_enquiries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_enquiries" ADD CONSTRAINT "recruitment_enquiries_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_enquiries" ADD CONSTRAINT "recruitment_enquiries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_event_attendees" ADD CONSTRAINT "recruitment_event_attendees_event_id_recruitment_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_event_attendees" ADD CONSTRAINT "recruitment_event_attendees_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD CONSTRAINT "recruitment_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_exemptions" ADD CONSTRAINT "recruitment_exemptions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_exemptions" ADD CONSTRAINT "recruitment_exemptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_leavings" ADD CONSTRAINT "recruitment_leavings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_leavings" ADD CONSTRAINT "recruitment_leavings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_post_approval_interviews" ADD CONSTRAINT "recruitment_post_approval_interviews_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_post_approval_interviews" ADD CONSTRAINT "recruitment_post_approval_interviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_visits" ADD CONSTRAINT "recruitment_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_visits" ADD CONSTRAINT "recruitment_visits_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_withdrawals" ADD CONSTRAINT "recruitment_withdrawals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_withdrawals" ADD CONSTRAINT "recruitment_withdrawals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recruitment_assessments_applied_idx" ON "recruitment_assessments" USING btree ("applied_on");--> statement-breakpoint
CREATE INDEX "recruitment_assessments_assessor_idx" ON "recruitment_assessments" USING btree ("assessor_id");--> statement-breakpoint
CREATE INDEX "recruitment_checks_household_idx" ON "recruitment_checks" USING btree ("household_id","kind");--> statement-breakpoint
CREATE INDEX "recruitment_checks_expiry_idx" ON "recruitment_checks" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "recruitment_enquiries_on_idx" ON "recruitment_enquiries" USING btree ("enquired_on");--> statement-breakpoint
CREATE INDEX "recruitment_enquiries_source_idx" ON "recruitment_enquiries" USING btree ("source","enquired_on");--> statement-breakpoint
CREATE INDEX "recruitment_event_attendees_household_idx" ON "recruitment_event_attendees" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "recruitment_exemptions_household_idx" ON "recruitment_exemptions" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "recruitment_visits_household_idx" ON "recruitment_visits" USING btree ("household_id");