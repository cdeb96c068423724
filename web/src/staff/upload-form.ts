import { decodeUtf8, LmsFileError, parseCompletions } from '../../../src/lms/index.js';
import { isAuthError } from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import { applyCheck, busyGuard, focusFirstError, inputField, notice, submitButton } from '../forms.js';
import { bindText, clearText, setText, t, text, type MessageKey } from '../i18n.js';
import {
  checkCompletionDate,
  checkCourseId,
  checkCourseName,
  todayLocal,
  todayUtc,
  type Checked,
} from '../validation.js';
import { sendIssuances, type IssuanceEntry } from './batches.js';
import type { StaffContext } from './context.js';
import { courseFields } from './issue-form.js';
import { downloadText, resultsToCsv, type RowOutcome, type RowResult } from './results-csv.js';
import { emailsByRow } from './row-emails.js';

const OUTCOME_LABELS: Record<RowOutcome, MessageKey> = {
  issued: 'staff.upload.outcome.issued',
  existing: 'staff.upload.outcome.existing',
  rejected: 'staff.upload.outcome.rejected',
  skipped: 'staff.upload.outcome.skipped',
  unsent: 'staff.upload.outcome.unsent',
};

/** Upload state that survives a retry of the rows left unsent. */
interface UploadRun {
  courseId: string;
  results: RowResult[];
  /** Entries by file row, to send again the rows that are still unsent. */
  entries: Map<number, IssuanceEntry>;
}

interface ParsedUpload {
  results: RowResult[];
  entries: IssuanceEntry[];
}

function optionalDate(raw: string): Checked<string | undefined> {
  return raw.trim() === '' ? { ok: true, value: undefined } : checkCompletionDate(raw);
}

/**
 * Turns the parser's output into issuance entries and the rows it already
 * rejected or skipped, which show the email that `emails` has for their line.
 */
function fromParseResult(parsed: ReturnType<typeof parseCompletions>, emails: Map<number, string>): ParsedUpload {
  const results: RowResult[] = [];
  const entries: IssuanceEntry[] = [];
  for (const row of parsed.rows) {
    if (row.item) {
      entries.push({ row: row.row, item: row.item });
    } else {
      results.push({ row: row.row, email: emails.get(row.row) ?? '', outcome: 'rejected', reason: row.error ?? '' });
    }
  }
  for (const skipped of parsed.skipped) {
    results.push({ row: skipped.row, email: emails.get(skipped.row) ?? '', outcome: 'skipped', reason: skipped.reason });
  }

  return { results, entries };
}

function countOutcomes(results: readonly RowResult[]): Record<RowOutcome, number> {
  const counts: Record<RowOutcome, number> = { issued: 0, existing: 0, rejected: 0, skipped: 0, unsent: 0 };
  for (const result of results) {
    counts[result.outcome] += 1;
  }

  return counts;
}

function resultRow(result: RowResult): HTMLTableRowElement {
  const outcome = h('td', { class: `outcome outcome-${result.outcome}` });
  setText(outcome, OUTCOME_LABELS[result.outcome]);
  const detail = h('td', { class: 'break' });
  if (result.certificateId) {
    detail.append(
      h('a', { href: `/verificar/${encodeURIComponent(result.certificateId)}`, class: 'mono' }, result.certificateId),
    );
  } else if (result.reason) {
    detail.textContent = result.reason;
    // Reasons from the parser and the API are in English; unsent reasons are in the page's language.
    if (result.outcome !== 'unsent') {
      detail.lang = 'en';
    }
  }

  return h(
    'tr',
    {},
    h('td', { class: 'numeric' }, String(result.row)),
    h('td', { class: 'break' }, result.email),
    outcome,
    detail,
  );
}

function resultsTable(results: readonly RowResult[]): HTMLElement {
  const headings: MessageKey[] = [
    'staff.upload.column.row',
    'staff.upload.column.email',
    'staff.upload.column.status',
    'staff.upload.column.detail',
  ];
  const headRow = h('tr');
  for (const key of headings) {
    headRow.append(text('th', key, { scope: 'col' }));
  }
  const body = h('tbody');
  for (const result of results) {
    body.append(resultRow(result));
  }
  const caption = text('caption', 'staff.upload.tableCaption');
  const table = h('table', { class: 'results-table' }, caption, h('thead', {}, headRow), body);
  // The wrapper scrolls sideways on narrow screens instead of the page, and is
  // focusable so that keyboard users can scroll it too.
  const wrapper = h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'upload-table-caption' });
  caption.id = 'upload-table-caption';
  wrapper.append(table);

  return wrapper;
}

