/** PostgreSQL advisory lock keys of the server, in one list so no two uses collide. */
export const lockKeys = {
  /** Schema migrations and the first initialisation of a database. */
  migrations: 7001,
  /** The change log's write/read lock (see connect.ts lockWrites/lockReads). */
  changeLog: 7002,
} as const;
