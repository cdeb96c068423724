import { GetCommand } from '@aws-sdk/lib-dynamodb';

import type { ApiModule } from '../shared/app.js';
import { requireIssuerKey } from '../shared/auth.js';
import { processBatch, summarize } from '../shared/batch.js';
import { toDatabaseError } from '../shared/database.js';
import { ValidationError } from '../shared/errors.js';
import { DEFAULT_PAGE_SIZE } from '../shared/fields.js';
import { IdempotencyStore, idempotency } from '../shared/idempotency.js';
import {
  createRegistration,
  createRegistrationBatch,
  health,
  listRegistrations,
} from './routes.js';
import { StaffRegistrationSchema } from './schemas.js';
import { RegistrationStore } from './store.js';

/** Routes of the `registrations` function: registration, staff batches, look-ups and health. */
export const registrationsModule: ApiModule = {
  register(app, { client, config, issuerKey }) {
    const tableName = config.tables.registrations;
    const store = new RegistrationStore(client, tableName, config.registrationTtlDays);
    const idempotencyStore = new IdempotencyStore(client, tableName, (recordId) => ({
      userId: `idempotency#${recordId}`,
      email: 'idempotency',
    }));
    const replayable = idempotency(idempotencyStore);
    const issuerOnly = requireIssuerKey(issuerKey);

    app.openapi({ ...createRegistration, middleware: [replayable] }, async (c) => {
      const request = c.req.valid('json');
      const registration = await store.create(request, 'self');
      c.get('log').info('registration created', {
        userId: registration.userId,
        accountType: registration.accountType,
      });

      return c.json(registration, 201);
    });

    app.openapi(
      { ...createRegistrationBatch, middleware: [issuerOnly, replayable] },
      async (c) => {
        const { items } = c.req.valid('json');
        const results = await processBatch(items, StaffRegistrationSchema, async (item, index) => ({
          index,
          status: 201,
          registration: await store.create(item, 'staff'),
        }));
        const summary = summarize(results, 409);
        c.get('log').info('registration batch processed', { size: items.length, ...summary });

        return c.json({ items: results, summary }, 200);
      },
    );

    app.openapi({ ...listRegistrations, middleware: [issuerOnly] }, async (c) => {
      const { email, accountType, limit, cursor } = c.req.valid('query');
      const page = { limit: limit ?? DEFAULT_PAGE_SIZE, cursor };
      if ((email === undefined) === (accountType === undefined)) {
        throw new ValidationError([
          { field: 'email', message: 'pass exactly one of email or accountType' },
        ]);
      }
      const result = email
        ? await store.findByEmail(email, page)
        : await store.listByAccountType(accountType!, page);

      return c.json(result, 200);
    });

    app.openapi(health, async (c) => {
      try {
        await client.send(
          new GetCommand({ TableName: tableName, Key: { userId: 'health', email: 'health' } }),
        );
      } catch (error) {
        throw toDatabaseError(error, 'the health check read');
      }

      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    });
  },
};
