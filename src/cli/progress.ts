import cliProgress from 'cli-progress';

/** Progress output of an import, counted in rows sent. */
export interface Progress {
  /** Reports that the API processed `rows` more rows. */
  advance(rows: number): void;
  /** Prints a message, such as a retry notice, without breaking the bar. */
  log(message: string): void;
  stop(): void;
}

/**
 * Creates the progress output for `total` rows: a bar on a terminal, plain
 * lines (one per batch) when the stream is a pipe or a file.
 */
export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  return stream.isTTY ? new BarProgress(total, stream) : new LineProgress(total, stream);
}

class BarProgress implements Progress {
  private readonly bars: cliProgress.MultiBar;
  private readonly bar: cliProgress.SingleBar;

  constructor(total: number, stream: NodeJS.WriteStream) {
    this.bars = new cliProgress.MultiBar(
      {
        stream,
        format: 'Importing |{bar}| {value}/{total} rows',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar = this.bars.create(total, 0);
  }

  advance(rows: number): void {
    this.bar.increment(rows);
  }

  log(message: string): void {
    this.bars.log(`${message}\n`);
  }

  stop(): void {
    this.bars.stop();
  }
}

class LineProgress implements Progress {
  private sent = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
  ) {}

  advance(rows: number): void {
    this.sent += rows;
    this.stream.write(`sent ${this.sent} of ${this.total} rows\n`);
  }

  log(message: string): void {
    this.stream.write(`${message}\n`);
  }

  stop(): void {}
}
