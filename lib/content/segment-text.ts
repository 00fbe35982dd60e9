export interface Segment {
  text: string;
  factId: string | null;
}

/**
 * Splits a document's text into plain and fact-highlighted runs, so the page
 * renders text nodes only (never HTML). Overlapping fact spans: the earlier
 * one wins; spans outside the text are ignored.
 */
export function segmentText(text: string, spans: { id: string; start: number; end: number }[]): Segment[] {
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), factId: null });
    out.push({ text: text.slice(s.start, s.end), factId: s.id });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), factId: null });
  return out;
}
