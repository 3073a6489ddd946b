CREATE TABLE "quarter_themes" (
	"quarter" text PRIMARY KEY NOT NULL,
	"code_id" uuid NOT NULL,
	"early_years" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quarter_themes" ADD CONSTRAINT "quarter_themes_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;