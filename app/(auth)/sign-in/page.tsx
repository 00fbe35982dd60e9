import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal/session";
import { safeNextPath } from "@/lib/validation/auth";
import { signInAction } from "../actions";
import { AuthForm } from "../auth-form";

export const metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  deleted: "Your account and all its data were deleted.",
  everywhere: "You were signed out on every device.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; deleted?: string; signedOut?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const notice = params.deleted ? NOTICES.deleted : params.signedOut === "everywhere" ? NOTICES.everywhere : undefined;
  if (await getCurrentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      {notice && (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900">
          {notice}
        </p>
      )}
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
