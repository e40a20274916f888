// /openapi.json (the generated document, itself a declared route) and /docs (Swagger UI from the
// swagger-ui-dist assets installed with swagger-ui-express: no CDN, works offline).
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';
import type { OpenApiDocument } from './document.js';

const OpenApiSchema = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.looseObject({}),
  })
  .meta({ description: 'An OpenAPI 3.1 document.' });

export function openApiRoutes(document: () => OpenApiDocument): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'openApiDocument',
      summary: 'This document',
      tags: ['operations'],
      public: true,
      responses: { 200: OpenApiSchema },
      handler: async () => ({ status: 200, body: document() as z.input<typeof OpenApiSchema> }),
    }),
  ];
}

export function docsPage(): Router {
  const router = Router();
  // The page loads its assets relative to itself (./swagger-ui.css), which needs the trailing slash.
  router.get('/docs', (req, res, next) =>
    req.originalUrl.split('?')[0] === '/docs' ? res.redirect(301, '/docs/') : next(),
  );
  router.use(
    '/docs',
    // serveFiles (not the shared `serve`) keeps this app's options out of the module's global state.
    // validatorUrl: null stops Swagger UI from sending the document to validator.swagger.io.
    ...swaggerUi.serveFiles(undefined, { swaggerOptions: { url: '/openapi.json', validatorUrl: null } }),
    swaggerUi.setup(undefined, { customSiteTitle: 'Rhythm API' }),
  );
  return router;
}
