CREATE TABLE "response_answers" (
	"response_id" uuid NOT NULL,
	"survey_id" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"la_code" text,
	"region_code" text,
	"programme_codes" text[] NOT NULL,
	"question" text NOT NULL,
	"answer" text
);
--> statement-breakpoint
ALTER TABLE "response_answers" ADD CONSTRAINT "response_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_answers_report_idx" ON "response_answers" USING btree ("survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "response_answers_response_idx" ON "response_answers" USING btree ("response_id");