// Checks every response the tests provoke against the OpenAPI document: the route and status must
// be documented, with this media type, and the body must match that response's schema (ajv, JSON
// Schema 2020-12 as OpenAPI 3.1 uses). Unknown routes must answer a documented-shape 404 problem.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../src/openapi/document.js';

export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  body: string;
}

interface MediaTypes {
  [mediaType: string]: { schema?: object };
}
type Operation = { responses?: Record<string, { content?: MediaTypes }> };

// Paths served outside the declared routes: Swagger UI's HTML and assets.
const undocumentedPrefixes = ['/docs'];

export class OpenApiConformance {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly matchers: { template: string; pattern: RegExp; literal: boolean }[];

  constructor(private readonly document: OpenApiDocument) {
    (addFormatsModule as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.matchers = Object.keys(document.paths ?? {})
      .map((template) => ({
        template,
        pattern: new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`,
        ),
        literal: !template.includes('{'),
      }))
      // A literal path wins over a template that would also match it.
      .sort((a, b) => Number(b.literal) - Number(a.literal));
  }

  /** A description of what is wrong with the exchange, or null when it conforms. */
  check(exchange: Exchange): string | null {
    if (
      undocumentedPrefixes.some(
        (prefix) => exchange.path === prefix || exchange.path.startsWith(`${prefix}/`),
      )
    )
      return null;
    const label = `${exchange.method} ${exchange.path} → ${exchange.status}`;
    const template = this.matchers.find((matcher) => matcher.pattern.test(exchange.path))?.template;
    const operation = template
      ? (this.document.paths?.[template] as Record<string, Operation> | undefined)?.[
          exchange.method.toLowerCase()
        ]
      : undefined;
    if (!template || !operation) {
      if (exchange.status !== 404) return `${label}: an undocumented route must answer 404`;
      return this.validate(label, 'unknown-route', problemSchema(), 'application/problem+json', exchange);
    }
    const response = operation.responses?.[String(exchange.status)];
    if (!response)
      return `${label}: status ${exchange.status} is not documented for ${exchange.method} ${template}`;
    if (!response.content)
      return exchange.body.length ? `${label}: documented without a body, but has one` : null;
    const mediaType = exchange.contentType?.split(';')[0]?.trim() ?? '';
    const declared = Object.entries(response.content).find(
      ([type]) => type.split(';')[0]?.trim() === mediaType,
    );
    if (!declared)
      return `${label}: media type "${mediaType}" is not documented (${Object.keys(response.content).join(', ')})`;
    const key = `${exchange.method} ${template} ${exchange.status} ${mediaType}`;
    return this.validate(label, key, declared[1].schema ?? {}, mediaType, exchange);
  }

  private validate(
    label: string,
    key: string,
    schema: object,
    mediaType: string,
    exchange: Exchange,
  ): string | null {
    let validate = this.validators.get(key);
    if (!validate) {
      // The schema's $refs point into #/components of the document: carry them along.
      validate = this.ajv.compile({ ...schema, components: this.document.components });
      this.validators.set(key, validate);
    }
    let body: unknown = exchange.body;
    if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
      try {
        body = JSON.parse(exchange.body);
      } catch {
        return `${label}: body is not JSON`;
      }
    }
    if (validate(body)) return null;
    return `${label}: body does not match the documented schema: ${this.ajv.errorsText(validate.errors)}`;
  }
}

function problemSchema(): object {
  return { $ref: '#/components/schemas/Problem' };
}
