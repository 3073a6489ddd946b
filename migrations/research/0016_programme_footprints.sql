CREATE TABLE "programme_footprints" (
	"programme_code" text NOT NULL,
	"la_code" text NOT NULL,
	CONSTRAINT "programme_footprints_programme_code_la_code_pk" PRIMARY KEY("programme_code","la_code")
);
--> statement-breakpoint
ALTER TABLE "programme_footprints" ADD CONSTRAINT "programme_footprints_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_footprints" ADD CONSTRAINT "programme_footprints_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;