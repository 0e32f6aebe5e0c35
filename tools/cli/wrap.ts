/**
 * Word-wraps text to a width. Lines break only at spaces outside `code spans`, so a code span
 * (an error message a learner may copy, with its exact spacing) stays whole; a word or span
 * longer than the width gets a line of its own rather than being cut. Newlines are kept.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => wrapParagraph(paragraph, Math.max(1, width)))
    .join('\n');
}

function wrapParagraph(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words(paragraph)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The paragraph split at runs of spaces that are not inside a backtick code span. */
function words(paragraph: string): string[] {
  const result: string[] = [];
  let current = '';
  let inCode = false;
  for (const char of paragraph) {
    if (char === '`') inCode = !inCode;
    if (!inCode && /\s/.test(char)) {
      if (current !== '') result.push(current);
      current = '';
    } else current += char;
  }
  if (current !== '') result.push(current);
  return result;
}

/** The width to wrap at: the terminal's, capped at 80 so lines stay readable; 80 when piped. */
export function textWidth(stream: { columns?: number }): number {
  return Math.min(stream.columns ?? 80, 80);
}
