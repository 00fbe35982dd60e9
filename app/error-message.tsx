/** The one way a form or page shows an error: announced to screen readers, nothing when there is none. */
export function ErrorMessage({ message, className = "" }: { message?: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`rounded-md bg-red-50 p-3 text-sm text-red-800 ${className}`.trim()}>
      {message}
    </p>
  );
}
