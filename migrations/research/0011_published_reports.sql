CREATE TABLE "published_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"programme" text NOT NULL,
	"level" text NOT NULL,
	"version" integer NOT NULL,
	"report" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "published_reports_version_idx" ON "published_reports" USING btree ("quarter","programme","level","version");