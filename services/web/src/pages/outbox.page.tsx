// Development only: the emails the notifier stored instead of sending (no RESEND_API_KEY), newest
// first, each rendered as it would arrive. The HTML sits in a sandboxed iframe: no scripts, no
// access to this page.
import { Accordion, Alert, Badge, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../api/dev-queries';
import { QueryState } from '../components/query-state';
import { formatInstant } from '../i18n/format';

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const outbox = useOutbox(page);
  return (
    <Stack>
      <Title order={1}>{t('outbox.title')}</Title>
      <Text c="dimmed">{t('outbox.intro')}</Text>
      <QueryState query={outbox}>
        {(data) =>
          data === null ? (
            <Alert color="gray">{t('outbox.notDevelopment')}</Alert>
          ) : data.emails.length === 0 ? (
            <Text>{t('outbox.empty')}</Text>
          ) : (
            <>
              <Text size="sm">{t('outbox.total', { count: data.total })}</Text>
              <Accordion
                variant="separated"
                multiple
                defaultValue={data.emails[0] ? [data.emails[0].id] : []}
              >
                {data.emails.map((email) => (
                  <Accordion.Item key={email.id} value={email.id}>
                    <Accordion.Control>
                      <Stack gap={2}>
                        <Text fw={600} size="sm">
                          {email.subject}
                        </Text>
                        <Group gap="xs">
                          <Badge variant="light">{email.to}</Badge>
                          <Text size="xs" c="dimmed">
                            {formatInstant(email.createdAt, i18n.language)}
                          </Text>
                        </Group>
                      </Stack>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <iframe
                        title={t('outbox.frameTitle', { subject: email.subject })}
                        // No scripts, no access to this page; links open in a new tab (a link
                        // followed inside the frame would load the app without its scripts).
                        sandbox="allow-popups allow-popups-to-escape-sandbox"
                        srcDoc={`<base target="_blank">${email.html}`}
                        style={{ width: '100%', height: 480, border: 0, background: 'white' }}
                      />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
              <Pagination
                total={Math.max(1, Math.ceil(data.total / data.pageSize))}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`outbox.${control}`) })}
                getItemProps={(number) => ({ 'aria-label': t('outbox.page', { number }) })}
              />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
