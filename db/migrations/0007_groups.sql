-- Groups replica (synced from the server) and the group of each contract as a virtual column for the inbox filter.
CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`status` text NOT NULL,
	`age_years` integer NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `groups_org_idx` ON `groups` (`org_id`,`status`,`age_years`);--> statement-breakpoint
ALTER TABLE `contracts` ADD `group_id` text GENERATED ALWAYS AS (json_extract(data, '$.group.id')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contracts_group_idx` ON `contracts` (`group_id`,`tab`);
