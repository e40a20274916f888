// Every endpoint as administrator, process owner, member, item owner, a user of another team and
// an anonymous caller, each with the exact status it must get.
import { describePermissionMatrix } from './support/permission-matrix.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';
import { coreRows } from './permissions/core.rows.js';
import { sessionRows } from './permissions/sessions.rows.js';
import { invitationRows } from './permissions/invitations.rows.js';
import { UNREACHABLE_OIDC, signInRows } from './permissions/sign-in.rows.js';

const testApp = useTestApp({ env: UNREACHABLE_OIDC });
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

const rows = [...coreRows, ...sessionRows, ...invitationRows, ...signInRows];
describePermissionMatrix('permission matrix', rows, () => ({ testApp: testApp(), world }));

it('has a row for every /api route in the OpenAPI document', () => {
  const endpoints = rows.map((row) => row.endpoint);
  const documented = Object.entries(testApp().app.openApiDocument.paths ?? {})
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
  expect(documented.length).toBeGreaterThanOrEqual(20);
  expect(documented.filter((endpoint) => !endpoints.includes(endpoint))).toEqual([]);
});
