-- The inbox reads a tab page in index order: the tab and the voucher flag as virtual columns, one covering index per sort key (electron/backend/contracts/inbox-query.ts).
ALTER TABLE `contracts` ADD `tab` text GENERATED ALWAYS AS (CASE WHEN status IN ('submitted', 'resubmitted') THEN 'review'
      WHEN status IN ('rework_requested', 'offer_sent', 'awaiting_parent') THEN 'rework'
      WHEN status = 'signed' THEN 'signed' ELSE 'archive' END) VIRTUAL;--> statement-breakpoint
ALTER TABLE `contracts` ADD `is_voucher` integer GENERATED ALWAYS AS (coalesce(json_extract(data, '$.isVoucher'), 0)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contracts_tab_due_idx` ON `contracts` (`tab`,`due_on`,`id`,`is_voucher`);--> statement-breakpoint
CREATE INDEX `contracts_tab_submitted_idx` ON `contracts` (`tab`,`submitted_at`,`id`,`due_on`,`is_voucher`);--> statement-breakpoint
CREATE INDEX `contracts_tab_child_name_idx` ON `contracts` (`tab`,`child_name`,`id`,`due_on`,`is_voucher`);--> statement-breakpoint
CREATE INDEX `contracts_tab_parent_name_idx` ON `contracts` (`tab`,`parent_name`,`id`,`due_on`,`is_voucher`);--> statement-breakpoint
CREATE INDEX `contracts_tab_rework_idx` ON `contracts` (`tab`,`rework_count`,`id`,`due_on`,`is_voucher`);