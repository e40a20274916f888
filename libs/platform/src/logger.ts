import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; secrets never reach them. */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.apiKey',
        '*.password',
        '*.DATABASE_URL',
        '*.RESEND_API_KEY',
      ],
      censor: '[redacted]',
    },
  });
}
