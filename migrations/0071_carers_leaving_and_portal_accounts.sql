ALTER TABLE "users" ADD COLUMN "carer_id" uuid;--> statement-breakpoint
ALTER TABLE "carers" ADD COLUMN "left_on" date;--> statement-breakpoint
CREATE INDEX "users_household_idx" ON "users" USING btree ("household_id") WHERE "users"."household_id" is not null;