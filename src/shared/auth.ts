import { timingSafeEqual, createHash } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';

import { InvalidApiKeyError, MissingApiKeyError } from './errors.js';

/**
 * Mode of the issuer key check. Locally the key is compared with the
 * configured one. In AWS, API Gateway has already checked it against the
 * usage plan, so the function only confirms that it did.
 */
export type IssuerKeyCheck =
  | { readonly mode: 'local'; readonly issuerApiKey: string }
  | { readonly mode: 'api-gateway' };

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

interface ApiGatewayEvent {
  readonly requestContext?: { readonly identity?: { readonly apiKeyId?: string | null } };
}

export function requireIssuerKey(check: IssuerKeyCheck): MiddlewareHandler {
  return async (c, next) => {
    const presented = c.req.header('x-api-key');
    if (!presented) {
      throw new MissingApiKeyError(
        'this route needs the issuer key in the x-api-key header',
      );
    }

    if (check.mode === 'local') {
      // Compare digests, which have equal lengths, in constant time.
      if (!timingSafeEqual(digest(presented), digest(check.issuerApiKey))) {
        throw new InvalidApiKeyError(
          'the x-api-key header does not match the issuer key; check ISSUER_API_KEY',
        );
      }
    } else {
      const event = (c.env as { event?: ApiGatewayEvent } | undefined)?.event;
      if (!event?.requestContext?.identity?.apiKeyId) {
        throw new InvalidApiKeyError(
          'API Gateway did not validate an API key for this route; require one on its method',
        );
      }
    }

    await next();
  };
}
