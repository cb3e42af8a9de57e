/**
 * PostgreSQL advisory lock keys of the server, in one list so no two uses collide. The change-log writers' keys are
 * sequence values above 2^32 (store/change-horizon.ts), far from these.
 */
export const lockKeys = {
  /** Schema migrations and the first initialisation of a database. */
  migrations: 7001,
  /** Per-client push ordering, with the client id's hash as the second key (two-key form). */
  clientPush: 7003,
  /** Writes of the working-day calendar (first version at start, imports), one at a time. */
  calendar: 7004,
} as const;
