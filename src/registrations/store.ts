import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

import {
  epochSeconds,
  isConditionFailure,
  isExpired,
  toDatabaseError,
} from '../shared/database.js';
import { EmailAlreadyRegisteredError } from '../shared/errors.js';
import { userIdForEmail } from '../shared/ids.js';
import { queryIndex, type Page, type PageRequest } from '../shared/query.js';
import { registrationsTable } from '../shared/tables.js';
import {
  canonicalLanguage,
  type AccountType,
  type Registration,
  type RegistrationRequest,
} from './schemas.js';

export type RegistrationSource = Registration['source'];


const EMAIL_INDEX = 'EmailIndex';
const ACCOUNT_TYPE_INDEX = 'AccountTypeIndex';

/** Maps a stored item to the registration that the API returns. */
function toRegistration(item: Record<string, unknown>): Registration {
  const registration: Registration = {
    userId: item.userId as string,
    email: item.email as string,
    fullName: item.fullName as string,
    accountType: item.accountType as AccountType,
    language: item.language as string,
    status: 'ACTIVE',
    source: item.source as RegistrationSource,
    createdAt: item.createdAt as string,
  };
  if (typeof item.termsAcceptedAt === 'string') {
    registration.termsAcceptedAt = item.termsAcceptedAt;
  }
  if (typeof item.expirationDate === 'number') {
    registration.expiresAt = new Date(item.expirationDate * 1000).toISOString();
  }

  return registration;
}

/** Registrations in DynamoDB, keyed by the user id derived from the email. */
export class RegistrationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ttlDays?: number,
  ) {}

  /**
   * Stores a new registration with one conditional write on the key derived
   * from the email, so concurrent requests for one email create one item.
   */
  async create(
    request: RegistrationRequest,
    source: RegistrationSource,
  ): Promise<Registration> {
    const now = new Date();
    const createdAt = now.toISOString();
    const item: Record<string, unknown> = {
      userId: userIdForEmail(request.email),
      email: request.email,
      fullName: request.fullName,
      accountType: request.accountType,
      language: canonicalLanguage(request.language) ?? request.language,
      status: 'ACTIVE',
      source,
      createdAt,
    };
    if (request.acceptTerms) {
      item.termsAcceptedAt = createdAt;
    }
    if (this.ttlDays) {
      item.expirationDate = epochSeconds(now) + this.ttlDays * 24 * 60 * 60;
    }

    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          // An expired registration that TTL has not deleted yet counts as absent.
          ConditionExpression:
            'attribute_not_exists(#userId) OR #expirationDate <= :now',
          ExpressionAttributeNames: {
            '#userId': 'userId',
            '#expirationDate': 'expirationDate',
          },
          ExpressionAttributeValues: { ':now': epochSeconds(now) },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new EmailAlreadyRegisteredError(
          'an account with this email already exists; sign in, or register with another email',
          { cause: error },
        );
      }
      throw toDatabaseError(error, 'storing the registration');
    }

    return toRegistration(item);
  }

  /** Reads the registration of a normalized email with a strongly consistent read. */
  async getByEmail(email: string): Promise<Registration | undefined> {
    try {
      const { Item } = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { userId: userIdForEmail(email), email },
          ConsistentRead: true,
        }),
      );

      return Item && !isExpired(Item) ? toRegistration(Item) : undefined;
    } catch (error) {
      throw toDatabaseError(error, 'reading the registration');
    }
  }

  /** Reads the registration of a user id with a strongly consistent query. */
  async getByUserId(userId: string): Promise<Registration | undefined> {
    try {
      const { Items } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#userId = :userId',
          ExpressionAttributeNames: { '#userId': 'userId' },
          ExpressionAttributeValues: { ':userId': userId },
          ConsistentRead: true,
        }),
      );
      const item = Items?.find((candidate) => !isExpired(candidate));

      return item ? toRegistration(item) : undefined;
    } catch (error) {
      throw toDatabaseError(error, 'reading the registration');
    }
  }

  /** Lists registrations of an email through EmailIndex. */
  findByEmail(email: string, page: PageRequest): Promise<Page<Registration>> {
    return this.query(EMAIL_INDEX, email, page);
  }

  /** Lists registrations of an account type through AccountTypeIndex, newest first. */
  listByAccountType(
    accountType: AccountType,
    page: PageRequest,
  ): Promise<Page<Registration>> {
    return this.query(ACCOUNT_TYPE_INDEX, accountType, page);
  }

  private query(
    indexName: string,
    value: string,
    page: PageRequest,
  ): Promise<Page<Registration>> {
    return queryIndex(this.client, {
      tableName: this.tableName,
      table: registrationsTable,
      indexName,
      value,
      page,
      toItem: toRegistration,
    });
  }
}
