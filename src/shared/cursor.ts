import { ValidationError } from './errors.js';

type Key = Record<string, string>;

/**
 * Encodes the `LastEvaluatedKey` of a query as an opaque cursor. Only string
 * key attributes are expected, because every key in both tables is a string.
 */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  if (!key) {
    return null;
  }

  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor and checks that it names exactly the expected key
 * attributes, with `expectedValues` where given (the partition being read),
 * so a tampered cursor is a 400 and never reaches the database.
 */
export function decodeCursor(
  cursor: string | undefined,
  expectedAttributes: readonly string[],
  expectedValues: Readonly<Key> = {},
): Key | undefined {
  if (cursor === undefined) {
    return undefined;
  }

  const invalid = new ValidationError([
    {
      field: 'cursor',
      message: 'invalid cursor; pass the nextCursor of the previous page unchanged',
    },
  ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    throw invalid;
  }

  const entries = Object.entries(decoded);
  const names = entries.map(([name]) => name).sort();
  const expected = [...expectedAttributes].sort();
  const sameAttributes =
    names.length === expected.length && names.every((name, i) => name === expected[i]);
  const allStrings = entries.every(
    ([, value]) => typeof value === 'string' && value.length > 0 && value.length <= 1024,
  );
  const samePartition = Object.entries(expectedValues).every(
    ([name, value]) => (decoded as Key)[name] === value,
  );
  if (!sameAttributes || !allStrings || !samePartition) {
    throw invalid;
  }

  return decoded as Key;
}
