CREATE TABLE "oidc_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"email" text,
	"claim_values" text[] DEFAULT '{}'::text[] NOT NULL,
	"role_given_by" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_sign_in_at" timestamp with time zone NOT NULL,
	"waiting_since" timestamp with time zone,
	"access_removed_at" timestamp with time zone,
	CONSTRAINT "oidc_identities_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "oidc_identities_issuer_subject_key" UNIQUE("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "oidc_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"identity_id" uuid NOT NULL,
	"id_token" text
);
--> statement-breakpoint
CREATE TABLE "oidc_role_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_value" text NOT NULL,
	"role" text NOT NULL,
	"team_id" uuid,
	"area_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "oidc_role_mappings_claim_value_unique" UNIQUE("claim_value")
);
--> statement-breakpoint
CREATE TABLE "sign_in_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "oidc_used_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oidc_identities" ADD CONSTRAINT "oidc_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_sessions" ADD CONSTRAINT "oidc_sessions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_sessions" ADD CONSTRAINT "oidc_sessions_identity_id_oidc_identities_id_fk" FOREIGN KEY ("identity_id") REFERENCES "public"."oidc_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_role_mappings" ADD CONSTRAINT "oidc_role_mappings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_role_mappings" ADD CONSTRAINT "oidc_role_mappings_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_role_mappings" ADD CONSTRAINT "oidc_role_mappings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_settings" ADD CONSTRAINT "sign_in_settings_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oidc_identities_waiting_idx" ON "oidc_identities" USING btree ("waiting_since");--> statement-breakpoint
CREATE INDEX "oidc_used_states_used_at_idx" ON "oidc_used_states" USING btree ("used_at");