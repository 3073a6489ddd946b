CREATE TABLE "code_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_suggestions" (
	"excerpt_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"confidence" real,
	"origin" text DEFAULT 'model' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "code_suggestions_excerpt_id_code_id_pk" PRIMARY KEY("excerpt_id","code_id")
);
--> statement-breakpoint
CREATE TABLE "codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" uuid,
	"seed_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "codes_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
CREATE TABLE "emerging_theme_excerpts" (
	"theme_id" uuid NOT NULL,
	"excerpt_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "emerging_theme_excerpts_theme_id_excerpt_id_pk" PRIMARY KEY("theme_id","excerpt_id")
);
--> statement-breakpoint
CREATE TABLE "emerging_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"top_terms" text[] NOT NULL,
	"size" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"code_id" uuid,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "excerpt_codes" (
	"excerpt_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"origin" text DEFAULT 'analyst' NOT NULL,
	"coded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "excerpt_codes_excerpt_id_code_id_pk" PRIMARY KEY("excerpt_id","code_id")
);
--> statement-breakpoint
CREATE TABLE "excerpts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"response_id" uuid,
	"survey_id" text,
	"question" text,
	"segment_id" uuid,
	"session_id" uuid,
	"speaker" text,
	"text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED NOT NULL,
	"occurred_on" timestamp with time zone NOT NULL,
	"la_code" text,
	"region_code" text,
	"programme_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"quotable" boolean DEFAULT false NOT NULL,
	"coding_version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "code_events" ADD CONSTRAINT "code_events_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_suggestions" ADD CONSTRAINT "code_suggestions_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "public"."excerpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_suggestions" ADD CONSTRAINT "code_suggestions_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_parent_id_codes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_merged_into_codes_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emerging_theme_excerpts" ADD CONSTRAINT "emerging_theme_excerpts_theme_id_emerging_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."emerging_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emerging_theme_excerpts" ADD CONSTRAINT "emerging_theme_excerpts_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "public"."excerpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emerging_themes" ADD CONSTRAINT "emerging_themes_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpt_codes" ADD CONSTRAINT "excerpt_codes_excerpt_id_excerpts_id_fk" FOREIGN KEY ("excerpt_id") REFERENCES "public"."excerpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpt_codes" ADD CONSTRAINT "excerpt_codes_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_segment_id_transcript_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."transcript_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_session_id_panel_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."panel_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "code_events_code_idx" ON "code_events" USING btree ("code_id","at");--> statement-breakpoint
CREATE INDEX "code_suggestions_code_idx" ON "code_suggestions" USING btree ("code_id");--> statement-breakpoint
CREATE UNIQUE INDEX "codes_live_name_idx" ON "codes" USING btree (lower("name")) WHERE "codes"."status" <> 'merged';--> statement-breakpoint
CREATE INDEX "codes_parent_idx" ON "codes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "excerpt_codes_code_idx" ON "excerpt_codes" USING btree ("code_id");--> statement-breakpoint
CREATE UNIQUE INDEX "excerpts_response_question_idx" ON "excerpts" USING btree ("response_id","question");--> statement-breakpoint
CREATE UNIQUE INDEX "excerpts_segment_idx" ON "excerpts" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "excerpts_queue_idx" ON "excerpts" USING btree ("occurred_on","id");--> statement-breakpoint
CREATE INDEX "excerpts_region_idx" ON "excerpts" USING btree ("region_code","occurred_on","id");--> statement-breakpoint
CREATE INDEX "excerpts_source_idx" ON "excerpts" USING btree ("source","occurred_on","id");--> statement-breakpoint
CREATE INDEX "excerpts_session_idx" ON "excerpts" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "excerpts_search_idx" ON "excerpts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "excerpts_programmes_idx" ON "excerpts" USING gin ("programme_codes");--> statement-breakpoint
-- Transcripts added before coding existed: their participants' turns become excerpts too.
INSERT INTO "excerpts" ("source", "segment_id", "session_id", "speaker", "text", "occurred_on", "la_code", "region_code", "programme_codes")
SELECT 'transcript', s."id", t."session_id", s."speaker", s."text", date_trunc('day', ps."starts_at", 'Europe/London'), p."la_code", p."region_code", p."programme_codes"
FROM "transcript_segments" s
JOIN "transcripts" t ON t."id" = s."transcript_id"
JOIN "panel_sessions" ps ON ps."id" = t."session_id"
JOIN "panels" p ON p."id" = ps."panel_id"
WHERE s."speaker" <> 'Facilitator';
