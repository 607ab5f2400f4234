-- Each booking keeps its session's course, so the courses a carer attended come from the bookings alone.
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_id_course_key" UNIQUE("id","course_id");--> statement-breakpoint
ALTER TABLE "training_bookings" ADD COLUMN "session_course_id" uuid;--> statement-breakpoint
UPDATE "training_bookings" b SET "session_course_id" = s."course_id" FROM "training_sessions" s WHERE s."id" = b."session_id";--> statement-breakpoint
ALTER TABLE "training_bookings" ALTER COLUMN "session_course_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_session_course_fk" FOREIGN KEY ("session_id","session_course_id") REFERENCES "public"."training_sessions"("id","course_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
DROP INDEX "training_bookings_attended_on_idx";--> statement-breakpoint
CREATE INDEX "training_bookings_attended_on_idx" ON "training_bookings" USING btree ("carer_id","session_starts_on","session_course_id") WHERE "training_bookings"."attendance" = 'attended';
