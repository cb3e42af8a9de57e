-- The working-day calendar as synced data: one row per year, installed into the calendar after every pull.
CREATE TABLE `calendar_years` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`calendar_version` integer NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
