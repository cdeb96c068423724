import type { Harness } from './harness.js';

export const COURSE = {
  courseId: 'course-v1:Acredita+DS101+2026',
  courseName: 'Ciencia de datos',
} as const;

export interface Registration {
  userId: string;
  email: string;
  fullName: string;
}

export interface Certificate {
  certificateId: string;
  holderName: string;
  status: string;
}

/** Registers a learner through the API and returns the stored registration. */
export async function registerLearner(harness: Harness, email: string, fullName: string): Promise<Registration> {
  const result = await harness.api<Registration>(
    'POST',
    '/registros',
    { email, fullName, accountType: 'student', language: 'es', acceptTerms: true },
    false,
  );
  if (result.status !== 201) {
    throw new Error(`registering ${email} failed with status ${result.status}: ${JSON.stringify(result.body)}`);
  }

  return result.body;
}

/** Issues a certificate through the API and returns it. */
export async function issueCertificate(
  harness: Harness,
  email: string,
  course: { courseId: string; courseName: string } = COURSE,
): Promise<Certificate> {
  const result = await harness.api<Certificate>('POST', '/certificados', {
    email,
    ...course,
    completedAt: '2026-11-30',
    grade: 91.5,
  });
  if (result.status !== 201 && result.status !== 200) {
    throw new Error(`issuing for ${email} failed with status ${result.status}: ${JSON.stringify(result.body)}`);
  }

  return result.body;
}

export async function revokeCertificate(harness: Harness, certificateId: string, reason: string): Promise<void> {
  const result = await harness.api('PATCH', `/certificados/${certificateId}`, { status: 'REVOKED', reason });
  if (result.status !== 200) {
    throw new Error(`revoking ${certificateId} failed with status ${result.status}: ${JSON.stringify(result.body)}`);
  }
}
