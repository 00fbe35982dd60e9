import Link from "next/link";
import { connection } from "next/server";

export const metadata = { title: "Not found" };

export default async function NotFound() {
  // Rendered per request, so that its scripts carry the page's CSP nonce (proxy.ts).
  await connection();
  return (
    <main id="main" className="mx-auto max-w-xl p-6">
      <section className="card space-y-4">
        <h1 className="text-xl font-semibold">This page does not exist</h1>
        <p className="text-slate-700">The address may be mistyped, or what it pointed to was deleted.</p>
        <Link href="/" className="btn-secondary inline-block">
          Back to today
        </Link>
      </section>
    </main>
  );
}
