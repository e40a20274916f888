import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = process.env.RHYTHM_ROOT ?? path.resolve(fileURLToPath(import.meta.url), '../../../..');
/** Provisioned toolchains and servers (git-ignored). */
export const toolsDir = path.join(root, '.tools');
/** Local state: Temporal's SQLite file, PostgreSQL data, logs (git-ignored). */
export const dataDir = path.join(root, '.data');
