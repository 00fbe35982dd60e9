import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="mb-8 text-center text-2xl font-bold">
        <Link href="/">Recall</Link>
      </p>
      <main id="main">{children}</main>
    </div>
  );
}
