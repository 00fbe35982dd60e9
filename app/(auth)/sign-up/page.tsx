import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal/session";
import { safeNextPath } from "@/lib/validation/auth";
import { signUpAction } from "../actions";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Create an account</h1>
      <AuthForm action={signUpAction} mode="sign-up" next={next} />
      <p className="mt-4 text-center text-sm">
        Already have an account?{" "}
        <Link className="text-blue-700 underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </p>
    </>
  );
}
