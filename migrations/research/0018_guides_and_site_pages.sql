CREATE TABLE "guide_downloads" (
	"version_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"month" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "guide_downloads_version_id_la_code_month_pk" PRIMARY KEY("version_id","la_code","month")
);
--> statement-breakpoint
CREATE TABLE "guide_ratings" (
	"version_id" uuid NOT NULL,
	"rater" text NOT NULL,
	"la_code" text,
	"quality" integer NOT NULL,
	"usefulness" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_on" timestamp with time zone DEFAULT date_trunc('day', now(), 'Europe/London') NOT NULL,
	CONSTRAINT "guide_ratings_version_id_rater_pk" PRIMARY KEY("version_id","rater")
);
--> statement-breakpoint
CREATE TABLE "guide_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guide_id" uuid NOT NULL,
	"version" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"changes" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"themes" text[] NOT NULL,
	"programmes" text[] NOT NULL,
	"audiences" text[] NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guides_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "site_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"markdown" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guide_downloads" ADD CONSTRAINT "guide_downloads_version_id_guide_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."guide_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_ratings" ADD CONSTRAINT "guide_ratings_version_id_guide_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."guide_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_versions" ADD CONSTRAINT "guide_versions_guide_id_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_ratings_rated_idx" ON "guide_ratings" USING btree ("rated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_versions_version_idx" ON "guide_versions" USING btree ("guide_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_versions_sha256_idx" ON "guide_versions" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "guide_versions_published_idx" ON "guide_versions" USING btree ("published_at");