-- Places of kindergarten groups: counters (the authority, CHECK against over-capacity) and the place each contract holds.
CREATE TABLE "group_holds" (
	"contract_id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"state" text NOT NULL,
	"special_needs" boolean NOT NULL,
	CONSTRAINT "group_holds_state" CHECK ("group_holds"."state" IN ('reserved', 'enrolled'))
);
--> statement-breakpoint
CREATE TABLE "group_places" (
	"group_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"special_needs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "group_places_held" CHECK ("group_places"."enrolled" >= 0 AND "group_places"."reserved" >= 0 AND "group_places"."special_needs" >= 0 AND "group_places"."enrolled" + "group_places"."reserved" <= "group_places"."capacity")
);
--> statement-breakpoint
ALTER TABLE "group_holds" ADD CONSTRAINT "group_holds_group_id_group_places_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "group_places"("group_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_holds_group_idx" ON "group_holds" USING btree ("group_id");