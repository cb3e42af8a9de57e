/** Both drivers (PGlite, node-postgres) return raw query rows under `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
