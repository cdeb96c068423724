import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

import { asStrings, blocks, loadConfig, policyDocuments, prodDir, repoRoot } from './hcl.js';

const entryPoints = {
  registrations: 'src/registrations/handler.ts',
  certificates: 'src/certificates/handler.ts',
} as const;

// Document client commands and the DynamoDB action each one calls.
const COMMAND_ACTIONS: Record<string, string> = {
  PutCommand: 'dynamodb:PutItem',
  GetCommand: 'dynamodb:GetItem',
  QueryCommand: 'dynamodb:Query',
  UpdateCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  ScanCommand: 'dynamodb:Scan',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  TransactWriteCommand: 'dynamodb:TransactWriteItems',
  TransactGetCommand: 'dynamodb:TransactGetItems',
  DescribeTableCommand: 'dynamodb:DescribeTable',
};

/** DynamoDB actions that the project's own sources in a function's bundle call. */
async function actionsInBundle(entryPoint: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(repoRoot, entryPoint)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const sources = Object.keys(result.metafile.inputs).filter((path) =>
    path.startsWith('src/'),
  );
  const actions = new Set<string>();
  for (const source of sources) {
    const text = await readFile(join(repoRoot, source), 'utf8');
    for (const [, command] of text.matchAll(/new (\w+Command)\(/g)) {
      const action = COMMAND_ACTIONS[command!];
      if (action) {
        actions.add(action);
      }
    }
  }

  return [...actions].sort();
}

async function dynamoActionsInPolicy(name: string): Promise<string[]> {
  const document = policyDocuments(await loadConfig(prodDir))[name]!;
  const actions = blocks(document, 'statement').flatMap((statement) =>
    asStrings(statement.actions ?? [], 'actions'),
  );

  return [...new Set(actions.filter((action) => action.startsWith('dynamodb:')))].sort();
}

describe('function permissions', () => {
  it.each(Object.entries(entryPoints))(
    '%s role allows exactly the calls its code makes',
    async (name, entryPoint) => {
      const used = await actionsInBundle(entryPoint);

      const allowed = await dynamoActionsInPolicy(name);

      expect(used.length).toBeGreaterThan(0);
      expect(allowed).toEqual(used);
    },
  );
});
