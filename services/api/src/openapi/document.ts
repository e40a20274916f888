// The OpenAPI 3.1 document, generated from the route declarations and their zod schemas: each
// route's parameters, body and success responses, plus the problem responses its shape implies.
import { STATUS_CODES } from 'node:http';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { ProblemSchema } from '../http/problem.schemas.js';
import { impliedProblems, type Route } from '../http/route.js';

export type OpenApiDocument = ReturnType<typeof createDocument>;

const problemMeaning: Record<number, string> = {
  400: 'Malformed request: the body is not JSON, or the path cannot be decoded.',
  401: 'No valid bearer token.',
  403: 'The caller’s role in the team does not allow this.',
  404: 'No such team for the caller (also when it exists but they are not a member), or no such resource in it.',
  409: 'Conflicts with the current state.',
  410: 'Gone for good (an invitation that expired or was revoked).',
  413: 'The body is too large.',
  415: 'The body is not application/json.',
  422: 'Invalid input; `errors` names each field.',
  500: 'A fault on our side.',
  503: 'A server this needs (Temporal, the identity provider) did not answer; retry later.',
};

export function buildOpenApiDocument(
  routes: Route[],
  info: { title: string; version: string },
): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Rhythm schedules a team’s doing and steering sessions and chases the progress reports they need.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The token’s subject is the user id.',
        },
      },
    },
  });
}

function operation(route: Route): ZodOpenApiOperationObject {
  const { params, query, body, headers } = route.request ?? {};
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    security: route.public ? [] : [{ bearer: [] }],
    ...(params || query || headers
      ? {
          requestParams: {
            ...(params ? { path: params } : {}),
            ...(query ? { query } : {}),
            ...(headers ? { header: headers } : {}),
          },
        }
      : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: { ...successResponses(route), ...problemResponses(route) },
  } as ZodOpenApiOperationObject;
}

type Responses = Record<string, ZodOpenApiResponseObject>;

function successResponses(route: Route): Responses {
  const responses: Responses = {};
  for (const [status, declared] of Object.entries(route.responses)) {
    const description = STATUS_CODES[Number(status)] ?? status;
    if (declared === null) responses[status] = { description };
    else if ('contentType' in declared)
      responses[status] = {
        description: declared.description ?? description,
        content: { [declared.contentType]: { schema: declared.schema } },
      };
    else responses[status] = { description, content: { 'application/json': { schema: declared } } };
  }
  return responses;
}

function problemResponses(route: Route): Responses {
  const responses: Responses = {};
  for (const status of impliedProblems(route)) {
    responses[String(status)] = {
      description: problemMeaning[status] ?? STATUS_CODES[status] ?? String(status),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return responses;
}
