import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { userIdForEmail } from '../../src/shared/ids.js';
import { databaseClient } from '../support/database.js';
import { issuanceRequest, registrationRequest } from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const ctx = useTestStack();
let database: DynamoDBDocumentClient;
const past = () => Math.floor(Date.now() / 1000) - 60;

beforeAll(() => {
  database = databaseClient(ctx.stack);
});

afterAll(() => {
  database.destroy();
});

/** Writes a registration whose TTL has passed but that DynamoDB has not deleted yet. */
async function storeExpiredRegistration(email: string): Promise<void> {
  await database.send(
    new PutCommand({
      TableName: 'Registrations',
      Item: {
        userId: userIdForEmail(email),
        email,
        fullName: 'Caducada Pérez',
        accountType: 'student',
        language: 'es',
        status: 'ACTIVE',
        source: 'self',
        createdAt: '2020-01-01T00:00:00.000Z',
        expirationDate: past(),
      },
    }),
  );
}

describe('expired items', () => {
  it('are missing from look-ups by email', async () => {
    const email = `caducada-${Date.now()}@example.org`;
    await storeExpiredRegistration(email);

    const response = await ctx.api.get(`/registros?email=${email}`, { issuerKey: true });

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('do not block a new registration', async () => {
    const email = `renovada-${Date.now()}@example.org`;
    await storeExpiredRegistration(email);

    const response = await ctx.api.post('/registros', registrationRequest({ email }));

    expect(response.status).toBe(201);
    expect(response.body.fullName).toBe('María José Ñúñez');
  });

  it('cannot receive a certificate', async () => {
    const email = `sin-certificado-${Date.now()}@example.org`;
    await storeExpiredRegistration(email);

    const response = await ctx.api.post('/certificados', issuanceRequest({ email }), {
      issuerKey: true,
    });

    expect(response.status).toBe(422);
  });

  it('hide an expired certificate from verification', async () => {
    const certificateId = 'ACR-EXP1-0000-0000-0000';
    await database.send(
      new PutCommand({
        TableName: 'Certificates',
        Item: {
          certificateId,
          userId: userIdForEmail('old@example.org'),
          holderName: 'Antigua',
          courseId: 'OLD1',
          courseName: 'Curso antiguo',
          completedAt: '2020-01-01',
          issuedAt: '2020-01-02T00:00:00.000Z',
          status: 'ISSUED',
          expirationDate: past(),
        },
      }),
    );

    const response = await ctx.api.get(`/certificados/${certificateId}`);

    expect(response.status).toBe(404);
  });
});