export function uploadSection(context: StaffContext): HTMLElement {
  const file = inputField({
    id: 'upload-file',
    label: 'staff.upload.file',
    hint: 'staff.upload.fileHint',
    attributes: { type: 'file', accept: '.csv,text/csv', required: true },
  });
  const { courseId, courseName } = courseFields('upload');
  const completedAt = inputField({
    id: 'upload-completed-at',
    label: 'staff.upload.completedAt',
    hint: 'staff.upload.completedAtHint',
    attributes: { type: 'date', max: todayLocal() },
  });
  const message = notice('alert');
  const button = submitButton('staff.upload.submit');
  const form = h(
    'form',
    { novalidate: true, class: 'form' },
    file.wrapper,
    courseId.wrapper,
    courseName.wrapper,
    completedAt.wrapper,
    message.element,
    h('div', { class: 'actions' }, button),
  );

  const progress = h('progress', { id: 'upload-progress', max: 1, value: 0 });
  const progressText = h('p', { id: 'upload-progress-text' });
  const progressLabel = text('label', 'staff.upload.progressLabel', { for: 'upload-progress' });
  const progressBox = h('div', { class: 'progress', hidden: true }, progressLabel, progress, h('div', { role: 'status' }, progressText));
  const resultsBox = h('div', { class: 'upload-results', 'aria-live': 'off' });

  const runBusy = busyGuard(form, button, 'staff.upload.submitting', message);

  const showProgress = (done: number, total: number): void => {
    progress.max = Math.max(total, 1);
    progress.value = done;
    bindText(progressText, () => t('staff.upload.progress', { done, total }));
  };

  const showResults = (current: UploadRun): void => {
    current.results.sort((left, right) => left.row - right.row);
    const counts = countOutcomes(current.results);
    const summary = h('p', { class: 'summary' });
    bindText(summary, () => t('staff.upload.summary', counts));
    const heading = text('h3', 'staff.upload.resultsTitle', { tabindex: '-1' });
    const download = text('button', 'staff.upload.download', { type: 'button', class: 'button button-secondary' });
    download.addEventListener('click', () => {
      const safeCourse = current.courseId.replace(/[^A-Za-z0-9._-]+/g, '_');
      downloadText(`acredita-${safeCourse}-${todayUtc()}.csv`, resultsToCsv(current.results), 'text/csv;charset=utf-8');
    });
    const actions = h('div', { class: 'actions' }, download);
    if (counts.unsent > 0) {
      const retry = text('button', 'staff.upload.retryUnsent', { type: 'button', class: 'button' });
      retry.addEventListener('click', () => void runBusy(() => sendUnsent(current), 'staff.upload.submit'));
      actions.append(retry);
    }
    resultsBox.replaceChildren(heading, summary, actions, resultsTable(current.results));
    heading.focus();
  };

  /**
   * Removes the progress, results and download of the last upload, so that a
   * new file or a failed new upload never leaves another course's results
   * on screen or downloadable.
   */
  const clearPreviousUpload = (): void => {
    message.clear();
    progressBox.hidden = true;
    progress.max = 1;
    progress.value = 0;
    clearText(progressText);
    resultsBox.replaceChildren();
  };
  file.control.addEventListener('change', clearPreviousUpload);

  /** Sends the entries whose rows are unsent, then shows every result again. */
  const send = async (current: UploadRun, entries: IssuanceEntry[]): Promise<void> => {
    const issuerKey = context.issuerKey();
    if (issuerKey === undefined) {
      return;
    }
    progressBox.hidden = false;
    const sent = await sendIssuances(entries, {
      issuerKey,
      signal: context.signal,
      onProgress: showProgress,
      describe: describeFailure,
    });
    if (context.signal.aborted) {
      return;
    }
    const answered = new Set(sent.results.map((result) => result.row));
    current.results = current.results.filter((result) => !answered.has(result.row)).concat(sent.results);
    showResults(current);
    if (sent.stoppedBy !== undefined) {
      message.show('error', () => t('staff.upload.stopped', { reason: describeFailure(sent.stoppedBy) }));
      if (isAuthError(sent.stoppedBy)) {
        context.rejectKey(sent.stoppedBy);
      }
    }
  };

  const sendUnsent = async (current: UploadRun): Promise<void> => {
    message.clear();
    const unsent = current.results
      .filter((result) => result.outcome === 'unsent')
      .map((result) => current.entries.get(result.row))
      .filter((entry): entry is IssuanceEntry => entry !== undefined);
    await send(current, unsent);
  };

  const submit = async (): Promise<void> => {
    clearPreviousUpload();
    const chosen = file.control.files?.[0];
    const checkedFile: Checked<File> = chosen
      ? { ok: true, value: chosen }
      : { ok: false, error: 'staff.upload.fileRequired' };
    const id = checkCourseId(courseId.control.value);
    const name = checkCourseName(courseName.control.value);
    const date = optionalDate(completedAt.control.value);
    applyCheck(file, checkedFile);
    applyCheck(courseId, id);
    applyCheck(courseName, name);
    applyCheck(completedAt, date);
    if (!checkedFile.ok || !id.ok || !name.ok || !date.ok) {
      message.show('error', () => t('form.fixErrors'));
      focusFirstError([file, courseId, courseName, completedAt]);

      return;
    }

    let parsed: ParsedUpload;
    try {
      const bytes = new Uint8Array(await checkedFile.value.arrayBuffer());
      const course = { courseId: id.value, courseName: name.value, completedAt: date.value };
      const content = decodeUtf8(bytes);
      parsed = fromParseResult(parseCompletions(content, course), emailsByRow(content));
    } catch (error) {
      if (!(error instanceof LmsFileError)) {
        message.show('error', () => t('error.unexpected'));

        return;
      }
      file.setError('staff.upload.fileInvalid', { detail: error.message });
      message.show('error', () => t('staff.upload.unreadable'));
      file.control.focus();

      return;
    }

    const current: UploadRun = {
      courseId: id.value,
      results: parsed.results,
      entries: new Map(parsed.entries.map((entry) => [entry.row, entry])),
    };
    if (parsed.entries.length === 0) {
      progressBox.hidden = true;
      showResults(current);
      message.show('info', () => t('staff.upload.nothingToSend'));

      return;
    }
    await send(current, parsed.entries);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBusy(submit, 'staff.upload.submit');
  });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'upload-heading' },
    text('h2', 'staff.upload.title', { id: 'upload-heading' }),
    text('p', 'staff.upload.intro'),
    form,
    progressBox,
    resultsBox,
  );
}
