-- Full-text search over contracts: an external-content FTS5 index kept in step by triggers, i.e. in the same transaction as the row.
CREATE VIRTUAL TABLE `contracts_fts` USING fts5(number, child_name, child_iin, parent_name, parent_iin, content='contracts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 4');
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_ai` AFTER INSERT ON `contracts` BEGIN
  INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, new.child_name, new.child_iin, new.parent_name, new.parent_iin);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_ad` AFTER DELETE ON `contracts` BEGIN
  INSERT INTO `contracts_fts`(`contracts_fts`, rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES ('delete', old.rowid, old.number, old.child_name, old.child_iin, old.parent_name, old.parent_iin);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_au` AFTER UPDATE ON `contracts` BEGIN
  INSERT INTO `contracts_fts`(`contracts_fts`, rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES ('delete', old.rowid, old.number, old.child_name, old.child_iin, old.parent_name, old.parent_iin);
  INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, new.child_name, new.child_iin, new.parent_name, new.parent_iin);
END;
--> statement-breakpoint
-- Full-text search over special_queue_applications: an external-content FTS5 index kept in step by triggers, i.e. in the same transaction as the row.
CREATE VIRTUAL TABLE `special_queue_fts` USING fts5(number, child_name, child_iin, parent_name, parent_iin, content='special_queue_applications', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 4');
--> statement-breakpoint
CREATE TRIGGER `special_queue_fts_ai` AFTER INSERT ON `special_queue_applications` BEGIN
  INSERT INTO `special_queue_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, new.child_name, new.child_iin, new.parent_name, new.parent_iin);
END;
--> statement-breakpoint
CREATE TRIGGER `special_queue_fts_ad` AFTER DELETE ON `special_queue_applications` BEGIN
  INSERT INTO `special_queue_fts`(`special_queue_fts`, rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES ('delete', old.rowid, old.number, old.child_name, old.child_iin, old.parent_name, old.parent_iin);
END;
--> statement-breakpoint
CREATE TRIGGER `special_queue_fts_au` AFTER UPDATE ON `special_queue_applications` BEGIN
  INSERT INTO `special_queue_fts`(`special_queue_fts`, rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES ('delete', old.rowid, old.number, old.child_name, old.child_iin, old.parent_name, old.parent_iin);
  INSERT INTO `special_queue_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, new.child_name, new.child_iin, new.parent_name, new.parent_iin);
END;
