// Why a bench run failed, in one line for the table: a failed run ends its stderr with node's
// report of the uncaught error (source line, caret, "Error: message", stack, "Node.js v20…"), so
// the last line that names an error is the reason; a run that failed otherwise (an exit code of
// its own after printing why) is best described by its last line.

const ERROR_LINE = /^\s*\w*(?:Error|Exception)(?: \[[\w_]+\])?: /;
const NOISE = [/^\s*at\s/, /^\s*Node\.js v\d/, /^\s*\^+\s*$/, /^\s*[{}]\s*$/];

/** The reason a run failed, at most `max` characters, from the tail of its stderr. */
export function failureReason(stderr: string, max = 160): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const error = lines.findLast((l) => ERROR_LINE.test(l));
  const last = lines.findLast((l) => !NOISE.some((n) => n.test(l)));
  const reason = (error ?? last ?? 'no output on stderr').trim();
  return reason.length <= max ? reason : `${reason.slice(0, max - 1)}…`;
}

/** Keeps the last `bytes` of a stream's text: enough for the error at its end, bounded for chatty runs. */
export class Tail {
  private text = '';
  constructor(private readonly bytes = 16 * 1024) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > 2 * this.bytes) this.text = this.text.slice(-this.bytes);
  }
  toString(): string {
    return this.text.slice(-this.bytes);
  }
}
