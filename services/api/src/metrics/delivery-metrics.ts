// What ops alert on when email fails: the emails of upcoming sessions that the provider refused
// (or the notifier gave up on) and that have not gone out since, by step. Read from the Delivery
// rows at scrape time, so every API replica reports the same durable truth, whichever notifier
// replica recorded the failure. Alert when it stays above 0: someone must fix the cause and retry.
import { DeliveryStep } from '@rhythm/domain';
import type { Orm } from '@rhythm/persistence';
import { Gauge, type Registry } from 'prom-client';

export function registerDeliveryMetrics(registry: Registry, orm: Orm): void {
  new Gauge({
    name: 'rhythm_failed_emails',
    help: 'Failed emails of scheduled sessions, not sent since (retry from Process status once the cause is fixed).',
    labelNames: ['step'] as const,
    registers: [registry],
    async collect() {
      const rows: { step: string; count: string }[] = await orm.em.fork().execute(
        `select d."step", count(*) as "count" from "delivery" d
         join "session" s on s."id" = d."session_id"
         where d."state" = 'failed' and s."state" = 'scheduled' group by d."step"`,
      );
      this.reset();
      for (const step of DeliveryStep.options) {
        const row = rows.find((r) => r.step === step);
        this.set({ step }, row ? Number(row.count) : 0);
      }
    },
  });
}
