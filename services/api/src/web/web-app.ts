// The single-page web app (services/web's `vite build` output), served by the API so that one
// process and one origin carry both in production: no CORS, and the app calls /api/ relatively.
// Files are served as they are; a browser navigation to a client-side route (/teams/…/status,
// /sign-in) gets index.html, and the app's router draws the page.
import type { Logger } from '@rhythm/platform';
import express, { Router, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the web app never answers: the API's own, whose unknown paths stay problem+json 404s. */
const apiPrefixes = ['/api', '/openapi.json', '/docs', '/healthz', '/readyz', '/metrics'];
/** Vite's hashed output: a name changes with its content, so a browser may keep it for good. */
const ASSETS = '/assets';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The app keeps its bearer token in localStorage, so it must run no script but its own and never sit
 * in another site's frame (clickjacking of Cancel). Mantine sets inline styles, and the outbox shows
 * emails in a sandboxed srcdoc frame: hence 'unsafe-inline' for styles only.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const under = (urlPath: string, prefix: string) => urlPath === prefix || urlPath.startsWith(`${prefix}/`);

/**
 * A router serving `distDir`, or null (and one warning) when it holds no index.html: the API then
 * runs without web routes, as in development before the first web build.
 */
export function webApp(dir: string, logger: Logger): Router | null {
  const distDir = path.resolve(dir);
  const indexHtml = path.join(distDir, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn(
      { webDistDir: distDir },
      `web app not built: no ${indexHtml}; serving the API only (build it: npx nx run @rhythm/web:build)`,
    );
    return null;
  }
  const assetsDir = path.join(distDir, 'assets') + path.sep;
  // One metrics series and log label for all of it, not a series per client-side route.
  const label = (res: Response) => {
    res.locals.route = 'web app';
    res.setHeader('Content-Security-Policy', WEB_CSP);
  };
  const router = Router();
  router.use((req, _res, next) =>
    apiPrefixes.some((prefix) => under(req.path, prefix)) ? next('router') : next(),
  );
  router.use(
    express.static(distDir, {
      // A folder without its slash (/assets) would redirect; let it reach the 404 instead.
      redirect: false,
      // index.html and the other unhashed files (favicon) are revalidated on every load, so that a
      // deploy shows at once; the hashed ones never need to be.
      setHeaders: (res, file) => {
        label(res as Response);
        res.setHeader('Cache-Control', file.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  router.use((req, res, next) => {
    // A missing hashed file stays a 404: HTML in its place would be cached as a script.
    if (!['GET', 'HEAD'].includes(req.method) || under(req.path, ASSETS) || !wantsHtml(req)) return next();
    label(res);
    res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } }, (error) => error && next(error));
  });
  return router;
}

/**
 * Browsers name text/html when they navigate; fetch() and API clients send JSON or `*\/*`, and for
 * those an unknown path stays a problem+json 404 rather than a page.
 */
function wantsHtml(req: Request): boolean {
  return /\btext\/html\b/i.test(req.get('accept') ?? '') && req.accepts('html') === 'html';
}
