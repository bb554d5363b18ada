/**
 * A one-line progress bar for long imports: percent, rows done of the total and rows per second.
 * On a terminal it redraws itself at most every `intervalMs` (10 times a second); elsewhere (a log,
 * CI) it prints one final line only, for imports of at least `minRows` rows, so logs stay readable.
 */

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressBar {
  /** Rows done so far of `total`. */
  update(done: number, total: number): void;
  /** Ends the bar with the final count and rate. */
  finish(): void;
}

const number = (n: number) => n.toLocaleString('en-US');
const rate = (done: number, ms: number) => (ms > 0 ? Math.round((done * 1000) / ms) : 0);

/** `[#########...........]  45%  18,500/41,066 rows  21,300 rows/s` */
export function progressLine(done: number, total: number, elapsedMs: number, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  return `${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${number(done)}/${number(total)} rows  ${number(rate(done, elapsedMs))} rows/s`;
}

export function createProgressBar(
  label: string,
  {
    stream = process.stderr,
    intervalMs = 100,
    minRows = 1000,
    now = () => performance.now(),
  }: {
    stream?: ProgressStream;
    intervalMs?: number;
    /** No final line off a terminal for fewer rows (a short import). */ minRows?: number;
    now?: () => number;
  } = {},
): ProgressBar {
  const started = now();
  let lastDraw = -Infinity;
  let done = 0;
  let total = 0;
  let drawn = false;
  const tty = stream.isTTY === true;
  const draw = () => {
    stream.write(`\r${label} ${progressLine(done, total, now() - started)}\x1b[K`);
    drawn = true;
  };
  return {
    update(d, t) {
      done = d;
      total = t;
      if (!tty) return;
      const time = now();
      if (time - lastDraw < intervalMs && d < t) return;
      lastDraw = time;
      draw();
    },
    finish() {
      const elapsed = now() - started;
      if (tty && drawn) {
        draw();
        stream.write('\n');
      } else if (total >= minRows) {
        stream.write(
          `${label} ${number(done)}/${number(total)} rows in ${(elapsed / 1000).toFixed(1)} s (${number(rate(done, elapsed))} rows/s)\n`,
        );
      }
    },
  };
}
