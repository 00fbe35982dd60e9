import "server-only";
import { db } from "@/lib/db";
import { SignInThrottle, type FailureStore } from "@/lib/rate-limit";
import { isUniqueViolation } from "./errors";

// Sign-in failures per account or client address, shared by every app
// instance. Not scoped by a user: nobody is signed in yet, and the keys are
// what the attempt claims (an email) or where it comes from (an address).
export const signInFailureStore: FailureStore = {
  async read(key) {
    const row = await db.signInThrottleKey.findUnique({ where: { key }, select: { times: true, version: true } });
    return row ? { times: JSON.parse(row.times) as number[], version: row.version } : null;
  },

  async write(key, times, expected, now) {
    const data = { times: JSON.stringify(times), updatedAt: new Date(now) };
    if (expected === null) {
      try {
        await db.signInThrottleKey.create({ data: { key, ...data, version: 1 } });
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false; // another attempt created the key first
        throw e;
      }
    }
    const { count } = await db.signInThrottleKey.updateMany({ where: { key, version: expected }, data: { ...data, version: expected + 1 } });
    return count === 1;
  },

  async purge(before) {
    await db.signInThrottleKey.deleteMany({ where: { updatedAt: { lte: new Date(before) } } });
  },
};

/** The app's sign-in throttle: one limit across every instance. */
export const signInThrottle = new SignInThrottle(signInFailureStore);
