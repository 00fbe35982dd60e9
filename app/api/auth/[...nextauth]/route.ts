import { handlers } from "@/lib/auth";
import { signInThrottle } from "@/lib/dal/sign-in-failures";
import { limitCredentialsSignIn } from "@/lib/rate-limit";

export const { GET } = handlers;

// Credentials sign-in is throttled per account and per client IP: over the
// limit it answers 429 with Retry-After before any password is checked.
export const POST = limitCredentialsSignIn(handlers.POST, { throttle: signInThrottle });
