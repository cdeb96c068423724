/**
 * Loads Terraform configurations as JSON with @cdktf/hcl2json, and reads the
 * parts that the infrastructure tests check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from '@cdktf/hcl2json';

export type HclValue = string | number | boolean | null | HclValue[] | HclObject;
export interface HclObject {
  [key: string]: HclValue;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const prodDir = join(repoRoot, 'infra/envs/prod');
export const modulesDir = join(repoRoot, 'infra/modules');

export function moduleDir(name: string): string {
  return join(modulesDir, name);
}

export function readRepoFile(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

export function isObject(value: HclValue | undefined): value is HclObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: HclValue | undefined, label: string): HclObject {
  if (!isObject(value)) {
    throw new Error(`${label} is not an object: ${JSON.stringify(value)}`);
  }

  return value;
}

export function asArray(value: HclValue | undefined, label: string): HclValue[] {
  if (!Array.isArray(value)) {
    throw new Error(`${label} is not a list: ${JSON.stringify(value)}`);
  }

  return value;
}

export function asString(value: HclValue | undefined, label: string): string {
  if (typeof value !== 'string') {
    throw new Error(`${label} is not a string: ${JSON.stringify(value)}`);
  }

  return value;
}

export function asStrings(value: HclValue | undefined, label: string): string[] {
  return asArray(value, label).map((item, index) => asString(item, `${label}[${index}]`));
}

/** Merges two parsed files: block kinds and labels combine, locals concatenate. */
function mergeConfig(target: HclObject, source: HclObject): void {
  for (const [kind, value] of Object.entries(source)) {
    if (Array.isArray(value)) {
      target[kind] = [...asArray(target[kind] ?? [], kind), ...value];
      continue;
    }
    const into = asObject((target[kind] ??= {}), kind);
    for (const [label, inner] of Object.entries(asObject(value, kind))) {
      if (kind === 'resource' || kind === 'data') {
        const byName = asObject((into[label] ??= {}), `${kind}.${label}`);
        Object.assign(byName, asObject(inner, `${kind}.${label}`));
      } else {
        into[label] = inner;
      }
    }
  }
}

const cache = new Map<string, Promise<HclObject>>();

/** Parses every .tf file of a folder into one configuration object. */
export function loadConfig(dir: string): Promise<HclObject> {
  let loaded = cache.get(dir);
  if (!loaded) {
    loaded = (async () => {
      const config: HclObject = {};
      const files = readdirSync(dir).filter((file) => file.endsWith('.tf')).sort();
      for (const file of files) {
        const parsed = (await parse(file, readFileSync(join(dir, file), 'utf8'))) as HclObject;
        mergeConfig(config, parsed);
      }

      return config;
    })();
    cache.set(dir, loaded);
  }

  return loaded;
}

/** Returns the first (usually only) body of a nested block, e.g. `ttl`. */
export function block(body: HclObject, name: string): HclObject {
  return asObject(asArray(body[name], name)[0], name);
}

/** Returns every body of a repeated nested block, e.g. `statement`. */
export function blocks(body: HclObject, name: string): HclObject[] {
  const value = body[name];
  if (value === undefined) {
    return [];
  }

  return asArray(value, name).map((item) => asObject(item, name));
}

function labelled(config: HclObject, kind: string, type: string, name: string): HclObject {
  const byType = asObject(config[kind], kind);
  const byName = asObject(byType[type], `${kind}.${type}`);

  return asObject(asArray(byName[name], `${kind}.${type}.${name}`)[0], `${type}.${name}`);
}

export function resource(config: HclObject, type: string, name: string): HclObject {
  return labelled(config, 'resource', type, name);
}

export function dataSource(config: HclObject, type: string, name: string): HclObject {
  return labelled(config, 'data', type, name);
}

/** Names of the resources of one type in a configuration. */
export function resourceNames(config: HclObject, type: string): string[] {
  const byType = asObject(config.resource ?? {}, 'resource');

  return Object.keys(asObject(byType[type] ?? {}, type));
}

function single(config: HclObject, kind: string, name: string): HclObject {
  const byName = asObject(config[kind], kind);

  return asObject(asArray(byName[name], `${kind}.${name}`)[0], `${kind}.${name}`);
}

export function moduleCall(config: HclObject, name: string): HclObject {
  return single(config, 'module', name);
}

export function variable(config: HclObject, name: string): HclObject {
  return single(config, 'variable', name);
}

export function output(config: HclObject, name: string): HclObject {
  return single(config, 'output', name);
}

/** Collects the locals of every locals block of a configuration. */
export function locals(config: HclObject): HclObject {
  const merged: HclObject = {};
  for (const body of asArray(config.locals ?? [], 'locals')) {
    Object.assign(merged, asObject(body, 'locals'));
  }

  return merged;
}

/** Collects every aws_iam_policy_document of a configuration, by name. */
export function policyDocuments(config: HclObject): Record<string, HclObject> {
  const data = asObject(config.data ?? {}, 'data');
  const documents = asObject(data.aws_iam_policy_document ?? {}, 'aws_iam_policy_document');

  return Object.fromEntries(
    Object.entries(documents).map(([name, bodies]) => [
      name,
      asObject(asArray(bodies, name)[0], name),
    ]),
  );
}

/** Returns the `dynamic "<name>"` block of a body: its for_each and content. */
export function dynamicBlock(body: HclObject, name: string): { forEach: HclValue; content: HclObject } {
  const dynamics = asObject(body.dynamic, `dynamic blocks of ${name}`);
  const dynamic = asObject(asArray(dynamics[name], `dynamic ${name}`)[0], `dynamic ${name}`);

  return { forEach: dynamic.for_each ?? null, content: block(dynamic, 'content') };
}
