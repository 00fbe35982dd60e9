import { handlers } from "@/lib/auth";
import { limitCredentialsSignIn } from "@/lib/sign-in-limit";

export const { GET } = handlers;

// Credentials sign-in is limited per account and per client address inside
// `authorize`; this wrapper refuses ambiguous bodies and turns a refusal into
// 429 with Retry-After.
export const POST = limitCredentialsSignIn(handlers.POST);
