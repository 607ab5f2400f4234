CREATE TABLE "plan_action_rules" (
	"action_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	CONSTRAINT "plan_action_rules_action_id_rule_id_pk" PRIMARY KEY("action_id","rule_id")
);
--> statement-breakpoint
ALTER TABLE "plan_action_rules" ADD CONSTRAINT "plan_action_rules_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;