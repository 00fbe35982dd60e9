// Sign-up is limited per client address (issue 15, item 8): "an account with
// this email already exists" tells whether an account exists, so each such
// answer counts against the address like a failed sign-in, and 20 within 10
// minutes lock the address, not anyone else's. The address comes from the
// header Recall's server sets from the socket (lib/client-address.ts).
// Runs on SQLite and PostgreSQL (the limit's store is in the database).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "../support/factories";
import { db } from "@/lib/db";

const HEADER = "x-recall-client-test";
process.env.RECALL_CLIENT_ADDRESS_HEADER = HEADER;
let address = "192.0.2.1";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ [HEADER]: address, "x-forwarded-for": "203.0.113.99" }) }));
vi.mock("next/navigation", () => ({ redirect: () => { throw new Error("NEXT_REDIRECT"); } }));
vi.mock("next-auth", async () => {
  const { AuthError, CredentialsSignin } = await import("@auth/core/errors");
  return { AuthError, CredentialsSignin };
});
vi.mock("@/lib/auth", () => ({ signIn: async () => { throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" }); } }));

const actions = () => import("@/app/(auth)/actions");

function form(email: string): FormData {
  const f = new FormData();
  f.set("email", email);
  f.set("password", "sunflower meadow orbit");
  return f;
}

let taken: string;
beforeAll(async () => {
  const id = await makeUser("taken");
  taken = (await db.user.findUnique({ where: { id }, select: { email: true } }))!.email;
});

describe("sign-up per client address", () => {
  it("answers 'already exists' 20 times from one address, then only 'too many attempts'; another address is not affected", async () => {
    const { signUpAction } = await actions();
    address = "192.0.2.1";
    for (let i = 0; i < 20; i++) expect((await signUpAction({}, form(taken))).fieldErrors?.email, `attempt ${i + 1}`).toMatch(/already exists/);
    const refused = await signUpAction({}, form(taken));
    expect(refused.error).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
    expect(refused.fieldErrors).toBeUndefined();
    address = "192.0.2.2"; // a neighbour, whatever X-Forwarded-For claims (it is the same forged value for both)
    expect((await signUpAction({}, form(taken))).fieldErrors?.email).toMatch(/already exists/);
  });
});
