CREATE TABLE "ehsg_assessments" (
	"la_code" text NOT NULL,
	"quarter" text NOT NULL,
	"survey_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"score" real NOT NULL,
	"recorded_on" timestamp with time zone DEFAULT date_trunc('day', now(), 'Europe/London') NOT NULL,
	CONSTRAINT "ehsg_assessments_la_code_quarter_pk" PRIMARY KEY("la_code","quarter")
);
--> statement-breakpoint
CREATE TABLE "event_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" timestamp with time zone NOT NULL,
	"la_codes" text[] NOT NULL,
	"attendees" integer NOT NULL,
	"feedback_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_feedback_token_unique" UNIQUE("feedback_token")
);
--> statement-breakpoint
CREATE TABLE "supported_authorities" (
	"la_code" text PRIMARY KEY NOT NULL,
	"since" timestamp with time zone DEFAULT date_trunc('day', now(), 'Europe/London') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "ehsg_assessments" ADD CONSTRAINT "ehsg_assessments_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_codes" ADD CONSTRAINT "event_codes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supported_authorities" ADD CONSTRAINT "supported_authorities_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_codes_event_idx" ON "event_codes" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "events_held_idx" ON "events" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "survey_responses_event_idx" ON "survey_responses" USING btree ("event_id") WHERE event_id is not null;