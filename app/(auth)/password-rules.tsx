import { PASSWORD_RULES } from "@/lib/validation/password-rules";

/** Every password rule, shown under a new-password field before anything is typed. */
export function PasswordRules({ id }: { id: string }) {
  return (
    <div id={id} className="mt-1 text-sm text-slate-600">
      <p>Your password needs to be:</p>
      <ul className="list-disc pl-5">
        {PASSWORD_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </div>
  );
}
