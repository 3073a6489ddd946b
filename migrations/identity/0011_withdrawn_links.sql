CREATE TABLE "withdrawn_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"withdrawn_on" date NOT NULL
);
