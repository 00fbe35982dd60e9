import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { getQuiz } from "@/lib/dal/quiz";
import { NotFoundError } from "@/lib/dal/errors";
import { QuizRunner } from "./quiz-runner";
import { RetakeButton } from "../start-quiz-form";

export const metadata = { title: "Quiz" };

const KIND_LABEL: Record<string, string> = { date: "Dates", agreement: "Agreements", actor: "Actors", number: "Numbers", definition: "Definitions" };

export default async function QuizAttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/quiz/${encodeURIComponent(id)}`);
  const quiz = await getQuiz(user.id, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  if (!quiz.summary) return <QuizRunner quiz={{ id: quiz.id, questions: quiz.questions }} />;

  const s = quiz.summary;
  const missed = quiz.questions.filter((q) => q.answer && !q.answer.correct);
  return (
    <div className="space-y-6">
      <section aria-labelledby="score-h" className="card space-y-3">
        <h1 id="score-h" className="text-2xl font-semibold">
          Quiz results
        </h1>
        <p className="text-4xl font-bold" data-testid="score">
          {s.correct}/{s.total} <span className="text-2xl font-medium text-slate-700">({s.percent}%)</span>
        </p>
        <p className="text-slate-700">Time: {Math.round(s.totalTimeMs / 1000)} s</p>
        <table className="w-full max-w-md text-left text-sm">
          <caption className="mb-1 text-left font-medium">By fact kind</caption>
          <tbody>
            {Object.entries(s.byKind).map(([kind, k]) => (
              <tr key={kind} className="border-b border-slate-100">
                <th scope="row" className="py-1 font-normal">
                  {KIND_LABEL[kind] ?? kind}
                </th>
                <td>
                  {k!.correct}/{k!.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {missed.length > 0 ? (
        <section aria-labelledby="missed-h" className="space-y-3">
          <h2 id="missed-h" className="text-xl font-semibold">
            Missed questions
          </h2>
          <ol className="space-y-3">
            {missed.map((q) => (
              <li key={q.position} className="card space-y-1 py-4">
                <p>{q.statement ?? q.prompt}</p>
                <p className="text-sm">
                  Your answer: <span className="text-red-800">{q.answer!.given}</span> · Correct: <span className="font-semibold">{q.answer!.expected}</span>
                </p>
                <blockquote className="border-l-4 border-slate-300 pl-3 text-sm text-slate-700">{q.answer!.source}</blockquote>
              </li>
            ))}
          </ol>
          <RetakeButton attemptId={quiz.id} missed={missed.length} />
        </section>
      ) : (
        <p className="card">No missed questions. Well done!</p>
      )}
      <Link href="/quiz" className="btn-secondary">
        Back to quizzes
      </Link>
    </div>
  );
}
