import { AttemptKey, ApiError, isAuthError, request, type Certificate, type IssuanceRequest } from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import {
  applyCheck,
  busyGuard,
  focusFirstError,
  inputField,
  notice,
  radioGroup,
  submitButton,
  type Field,
} from '../forms.js';
import { setText, t, text } from '../i18n.js';
import {
  checkCompletionDate,
  checkCourseId,
  checkCourseName,
  checkEmail,
  checkGrade,
  checkUserId,
  todayLocal,
  type Checked,
} from '../validation.js';
import type { StaffContext } from './context.js';

/** Course fields shared by the single issuance and the CSV upload. */
export function courseFields(prefix: string) {
  const courseId = inputField({
    id: `${prefix}-course-id`,
    label: 'staff.courseId',
    hint: 'staff.courseIdHint',
    attributes: { autocomplete: 'off', spellcheck: 'false', required: true, class: 'mono' },
  });
  const courseName = inputField({
    id: `${prefix}-course-name`,
    label: 'staff.courseName',
    attributes: { autocomplete: 'off', required: true },
  });

  return { courseId, courseName };
}

export function issueSection(context: StaffContext): HTMLElement {
  const recipientType = radioGroup({ id: 'issue-recipient-type', legend: 'staff.issue.recipientType' }, [
    { value: 'email', label: 'staff.issue.byEmail' },
    { value: 'userId', label: 'staff.issue.byUserId' },
  ]);
  const recipient = inputField({
    id: 'issue-recipient',
    label: 'staff.issue.email',
    attributes: { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', required: true },
  });
  const recipientLabel = recipient.wrapper.querySelector('label');
  recipientType.fieldset.addEventListener('change', () => {
    if (recipientLabel) {
      setText(recipientLabel, recipientType.value() === 'email' ? 'staff.issue.email' : 'staff.issue.userId');
    }
    recipient.clearError();
  });
  const { courseId, courseName } = courseFields('issue');
  const completedAt = inputField({
    id: 'issue-completed-at',
    label: 'staff.completedAt',
    attributes: { type: 'date', required: true, max: todayLocal() },
  });
  const grade = inputField({
    id: 'issue-grade',
    label: 'staff.issue.grade',
    hint: 'staff.issue.gradeHint',
    attributes: { inputmode: 'decimal', autocomplete: 'off' },
  });

  const message = notice('alert');
  const result = h('div', { class: 'issue-result' });
  const button = submitButton('staff.issue.submit');
  const form = h(
    'form',
    { novalidate: true, class: 'form' },
    recipientType.wrapper,
    recipient.wrapper,
    courseId.wrapper,
    courseName.wrapper,
    completedAt.wrapper,
    grade.wrapper,
    message.element,
    h('div', { class: 'actions' }, button),
    result,
  );
  const fields: Field<HTMLInputElement>[] = [recipient, courseId, courseName, completedAt, grade];
  const attemptKey = new AttemptKey();
  const runBusy = busyGuard(form, button, 'staff.issue.submitting', message);

  const checkRecipient = (): Checked<string> => {
    if (recipientType.value() === 'email') {
      return checkEmail(recipient.control.value, 'validation.staffEmailRequired');
    }

    return checkUserId(recipient.control.value);
  };

  const validate = (): IssuanceRequest | undefined => {
    const checkedRecipient = checkRecipient();
    const id = checkCourseId(courseId.control.value);
    const name = checkCourseName(courseName.control.value);
    const date = checkCompletionDate(completedAt.control.value);
    const score = checkGrade(grade.control.value);
    applyCheck(recipient, checkedRecipient);
    applyCheck(courseId, id);
    applyCheck(courseName, name);
    applyCheck(completedAt, date);
    applyCheck(grade, score);
    if (!checkedRecipient.ok || !id.ok || !name.ok || !date.ok || !score.ok) {
      return undefined;
    }
    const course = { courseId: id.value, courseName: name.value, completedAt: date.value };
    const withGrade = score.value === undefined ? course : { ...course, grade: score.value };
    if (recipientType.value() === 'email') {
      return { email: checkedRecipient.value, ...withGrade };
    }

    return { userId: checkedRecipient.value, ...withGrade };
  };

  const showCertificate = (certificate: Certificate, created: boolean): void => {
    const link = h('a', { href: `/verificar/${encodeURIComponent(certificate.certificateId)}`, class: 'mono' }, certificate.certificateId);
    const summary = text('p', created ? 'staff.issue.created' : 'staff.issue.existing');
    result.replaceChildren(h('div', { class: 'notice notice-success' }, summary, h('p', {}, link)));
  };

  const submit = async (): Promise<void> => {
    message.clear();
    result.replaceChildren();
    const body = validate();
    const issuerKey = context.issuerKey();
    if (!body || issuerKey === undefined) {
      message.show('error', () => t('form.fixErrors'));
      focusFirstError(fields);

      return;
    }
    try {
      const { status, data } = await request<Certificate>('POST', '/certificados', {
        body,
        issuerKey,
        idempotencyKey: attemptKey.keyFor(body),
        signal: context.signal,
      });
      attemptKey.settle();
      showCertificate(data, status === 201);
    } catch (error) {
      if (context.signal.aborted) {
        return;
      }
      attemptKey.settle(error);
      if (isAuthError(error)) {
        context.rejectKey(error);

        return;
      }
      if (error instanceof ApiError && error.is('user-not-registered')) {
        recipient.setError('staff.issue.notRegistered');
        recipient.control.focus();
      }
      message.show('error', () =>
        error instanceof ApiError && error.is('user-not-registered')
          ? t('staff.issue.notRegistered')
          : describeFailure(error),
      );
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBusy(submit, 'staff.issue.submit');
  });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'issue-heading' },
    text('h2', 'staff.issue.title', { id: 'issue-heading' }),
    form,
  );
}
