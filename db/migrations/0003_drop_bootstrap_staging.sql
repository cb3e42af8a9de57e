-- The bootstrap stages into shadow tables (electron/backend/sync/shadow-tables.ts); this staging table is no longer used.
DROP TABLE `bootstrap_staging`;
