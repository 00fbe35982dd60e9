import { accountContents } from "@/lib/dal/account";
import { requireUser } from "@/lib/dal/session";
import { ChangeEmailForm, ChangePasswordForm, DeleteAccountForm } from "./account-forms";
import { signOutEverywhereAction } from "./actions";

export const metadata = { title: "Account" };

const DONE: Record<string, string> = {
  password: "Your password was changed. Every other session of your account was signed out.",
  email: "Your email address was changed. Sign in with the new one from now on.",
};

function Section({ id, title, className = "", children }: { id: string; title: string; className?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={`card space-y-4 ${className}`.trim()}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("/account");
  const [contents, { done }] = await Promise.all([accountContents(user.id), searchParams]);
  const notice = typeof done === "string" ? DONE[done] : undefined;

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Account</h1>
      {notice && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {notice}
        </p>
      )}

      <Section id="email-h" title="Email">
        <p className="text-sm text-slate-700">
          You sign in as <strong data-testid="account-email">{user.email}</strong>.
        </p>
        <ChangeEmailForm email={user.email} />
      </Section>

      <Section id="password-h" title="Password">
        <ChangePasswordForm />
      </Section>

      <Section id="sessions-h" title="Sessions">
        <p className="text-sm text-slate-700">Signed in on a shared or lost device? Sign out everywhere ends every session of your account, this one included.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="btn-secondary">
            Sign out everywhere
          </button>
        </form>
      </Section>

      <Section id="data-h" title="Your data">
        <p className="text-sm text-slate-700">
          One JSON file with everything that is yours: your account and settings, your documents with their facts and cards, the schedule of every card you studied, your whole review history, your quizzes with every answer, and your own wording of cards.
        </p>
        <a href="/account/export" download className="btn-secondary">
          Download my data
        </a>
      </Section>

      <Section id="delete-h" title="Delete account" className="border-red-200">
        <p className="text-sm text-slate-700">Deleting your account removes, for good and at once:</p>
        <ul className="list-disc pl-5 text-sm text-slate-700" data-testid="delete-contents">
          <li>your account ({user.email}) and your settings</li>
          <li>{plural(contents.documents, "document")} you added, with their facts and cards</li>
          <li>your schedule for {plural(contents.cardsStudied, "card")} and your history of {plural(contents.reviews, "review")}</li>
          <li>{plural(contents.quizzes, "quiz", "quizzes")} and their answers</li>
          <li>{plural(contents.editedCards, "card")} you reworded</li>
        </ul>
        <p className="text-sm text-slate-700">The shipped library stays for other learners; nothing of theirs is touched. Download your data first if you want to keep a copy.</p>
        <DeleteAccountForm />
      </Section>
    </div>
  );
}
