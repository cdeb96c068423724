import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

import { isConditionFailure, isExpired, toDatabaseError } from '../shared/database.js';
import {
  CertificateRevokedError,
  DatabaseUnavailableError,
  NotFoundError,
} from '../shared/errors.js';
import { issuanceClaimKey, newCertificateId } from '../shared/ids.js';
import { queryIndex, type Page, type PageRequest } from '../shared/query.js';
import { certificatesTable } from '../shared/tables.js';
import type { Registration } from '../registrations/schemas.js';
import type { CertificateStatus } from './schemas.js';

/** A certificate as stored, without the verification URL that depends on the request. */
export interface CertificateRecord {
  certificateId: string;
  userId: string;
  holderName: string;
  courseId: string;
  courseName: string;
  completedAt: string;
  grade?: number;
  issuedAt: string;
  status: CertificateStatus;
  revokedAt?: string;
  revocationReason?: string;
}

export interface Completion {
  readonly courseId: string;
  readonly courseName: string;
  readonly completedAt: string;
  readonly grade?: number;
}

export interface IssueResult {
  readonly certificate: CertificateRecord;
  /** False when the user already had a certificate for the course. */
  readonly created: boolean;
}

function toRecord(item: Record<string, unknown>): CertificateRecord {
  const record: CertificateRecord = {
    certificateId: item.certificateId as string,
    userId: item.userId as string,
    holderName: item.holderName as string,
    courseId: item.courseId as string,
    courseName: item.courseName as string,
    completedAt: item.completedAt as string,
    issuedAt: item.issuedAt as string,
    status: item.status as CertificateStatus,
  };
  if (typeof item.grade === 'number') {
    record.grade = item.grade;
  }
  if (typeof item.revokedAt === 'string') {
    record.revokedAt = item.revokedAt;
    record.revocationReason = item.revocationReason as string;
  }

  return record;
}

function revokedError(certificateId: string, detail: string): CertificateRevokedError {
  return new CertificateRevokedError(detail, { extensions: { certificateId } });
}

/** Certificates in DynamoDB, one per user and course. */
export class CertificateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Issues the certificate of a completion, one per user and course, in two
   * conditional writes. The first claims the pair with an item keyed by it,
   * which names a random certificate id. The second writes the certificate
   * under the id that the claim names, unless it is already there. A request that
   * stops between the two leaves a claim that the next issuance completes.
   * Under concurrency exactly one request writes the certificate and gets
   * `created`; the others read it.
   */
  async issue(holder: Registration, completion: Completion): Promise<IssueResult> {
    const certificateId = await this.claim(holder.userId, completion.courseId);
    const record: CertificateRecord = {
      certificateId,
      userId: holder.userId,
      holderName: holder.fullName,
      courseId: completion.courseId,
      courseName: completion.courseName,
      completedAt: completion.completedAt,
      issuedAt: new Date().toISOString(),
      status: 'ISSUED',
    };
    if (completion.grade !== undefined) {
      record.grade = completion.grade;
    }

    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          ConditionExpression: 'attribute_not_exists(#certificateId)',
          ExpressionAttributeNames: { '#certificateId': 'certificateId' },
        }),
      );

      return { certificate: record, created: true };
    } catch (error) {
      if (!isConditionFailure(error)) {
        throw toDatabaseError(error, 'storing the certificate');
      }
    }

    const existing = await this.get(certificateId);
    if (!existing) {
      throw new DatabaseUnavailableError(
        `the certificate ${certificateId} was written but could not be read back; retry`,
      );
    }
    if (existing.status === 'REVOKED') {
      throw revokedError(
        existing.certificateId,
        `the certificate ${existing.certificateId} of this user for this course was revoked and is not issued again`,
      );
    }

    return { certificate: existing, created: false };
  }

  /** Claims a user and course for a new random id, or returns the id already claimed. */
  private async claim(userId: string, courseId: string): Promise<string> {
    const key = { certificateId: issuanceClaimKey(userId, courseId) };
    const candidate = newCertificateId();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, recordType: 'issuance-claim', claimedId: candidate },
          ConditionExpression: 'attribute_not_exists(#certificateId)',
          ExpressionAttributeNames: { '#certificateId': 'certificateId' },
        }),
      );

      return candidate;
    } catch (error) {
      if (!isConditionFailure(error)) {
        throw toDatabaseError(error, 'claiming the certificate id');
      }
    }

    try {
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      if (typeof Item?.claimedId !== 'string') {
        throw new Error(`claim ${key.certificateId} has no claimedId`);
      }

      return Item.claimedId;
    } catch (error) {
      throw toDatabaseError(error, 'reading the certificate claim');
    }
  }

  /** Reads a certificate with a strongly consistent read, so a revocation shows at once. */
  async get(certificateId: string): Promise<CertificateRecord | undefined> {
    try {
      const { Item } = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { certificateId },
          ConsistentRead: true,
        }),
      );

      return Item && !isExpired(Item) && Item.recordType === undefined
        ? toRecord(Item)
        : undefined;
    } catch (error) {
      throw toDatabaseError(error, 'reading the certificate');
    }
  }

  /** Revokes an issued certificate; only `ISSUED` moves to `REVOKED`. */
  async revoke(certificateId: string, reason: string): Promise<CertificateRecord> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { certificateId },
          UpdateExpression:
            'SET #status = :revoked, #revokedAt = :now, #revocationReason = :reason',
          ConditionExpression: 'attribute_exists(#certificateId) AND #status = :issued',
          ExpressionAttributeNames: {
            '#certificateId': 'certificateId',
            '#status': 'status',
            '#revokedAt': 'revokedAt',
            '#revocationReason': 'revocationReason',
          },
          ExpressionAttributeValues: {
            ':revoked': 'REVOKED',
            ':issued': 'ISSUED',
            ':now': new Date().toISOString(),
            ':reason': reason,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );

      return toRecord(Attributes!);
    } catch (error) {
      if (!isConditionFailure(error)) {
        throw toDatabaseError(error, 'revoking the certificate');
      }
    }

    const existing = await this.get(certificateId);
    if (!existing) {
      throw new NotFoundError(`no certificate ${certificateId}; check the code`);
    }
    throw revokedError(
      certificateId,
      `the certificate ${certificateId} was already revoked on ${existing.revokedAt}`,
    );
  }

  listByUser(userId: string, page: PageRequest): Promise<Page<CertificateRecord>> {
    return this.query('UserIdIndex', userId, page);
  }

  listByStatus(
    status: CertificateStatus,
    page: PageRequest,
  ): Promise<Page<CertificateRecord>> {
    return this.query('StatusIndex', status, page);
  }

  private query(
    indexName: string,
    value: string,
    page: PageRequest,
  ): Promise<Page<CertificateRecord>> {
    return queryIndex(this.client, {
      tableName: this.tableName,
      table: certificatesTable,
      indexName,
      value,
      page,
      toItem: toRecord,
    });
  }
}
