import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal/session";
import { safeNextPath } from "@/lib/validation/auth";
import { signInAction } from "../actions";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      <AuthForm action={signInAction} mode="sign-in" next={next} />
      <p className="mt-4 text-center text-sm">
        New to Recall?{" "}
        <Link className="text-blue-700 underline" href={`/sign-up?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </>
  );
}
