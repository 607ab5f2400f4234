CREATE TABLE "development_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carer_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"agreed_on" date NOT NULL,
	"occasion" text NOT NULL,
	"goals" text NOT NULL,
	"training_to_do" text NOT NULL,
	"support" text NOT NULL,
	"review_by" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"carer_id" uuid,
	"child_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_attendance_one" CHECK (("participation_attendance"."carer_id" is null) <> ("participation_attendance"."child_id" is null))
);
--> statement-breakpoint
CREATE TABLE "participation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"audience" text NOT NULL,
	"organiser" text NOT NULL,
	"held_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_events_dates" CHECK ("participation_events"."ends_on" >= "participation_events"."held_on")
);
--> statement-breakpoint
CREATE TABLE "training_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"carer_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"status" text NOT NULL,
	"booked_via" text NOT NULL,
	"booked_by" uuid,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"attendance" text,
	"attendance_by" uuid,
	"attendance_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text,
	"hours" numeric(4, 1) NOT NULL,
	"mandatory_for" text DEFAULT 'none' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"start_time" text,
	"format" text NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"trainer" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancelled_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_dates" CHECK ("training_sessions"."ends_on" >= "training_sessions"."starts_on"),
	CONSTRAINT "training_sessions_capacity" CHECK ("training_sessions"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "tsd_evidence" (
	"carer_id" uuid PRIMARY KEY NOT NULL,
	"evidenced_on" date NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervisions" ADD COLUMN "children_voice" text;--> statement-breakpoint
ALTER TABLE "supervisions" ADD COLUMN "training_progress" text;--> statement-breakpoint
ALTER TABLE "supervisions" ADD COLUMN "profile_seen_before_arrival" text;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_attendance" ADD CONSTRAINT "participation_attendance_event_id_participation_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."participation_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_attendance" ADD CONSTRAINT "participation_attendance_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_attendance" ADD CONSTRAINT "participation_attendance_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_attendance" ADD CONSTRAINT "participation_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_events" ADD CONSTRAINT "participation_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_attendance_by_users_id_fk" FOREIGN KEY ("attendance_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tsd_evidence" ADD CONSTRAINT "tsd_evidence_carer_id_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tsd_evidence" ADD CONSTRAINT "tsd_evidence_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_plans_carer_idx" ON "development_plans" USING btree ("carer_id","agreed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_attendance_carer_idx" ON "participation_attendance" USING btree ("event_id","carer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_attendance_child_idx" ON "participation_attendance" USING btree ("event_id","child_id");--> statement-breakpoint
CREATE INDEX "participation_attendance_carer_only_idx" ON "participation_attendance" USING btree ("carer_id");--> statement-breakpoint
CREATE INDEX "participation_attendance_child_only_idx" ON "participation_attendance" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "participation_events_held_idx" ON "participation_events" USING btree ("held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_bookings_session_carer_idx" ON "training_bookings" USING btree ("session_id","carer_id");--> statement-breakpoint
CREATE INDEX "training_bookings_carer_idx" ON "training_bookings" USING btree ("carer_id");--> statement-breakpoint
CREATE INDEX "training_bookings_attended_idx" ON "training_bookings" USING btree ("carer_id","session_id") WHERE "training_bookings"."attendance" = 'attended';--> statement-breakpoint
CREATE INDEX "training_courses_category_idx" ON "training_courses" USING btree ("category");--> statement-breakpoint
CREATE INDEX "training_courses_mandatory_idx" ON "training_courses" USING btree ("mandatory_for");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_idx" ON "training_sessions" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id","starts_on");