import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('errors.pageNotFound')}</Title>
      <Text>{t('errors.pageNotFoundHint')}</Text>
      <Button component={Link} to="/">
        {t('nav.overview')}
      </Button>
    </Stack>
  );
}
