/** What follows a line that was cut, so a reader knows text is missing. */
export const truncationMarker = (maxLength: number) =>
  ` … [line cut at ${maxLength.toLocaleString('en-US')} characters]`;

/**
 * Splits streamed text into lines while holding at most `maxLength`
 * characters of a line: a line longer than that is emitted cut, with a
 * marker, as soon as it reaches the limit, and the rest of it up to the
 * next newline is skipped. A stream that never sends a newline therefore
 * costs bounded memory. CR before LF is dropped.
 */
export class LineSplitter {
  private pending = '';
  private skipping = false;

  constructor(readonly maxLength: number) {
    if (!(maxLength > 0)) throw new Error('maxLength must be positive');
  }

  /** The complete lines `text` finishes, in order. */
  push(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const piece = nl < 0 ? text.slice(start) : text.slice(start, nl);
      if (!this.skipping) {
        this.pending += piece;
        if (this.pending.length > this.maxLength) {
          lines.push(
            this.pending.slice(0, this.maxLength) +
              truncationMarker(this.maxLength),
          );
          this.pending = '';
          this.skipping = true;
        }
      }
      if (nl < 0) break;
      if (!this.skipping) lines.push(this.pending.replace(/\r$/, ''));
      this.pending = '';
      this.skipping = false;
      start = nl + 1;
    }
    return lines;
  }

  /** The last line when the text ended without a newline. */
  end(): string | undefined {
    const last = this.skipping ? '' : this.pending.replace(/\r$/, '');
    this.pending = '';
    this.skipping = false;
    return last || undefined;
  }
}
