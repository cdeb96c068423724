/**
 * Command line import of LMS exports through the Acredita API. Run it with
 * `npm run import -- --help` for usage.
 */
import { readFile } from 'node:fs/promises';

import { todayUtc } from '../lms/dates.js';
import {
  type CompletionFormat,
  type ParseResult,
  type RegistrationFormat,
  LmsFileError,
  decodeUtf8,
  parseCompletions,
  parseRegistrations,
} from '../lms/index.js';
import { ApiAuthError, ApiClient } from './api-client.js';
import { USAGE, UsageError, type ImportCommand, parseImportArgs } from './args.js';
import { type RowItem, idempotencyKeyPrefix } from './batches.js';
import { createProgress } from './progress.js';
import { BATCH_PATHS, sendBatches } from './run-import.js';
import { ImportSummary, exitCodeFor, formatSummary } from './summary.js';

const DEFAULT_URL = 'http://localhost:3000';

const FORMAT_NAMES: Record<RegistrationFormat | CompletionFormat, string> = {
  'moodle-users': 'Moodle users CSV',
  'moodle-completion': 'Moodle course completion report',
  'openedx-grades': 'Open edX grade report',
};

/** Exit status for a usage, file or configuration error. */
const EXIT_USAGE = 2;

interface Environment {
  ISSUER_API_KEY?: string;
  ACREDITA_URL?: string;
}

async function main(argv: readonly string[], env: Environment): Promise<number> {
  let command: ImportCommand;
  try {
    command = parseImportArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(`${error.message}\nRun with --help for usage.`);
    }
    throw error;
  }
  if (command.kind === 'help') {
    process.stdout.write(USAGE);

    return 0;
  }

  const apiKey = env.ISSUER_API_KEY?.trim();
  if (apiKey === undefined || apiKey === '') {
    return fail('ISSUER_API_KEY is not set; set it to the issuer API key of the deployment');
  }
  const baseUrl = env.ACREDITA_URL?.trim() || DEFAULT_URL;
  if (!isHttpUrl(baseUrl)) {
    return fail(
      `ACREDITA_URL is not an http or https URL: "${baseUrl}"; use a URL such as ${DEFAULT_URL}`,
    );
  }

  const loaded = await loadExport(command);
  if (typeof loaded === 'string') {
    return fail(loaded);
  }
  const { bytes, result, course } = loaded;

  const summary = new ImportSummary();
  const rows: RowItem<object>[] = [];
  for (const parsed of result.rows) {
    if (parsed.item !== undefined) {
      rows.push({ row: parsed.row, item: parsed.item });
    } else {
      summary.addRejected([{ row: parsed.row, reason: parsed.error ?? 'rejected' }]);
    }
  }
  summary.addSkipped(result.skipped);

  const plan = `${countRows(rows.length)} to send, ${totalsLine(result)}`;
  process.stderr.write(`${command.file}: ${plan}\n`);
  const progress = createProgress(rows.length, process.stderr);
  const client = new ApiClient({
    baseUrl,
    apiKey,
    onRetry: (retry) =>
      progress.log(
        `attempt ${retry.attempt} of ${retry.maxAttempts} failed (${retry.reason}); ` +
          `retrying in ${(retry.delayMs / 1000).toFixed(1)} s`,
      ),
  });
  const keyPrefix = idempotencyKeyPrefix(bytes, { kind: command.kind, ...course });
  let stoppedBy: Error | undefined;
  try {
    const path = BATCH_PATHS[command.kind];
    stoppedBy = await sendBatches({ path, rows, keyPrefix, client, summary, progress });
  } finally {
    progress.stop();
  }

  const totals = summary.totals();
  const nothingSent = totals.notSent?.rows.length === rows.length;
  if (stoppedBy instanceof ApiAuthError && nothingSent) {
    return fail(stoppedBy.message);
  }
  const title = describeImport(command, result.format, course?.completedAt);
  process.stdout.write(formatSummary(totals, { title, listSkipped: command.listSkipped }));
  if (stoppedBy instanceof ApiAuthError) {
    return EXIT_USAGE;
  }

  return exitCodeFor(totals);
}

interface LoadedExport {
  bytes: Uint8Array;
  result: ParseResult<RegistrationFormat | CompletionFormat, object>;
  /** Course of a completions import, with the completion date fixed. */
  course: { courseId: string; courseName: string; completedAt: string } | undefined;
}

/** Reads, decodes and parses the file; returns the error message when it cannot. */
async function loadExport(
  command: Exclude<ImportCommand, { kind: 'help' }>,
): Promise<LoadedExport | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(command.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return `cannot read ${command.file}: ${reason}`;
  }

  // Open edX reports have no completion date, so it is fixed here once and
  // becomes part of the idempotency keys, like the rest of the request.
  const course =
    command.kind === 'completions'
      ? { ...command.course, completedAt: command.course.completedAt ?? todayUtc() }
      : undefined;
  try {
    const text = decodeUtf8(bytes);
    const result = course === undefined ? parseRegistrations(text) : parseCompletions(text, course);

    return { bytes, result, course };
  } catch (error) {
    if (error instanceof LmsFileError) {
      return `${command.file}: ${error.message}`;
    }
    throw error;
  }
}

function totalsLine(result: ParseResult<RegistrationFormat | CompletionFormat, object>): string {
  const rejected = result.rows.filter((row) => row.error !== undefined).length;

  const skipped = result.skipped.length;

  return `${countRows(rejected)} rejected before sending, ${countRows(skipped)} skipped`;
}

function countRows(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

function describeImport(
  command: Exclude<ImportCommand, { kind: 'help' }>,
  format: RegistrationFormat | CompletionFormat,
  completedAt: string | undefined,
): string {
  const subject = command.kind === 'registrations' ? 'Registrations' : 'Certificates';
  const title = `${subject} from ${command.file} (${FORMAT_NAMES[format]})`;
  if (format !== 'openedx-grades') {
    return title;
  }

  return `${title}, completion date ${completedAt ?? todayUtc()} for every certificate`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);

    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function fail(message: string): number {
  process.stderr.write(`error: ${message}\n`);

  return EXIT_USAGE;
}

// A reader such as `head` may close the pipe early; the import itself has not failed then.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    throw error;
  }
});
process.exitCode = await main(process.argv.slice(2), process.env);
