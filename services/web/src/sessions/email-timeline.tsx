// The session's emails as a timeline: what went out (when, to whom, which were skipped and why),
// then what the workflow sends next and to whom. The deliveries are the notifier's durable record;
// `next` follows the workflow's own rule.
import { ColorSwatch, List, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatDay, formatInstant } from '../i18n/format';

type Status = Schemas['SessionStatus'];
type Delivery = Schemas['Delivery'];
const stateColor = { sent: 'green', skipped: 'gray', failed: 'red' } as const;

interface Batch {
  step: Delivery['step'];
  sessionDate: string;
  at: string;
  deliveries: Delivery[];
}

/** One batch per step and session date (a move re-plans the reminder for the new date). */
function batches(deliveries: Delivery[]): Batch[] {
  const byKey = new Map<string, Batch>();
  for (const delivery of [...deliveries].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = `${delivery.step}/${delivery.sessionDate}`;
    const batch = byKey.get(key) ?? {
      step: delivery.step,
      sessionDate: delivery.sessionDate,
      at: delivery.at,
      deliveries: [],
    };
    batch.deliveries.push(delivery);
    byKey.set(key, batch);
  }
  return [...byKey.values()];
}

/** "2 of 3 sent · " when some of a batch failed, so the failure reads before the names. */
function summary(batch: Batch, t: TFunction): string {
  const failed = batch.deliveries.filter((delivery) => delivery.state === 'failed').length;
  if (failed === 0) return '';
  const sent = batch.deliveries.filter((delivery) => delivery.state === 'sent').length;
  return `${t('timeline.summary', { sent, total: sent + failed })} · `;
}

export function EmailTimeline({ status, timeZone }: { status: Status; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const sent = batches(status.deliveries);
  const { next } = status;
  return (
    <Timeline active={sent.length - 1} bulletSize={18} lineWidth={2} aria-label={t('timeline.title')}>
      {sent.map((batch) => (
        <Timeline.Item key={`${batch.step}/${batch.sessionDate}`} title={t(`steps.${batch.step}`)}>
          <Text size="sm" c="dimmed">
            {summary(batch, t)}
            {t('timeline.sentAt', { at: formatInstant(batch.at, i18n.language, timeZone) })}
            {batch.sessionDate !== status.session.date &&
              ` · ${t('timeline.forDate', { date: formatDay(batch.sessionDate, i18n.language, 'medium') })}`}
          </Text>
          <List size="sm" mt={4} spacing={2}>
            {batch.deliveries.map((delivery) => (
              <List.Item
                key={delivery.userId}
                icon={
                  <ColorSwatch size={10} color={`var(--mantine-color-${stateColor[delivery.state]}-6)`} />
                }
              >
                {delivery.name}: {t(`deliveryStates.${delivery.state}`)}
                {delivery.providerStatus ? `, ${t(`providerStatus.${delivery.providerStatus}`)}` : ''}
                {delivery.reason ? ` (${delivery.reason})` : ''}
              </List.Item>
            ))}
          </List>
        </Timeline.Item>
      ))}
      {status.skippedSteps.map((skip) => (
        <Timeline.Item key={`skipped/${skip.step}/${skip.reason}`} title={t(`steps.${skip.step}`)}>
          <Text size="sm" c="dimmed">
            {t('deliveryStates.skipped')} ({skip.reason})
          </Text>
        </Timeline.Item>
      ))}
      {next ? (
        <Timeline.Item title={t('timeline.next', { step: t(`nextSteps.${next.step}`) })} lineVariant="dashed">
          <Text size="sm">{formatInstant(next.at, i18n.language, timeZone)}</Text>
          {next.step !== 'held' && (
            <Text size="sm" c="dimmed">
              {next.recipients.length === 0
                ? t('timeline.nobody')
                : t('timeline.to', {
                    names: next.recipients
                      .map((recipient) =>
                        t('timeline.recipient', {
                          name: recipient.owner.name,
                          count: recipient.items.length,
                        }),
                      )
                      .join(', '),
                  })}
            </Text>
          )}
        </Timeline.Item>
      ) : (
        <Timeline.Item title={t('timeline.done')}>
          <Text size="sm" c="dimmed">
            {t(`timeline.doneBecause.${status.session.state}`)}
          </Text>
        </Timeline.Item>
      )}
    </Timeline>
  );
}
