// The database URL, resolved the same way by the app, the CLI and the scripts.
// Default: an embedded SQLite file in the git-ignored data/ folder.
export const DEFAULT_DATABASE_URL = "file:./data/recall.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}
