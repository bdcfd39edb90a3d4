import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../lib/openapi/document.js';
import { ROUTES } from '../../lambdas/http/routes.js';

/**
 * The API's contract, held against real answers. Every response the end-to-end tests receive
 * through `call` (tests/support/local-newsroom.ts) is appended to a file of the test run, one per
 * worker process; tests/e2e/openapi-contract.test.ts checks them all against the document.
 */
export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  test: string;
}

const root = () => process.env.NEWSROOM_TEST_ROOT;
export const recordingsDir = () => join(root()!, 'contract', 'responses');
/** Written by the contract progress reporter as each test file ends. */
export const finishedDir = () => join(root()!, 'contract', 'finished');
export const finishedMarker = (testPath: string) => join(finishedDir(), createHash('sha1').update(testPath).digest('hex'));

/** Appends one response to this process's recording (synchronously, so a worker that ends loses nothing). */
export function recordResponse(method: string, url: string, res: Response, body: string, test: string): void {
  if (!root()) return;
  const dir = recordingsDir();
  mkdirSync(dir, { recursive: true });
  const line: RecordedResponse = {
    method: method.toUpperCase(),
    path: new URL(url).pathname,
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body,
    test,
  };
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}

export function readRecordings(): RecordedResponse[] {
  const dir = recordingsDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RecordedResponse),
  );
}

type Doc = OpenApiDocument & { paths: Record<string, Record<string, Operation>> };
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject | { $ref: string }>;
}
interface ResponseObject {
  headers?: Record<string, HeaderObject | { $ref: string }>;
  content?: Record<string, { schema: object }>;
}
interface HeaderObject {
  required?: boolean;
  schema: object;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const template = (path: string) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);

/** Checks answers against one OpenAPI document: status, headers and body (JSON Schema 2020-12, by ajv). */
export class ContractChecker {
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly paths: { path: string; pattern: RegExp }[];

  constructor(private readonly doc: Doc) {
    const rewrite = (o: unknown) => JSON.parse(JSON.stringify(o).replaceAll('"#/components/schemas/', '"openapi#/$defs/'));
    this.ajv.addSchema({ $id: 'openapi', $defs: rewrite(doc.components.schemas) });
    this.paths = Object.keys(doc.paths).map((path) => ({ path, pattern: template(path) }));
    this.rewrite = rewrite;
  }

  private readonly rewrite: (o: unknown) => object;

  /** The operation a request was for: undefined when no route of the API answers it (an unknown path). */
  operationFor(method: string, path: string): { key: string; op?: Operation } | undefined {
    const found = this.paths.find((p) => p.pattern.test(path) && this.doc.paths[p.path]![method.toLowerCase()]);
    if (found) return { key: `${method} ${found.path}`, op: this.doc.paths[found.path]![method.toLowerCase()] };
    const route = ROUTES.find((r) => r.method === method && template(r.path).test(path));
    return route ? { key: `${route.method} ${route.path}` } : undefined;
  }

  private resolve<T>(o: T | { $ref: string }): T {
    if (o && typeof o === 'object' && '$ref' in o) {
      return o.$ref
        .slice(2)
        .split('/')
        .reduce((node: any, part) => node[part], this.doc) as T;
    }
    return o as T;
  }

  private validator(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let v = this.compiled.get(key);
    if (!v) this.compiled.set(key, (v = this.ajv.compile(this.rewrite(schema))));
    return v;
  }

  /** What is wrong with a response, by the document; empty when it matches. Undefined for requests no route answers. */
  check(r: RecordedResponse): { operation: string; issues: string[] } | undefined {
    if (r.method === 'OPTIONS' || r.method === 'HEAD') return undefined;
    const found = this.operationFor(r.method, r.path);
    if (!found) return undefined;
    if (!found.op) return { operation: found.key, issues: [`${found.key} is a route of the API but not in the document`] };
    const raw = found.op.responses[String(r.status)];
    if (!raw) return { operation: found.key, issues: [`status ${r.status} is not documented for ${found.op.operationId}`] };
    const response = this.resolve<ResponseObject>(raw);
    const issues: string[] = [];
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [name, h] of Object.entries(response.headers ?? {})) {
      const header = this.resolve<HeaderObject>(h);
      const value = headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) issues.push(`header ${name} is missing`);
      } else if (!this.validator(header.schema)(value)) {
        issues.push(`header ${name}: ${JSON.stringify(value)} does not match its schema`);
      }
    }
    const type = (headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!response.content) {
      if (r.body) issues.push(`a body was sent (${type}), none is documented`);
      return { operation: found.key, issues };
    }
    const media = response.content[type];
    if (!media)
      return {
        operation: found.key,
        issues: [...issues, `content type ${JSON.stringify(type)} is not documented (${Object.keys(response.content).join(', ')})`],
      };
    if (/json$/.test(type)) {
      let body: unknown;
      try {
        body = JSON.parse(r.body);
      } catch {
        return { operation: found.key, issues: [...issues, 'the body is not JSON'] };
      }
      const validate = this.validator(media.schema);
      if (!validate(body)) {
        for (const e of validate.errors ?? [])
          issues.push(`body${e.instancePath} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
      }
    }
    return { operation: found.key, issues };
  }
}
