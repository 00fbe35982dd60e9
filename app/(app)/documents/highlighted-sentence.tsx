/** A sentence with the first occurrence of `highlight` marked (plain text only, never HTML). */
export function HighlightedSentence({ sentence, highlight }: { sentence: string; highlight: string }) {
  const at = highlight ? sentence.toLowerCase().indexOf(highlight.toLowerCase()) : -1;
  if (at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark className="rounded bg-yellow-200 px-0.5">{sentence.slice(at, at + highlight.length)}</mark>
      {sentence.slice(at + highlight.length)}
    </>
  );
}
