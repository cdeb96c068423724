import type { Context } from 'hono';

import type { ApiModule, AppEnv } from '../shared/app.js';
import { requireIssuerKey } from '../shared/auth.js';
import { processBatch, summarize } from '../shared/batch.js';
import type { ApiConfig } from '../shared/config.js';
import {
  NotFoundError,
  UserNotRegisteredError,
  ValidationError,
} from '../shared/errors.js';
import { DEFAULT_PAGE_SIZE } from '../shared/fields.js';
import { IdempotencyStore, idempotency } from '../shared/idempotency.js';
import { CERTIFICATE_ID_PATTERN, normalizeCertificateId } from '../shared/ids.js';
import type { Page } from '../shared/query.js';
import { RegistrationStore } from '../registrations/store.js';
import {
  issueCertificate,
  issueCertificateBatch,
  listCertificates,
  revokeCertificate,
  verifyCertificate,
} from './routes.js';
import {
  IssuanceRequestSchema,
  parseCompletionDate,
  type Certificate,
  type IssuanceRequest,
  type PublicCertificate,
} from './schemas.js';
import { CertificateStore, type CertificateRecord, type IssueResult } from './store.js';

const HOST_PATTERN = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

/**
 * Origin of the web app for verification URLs: the configured one, else the
 * viewer host that CloudFront forwards, else the origin of the request.
 */
function publicBaseUrl(c: Context<AppEnv>, config: ApiConfig): string {
  if (config.publicBaseUrl) {
    return config.publicBaseUrl;
  }
  const forwardedHost = c.req.header('x-forwarded-host');
  if (forwardedHost && HOST_PATTERN.test(forwardedHost)) {
    return `https://${forwardedHost}`;
  }

  return new URL(c.req.url).origin;
}

function toCertificate(record: CertificateRecord, baseUrl: string): Certificate {
  return { ...record, verificationUrl: `${baseUrl}/verificar/${record.certificateId}` };
}

/** Returns the view of a certificate that anyone may see: no email, user id or grade. */
function toPublicCertificate(certificate: Certificate): PublicCertificate {
  const { userId: _userId, grade: _grade, ...visible } = certificate;

  return visible;
}

function parseCertificateId(input: string): string {
  const certificateId = normalizeCertificateId(input);
  if (!CERTIFICATE_ID_PATTERN.test(certificateId)) {
    throw new ValidationError([
      {
        field: 'certificateId',
        message: 'must be a certificate code such as ACR-7K3M-9QPX-2HDW-TN5R',
      },
    ]);
  }

  return certificateId;
}

/** Routes of the `certificates` function: issuance, look-ups, verification and revocation. */
export const certificatesModule: ApiModule = {
  register(app, { client, config, issuerKey }) {
    const store = new CertificateStore(client, config.tables.certificates);
    const registrations = new RegistrationStore(client, config.tables.registrations);
    const idempotencyStore = new IdempotencyStore(
      client,
      config.tables.certificates,
      (recordId) => ({ certificateId: `idempotency#${recordId}` }),
    );
    const replayable = idempotency(idempotencyStore);
    const issuerOnly = requireIssuerKey(issuerKey);

    async function issue(request: IssuanceRequest): Promise<IssueResult> {
      const holder = request.userId
        ? await registrations.getByUserId(request.userId)
        : await registrations.getByEmail(request.email!);
      if (!holder) {
        const field = request.userId ? 'userId' : 'email';
        throw new UserNotRegisteredError(
          `${field}: no registration for this ${field}; register the user first`,
        );
      }

      return store.issue(holder, {
        courseId: request.courseId,
        courseName: request.courseName,
        completedAt: parseCompletionDate(request.completedAt).value!,
        // Two decimals are what a grade report shows; it also keeps values such
        // as 1e-200 out of DynamoDB, whose numbers cannot be that small.
        grade: request.grade === undefined ? undefined : Math.round(request.grade * 100) / 100,
      });
    }

    const listPage = (page: Page<CertificateRecord>, baseUrl: string) => ({
      items: page.items.map((record) => toCertificate(record, baseUrl)),
      nextCursor: page.nextCursor,
    });

    app.openapi({ ...issueCertificate, middleware: [issuerOnly, replayable] }, async (c) => {
      const { certificate, created } = await issue(c.req.valid('json'));
      if (created) {
        c.get('log').info('certificate issued', {
          certificateId: certificate.certificateId,
          userId: certificate.userId,
          courseId: certificate.courseId,
        });
      }
      const body = toCertificate(certificate, publicBaseUrl(c, config));

      return created ? c.json(body, 201) : c.json(body, 200);
    });

    app.openapi(
      { ...issueCertificateBatch, middleware: [issuerOnly, replayable] },
      async (c) => {
        const { items } = c.req.valid('json');
        const baseUrl = publicBaseUrl(c, config);
        const results = await processBatch(items, IssuanceRequestSchema, async (item, index) => {
          const { certificate, created } = await issue(item);

          return {
            index,
            status: created ? 201 : 200,
            certificate: toCertificate(certificate, baseUrl),
          };
        });
        const summary = summarize(results, 200);
        c.get('log').info('certificate batch processed', { size: items.length, ...summary });

        return c.json({ items: results, summary }, 200);
      },
    );

    app.openapi({ ...listCertificates, middleware: [issuerOnly] }, async (c) => {
      const { userId, status, limit, cursor } = c.req.valid('query');
      const page = { limit: limit ?? DEFAULT_PAGE_SIZE, cursor };
      if ((userId === undefined) === (status === undefined)) {
        throw new ValidationError([
          { field: 'userId', message: 'pass exactly one of userId or status' },
        ]);
      }
      const result = userId
        ? await store.listByUser(userId, page)
        : await store.listByStatus(status!, page);

      return c.json(listPage(result, publicBaseUrl(c, config)), 200);
    });

    app.openapi(verifyCertificate, async (c) => {
      const certificateId = parseCertificateId(c.req.valid('param').certificateId);
      const record = await store.get(certificateId);
      if (!record) {
        throw new NotFoundError(`no certificate ${certificateId}; check the code`);
      }
      c.header('Cache-Control', 'no-cache');

      return c.json(toPublicCertificate(toCertificate(record, publicBaseUrl(c, config))), 200);
    });

    app.openapi({ ...revokeCertificate, middleware: [issuerOnly, replayable] }, async (c) => {
      const certificateId = parseCertificateId(c.req.valid('param').certificateId);
      const { reason } = c.req.valid('json');
      const record = await store.revoke(certificateId, reason);
      c.get('log').info('certificate revoked', { certificateId });

      return c.json(toCertificate(record, publicBaseUrl(c, config)), 200);
    });
  },
};
