CREATE TABLE "answer_tallies" (
	"quarter" text NOT NULL,
	"survey_id" text NOT NULL,
	"segment" text NOT NULL,
	"programme_codes" text[] NOT NULL,
	"region_code" text,
	"la_code" text,
	"question" text NOT NULL,
	"answer" text,
	"count" integer NOT NULL,
	CONSTRAINT "answer_tallies_key" UNIQUE NULLS NOT DISTINCT("quarter","survey_id","segment","programme_codes","region_code","la_code","question","answer")
);
--> statement-breakpoint
CREATE TABLE "response_tallies" (
	"quarter" text NOT NULL,
	"survey_id" text NOT NULL,
	"programme_codes" text[] NOT NULL,
	"region_code" text,
	"la_code" text,
	"count" integer NOT NULL,
	CONSTRAINT "response_tallies_key" UNIQUE NULLS NOT DISTINCT("quarter","survey_id","programme_codes","region_code","la_code")
);
--> statement-breakpoint
DROP INDEX "response_answers_report_idx";