// "Add to your calendar" from an email or a page: the API's calendar file needs the bearer token,
// which a plain link cannot carry, so the link opens this page, which fetches the file signed in and
// hands it to the browser as a download. The file's UID and SEQUENCE make a calendar that imported
// it update the event when the session moves.
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSessionCalendarFile } from '../api/queries';
import { QueryState } from '../components/query-state';

export function CalendarDownloadPage() {
  const { t } = useTranslation();
  const { teamId = '', sessionId = '' } = useParams();
  const file = useSessionCalendarFile(teamId, sessionId);
  return (
    <Stack>
      <Title order={1}>{t('calendarFile.title')}</Title>
      <QueryState query={file}>
        {(blob) => <Download blob={blob} sessionId={sessionId} teamId={teamId} />}
      </QueryState>
    </Stack>
  );
}

function Download({ blob, teamId, sessionId }: { blob: Blob; teamId: string; sessionId: string }) {
  const { t } = useTranslation();
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  const fileName = `rhythm-session-${sessionId}.ics`;
  // The object URL is not revoked: it is one small file, gone with the page, and "Download again"
  // still needs it.
  useEffect(() => {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
  }, [url, fileName]);
  return (
    <Alert color="green">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('calendarFile.started')}</Text>
        <Group gap="sm">
          <Button component="a" href={url} download={fileName} size="xs" variant="light">
            {t('calendarFile.again')}
          </Button>
          <Anchor component={Link} to={`/teams/${teamId}/sessions/${sessionId}`} size="sm">
            {t('overview.itemsInvolved')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
