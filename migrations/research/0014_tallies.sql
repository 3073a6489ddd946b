CREATE TABLE "answer_tallies" (
	"quarter" text NOT NULL,
	"key" uuid NOT NULL,
	"survey_id" text NOT NULL,
	"segment" text NOT NULL,
	"programme" text NOT NULL,
	"region_code" text,
	"la_code" text,
	"question" text NOT NULL,
	"answer" text,
	"count" integer NOT NULL,
	CONSTRAINT "answer_tallies_quarter_key_pk" PRIMARY KEY("quarter","key")
) WITH (fillfactor = 50);
--> statement-breakpoint
CREATE TABLE "response_tallies" (
	"quarter" text NOT NULL,
	"key" uuid NOT NULL,
	"survey_id" text NOT NULL,
	"programme" text NOT NULL,
	"region_code" text,
	"la_code" text,
	"count" integer NOT NULL,
	CONSTRAINT "response_tallies_quarter_key_pk" PRIMARY KEY("quarter","key")
) WITH (fillfactor = 50);
--> statement-breakpoint
DROP TABLE "response_answers" CASCADE;