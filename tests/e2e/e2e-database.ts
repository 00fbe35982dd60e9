// The end-to-end tests' own connection to the database the server under test
// uses, opened in the Playwright process (no child process per account) with
// the app's Prisma client factory, password hashing and scheduler.
// The code is in e2e-database-impl.ts, loaded through tsx's in-process
// require: the generated Prisma client is an ES module with import.meta, which
// Playwright's own transform of test files cannot load.
import { require as tsxRequire } from "tsx/cjs/api";
import { e2eDatabaseUrl } from "../../playwright.config";

type Impl = typeof import("./e2e-database-impl");

let loaded: Promise<Impl> | undefined;
function impl(): Promise<Impl> {
  loaded ??= Promise.resolve().then(() => {
    const m = tsxRequire("./e2e-database-impl.ts", __filename) as Impl;
    m.useDatabase(e2eDatabaseUrl);
    return m;
  });
  return loaded;
}

/** Creates an account with `password` in UTC, as sign-up does; returns its id. */
export async function createAccount(email: string, password: string): Promise<string> {
  return (await impl()).createAccount(email, password);
}

/** Gives the account a simulated review history of `reviews` reviews (see e2e-database-impl.ts). */
export async function seedHistory(email: string, reviews: number): Promise<void> {
  await (await impl()).seedHistory(email, reviews);
}
