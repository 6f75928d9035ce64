// Small string helpers written as loops where a regular expression would backtrack: /^-+|-+$/
// rescans a long run of the character from every start position (quadratic on "----…x").

/** `text` without leading and trailing runs of `ch` (one character). */
export function trimRuns(text: string, ch: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ch) start++;
  while (end > start && text[end - 1] === ch) end--;
  return text.slice(start, end);
}

/** `text` without a trailing run of `ch` (one character). */
export function trimEndRuns(text: string, ch: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === ch) end--;
  return text.slice(0, end);
}
