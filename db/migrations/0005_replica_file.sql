-- The replica lives in its own file attached as `replica` (db/replica-files.ts): its name and the DDL of its tables.
CREATE TABLE `replica_layout` (
	`id` integer PRIMARY KEY NOT NULL,
	`file` text NOT NULL,
	`ddl` text NOT NULL
);
