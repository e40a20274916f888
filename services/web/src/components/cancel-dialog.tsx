// "Cancel …" behind a confirmation with an optional reason (quoted in the cancellation emails):
// one dialog for cancelling a session and a whole series. `texts` is the caller's i18n section,
// which has the keys cancel, cancelTitle, cancelExplain, keep and confirmCancel.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './query-state';

interface Props {
  texts: 'controls' | 'series';
  cancel: UseMutationResult<unknown, Error, string | undefined>;
  onCancelled(): void;
}

export function CancelDialog({ texts, cancel, onCancelled }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={open}>
          {t(`${texts}.cancel`)}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t(`${texts}.cancelTitle`)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        // After a cancellation the button that opened it may be gone; onCancelled decides.
        returnFocus={!cancel.isSuccess}
      >
        <Stack gap="sm">
          <Text size="sm">{t(`${texts}.cancelExplain`)}</Text>
          <Textarea
            label={t('controls.reason')}
            description={t('controls.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
          />
          {cancel.isError && <ErrorMessage error={cancel.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t(`${texts}.keep`)}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(reason.trim() || undefined, {
                  onSuccess: () => {
                    close();
                    onCancelled();
                  },
                })
              }
            >
              {t(`${texts}.confirmCancel`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
