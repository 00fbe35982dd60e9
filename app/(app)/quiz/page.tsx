import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { listDocuments } from "@/lib/dal/documents";
import { listQuizzes } from "@/lib/dal/quiz";
import { StartQuizForm, WeakestButton } from "./start-quiz-form";

export const metadata = { title: "Quiz" };

export default async function QuizPage() {
  const user = await requireUser("/quiz");
  const [documents, history] = await Promise.all([listDocuments(user.id), listQuizzes(user.id)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Quiz</h1>
      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="new-quiz-h" className="card md:col-span-2">
          <h2 id="new-quiz-h" className="mb-4 text-lg font-semibold">
            New quiz
          </h2>
          <StartQuizForm documents={documents.map((d) => ({ id: d.id, title: d.title }))} />
        </section>
        <section aria-labelledby="weakest-h" className="card">
          <h2 id="weakest-h" className="mb-2 text-lg font-semibold">
            Practise your weak spots
          </h2>
          <p className="mb-4 text-sm text-slate-700">10 questions on the cards you are most likely to forget, or have forgotten most often.</p>
          <WeakestButton />
        </section>
      </div>
      <section aria-labelledby="history-h">
        <h2 id="history-h" className="text-lg font-semibold">
          Your quizzes
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-600">No quizzes yet: your scores appear here.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm" data-testid="quiz-history">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2">Started</th>
                <th scope="col">Kind</th>
                <th scope="col">Score</th>
                <th scope="col"><span className="sr-only">Open</span></th>
              </tr>
            </thead>
            <tbody>
              {history.map((q) => (
                <tr key={q.id} className="border-b border-slate-100">
                  <td className="py-2">{q.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td>{q.mode === "weakest" ? "weakest cards" : q.mode === "retake" ? "retake" : "chosen"}</td>
                  <td>{q.finishedAt ? `${q.correct}/${q.total} (${Math.round((q.correct / q.total) * 100)}%)` : `in progress: ${q.answered}/${q.total} answered`}</td>
                  <td>
                    <Link href={`/quiz/${q.id}`} className="text-blue-800 underline">
                      {q.finishedAt ? "Results" : "Resume"}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
