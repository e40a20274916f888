// The OpenAPI 3.1 document generated from the zod schemas, and the offline docs page.
import { Validator } from '@seriousme/openapi-schema-validator';
import { useTestApp } from './support/test-app.js';

const testApp = useTestApp();
type Operation = {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
const operations = () =>
  Object.entries(testApp().app.openApiDocument.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
      endpoint: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );

describe('GET /openapi.json', () => {
  it('serves the document, which is valid OpenAPI 3.1', async () => {
    const response = await testApp().http.get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(response.body);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every endpoint with a unique operation id', () => {
    const endpoints = operations().map(({ endpoint }) => endpoint);
    expect(endpoints).toEqual(
      expect.arrayContaining([
        'GET /api/me',
        'POST /api/teams',
        'PATCH /api/teams/{teamId}',
        'DELETE /api/teams/{teamId}/members/{userId}',
        'POST /api/teams/{teamId}/kpis',
        'GET /metrics',
        'GET /readyz',
      ]),
    );
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('requires the bearer token on every /api operation and lists its problems', () => {
    // Signed instead of signed in: the provider's webhooks (webhooks.routes.ts), and the pause and
    // calendar links in each email (email-pause.routes.ts, calendar.routes.ts). Before a token:
    // signing in (auth/sign-in/), which is how a browser gets one.
    const signed = (endpoint: string) =>
      endpoint.includes(' /api/webhooks/') ||
      endpoint.includes(' /api/auth/') ||
      endpoint === 'POST /api/email-pause' ||
      endpoint.startsWith('GET /api/calendar/');
    for (const { endpoint, operation } of operations().filter(
      ({ endpoint }) => endpoint.includes(' /api/') && !signed(endpoint),
    )) {
      expect([endpoint, operation.security]).toEqual([endpoint, [{ bearer: [] }]]);
      expect([endpoint, Object.keys(operation.responses)]).toEqual([
        endpoint,
        expect.arrayContaining(['401', '500']),
      ]);
      expect(operation.responses['401']?.content).toHaveProperty(['application/problem+json']);
    }
  });

  it('documents request bodies that refuse unknown properties', () => {
    // Except a webhook's: the provider's own event, which may gain properties any day.
    const bodies = operations().filter(
      ({ endpoint, operation }) => operation.requestBody && !endpoint.includes(' /api/webhooks/'),
    );
    expect(bodies.length).toBeGreaterThanOrEqual(10);
    const components = testApp().app.openApiDocument.components?.schemas as Record<
      string,
      { additionalProperties?: unknown }
    >;
    for (const { endpoint, operation } of bodies) {
      const schema = operation.requestBody!.content['application/json']!.schema as {
        $ref?: string;
        additionalProperties?: unknown;
      };
      const resolved = schema.$ref ? components[schema.$ref.split('/').pop()!] : schema;
      expect([endpoint, resolved?.additionalProperties]).toEqual([endpoint, false]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
    }
  });

  it('describes a validation problem with its field errors', () => {
    const problem = (
      testApp().app.openApiDocument.components?.schemas as Record<
        string,
        { properties: Record<string, unknown> }
      >
    ).Problem!;
    expect(Object.keys(problem.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']),
    );
  });
});

describe('/docs', () => {
  it('redirects to the page with its trailing slash, so relative assets resolve', async () => {
    const response = await testApp().http.get('/docs');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/docs/');
  });

  it('serves Swagger UI with every asset from this server: it works offline', async () => {
    const page = await testApp().http.get('/docs/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('<title>Rhythm API</title>');
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(
      expect.arrayContaining(['./swagger-ui.css', './swagger-ui-bundle.js', './swagger-ui-init.js']),
    );
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const response = await testApp().http.get(`/docs/${asset.replace(/^\.\//, '')}`);
      expect([asset, response.status]).toEqual([asset, 200]);
    }
  });

  it('points Swagger UI at /openapi.json and not at the online validator', async () => {
    const init = await testApp().http.get('/docs/swagger-ui-init.js');
    expect(init.text).toContain('"url": "/openapi.json"');
    expect(init.text).toContain('"validatorUrl": null');
  });
});
