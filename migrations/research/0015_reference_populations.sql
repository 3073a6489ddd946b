CREATE TABLE "reference_populations" (
	"area_code" text NOT NULL,
	"level" text NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	"share" real NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "reference_populations_area_code_dimension_category_pk" PRIMARY KEY("area_code","dimension","category")
);
