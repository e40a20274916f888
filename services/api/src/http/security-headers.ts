// Security headers on every response (OWASP API8), through helmet: no MIME sniffing, no referrer
// leaking ids in paths, a content security policy that lets the web app and /docs load only from
// this origin (inline styles allowed: Mantine and Swagger UI set them), and, for the API's answers,
// `Cache-Control: no-store` (they carry a person's data; no proxy or browser cache keeps them).
// HSTS only on requests that came over TLS (directly or through the trusted proxy): on plain HTTP,
// as in development, it would be meaningless, and a browser pinned to HTTPS on localhost is a trap.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(): RequestHandler[] {
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
    (req, res, next) => {
      if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
