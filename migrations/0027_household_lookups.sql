CREATE INDEX "households_restricted_idx" ON "households" USING btree ("id") WHERE "households"."restricted";--> statement-breakpoint
CREATE INDEX "development_plans_household_idx" ON "development_plans" USING btree ("household_id","agreed_on");--> statement-breakpoint
CREATE INDEX "training_bookings_household_idx" ON "training_bookings" USING btree ("household_id");