// A button for a change that cannot be taken back (remove, delete, leave): it opens a dialog that
// says what will happen, and only its confirm button runs the change. A failure shows in the dialog.
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './query-state';

interface Props {
  /** The button's text, and its accessible name when it differs (a row's "Remove" names whom). */
  label: string;
  ariaLabel?: string;
  title: string;
  explain: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  mutation: Pick<UseMutationResult<unknown, Error, void>, 'isPending' | 'error' | 'reset'>;
  onConfirm(done: () => void): void;
  size?: ButtonProps['size'];
  /** A problem worded for this change (e.g. the last administrator's 409) instead of the general one. */
  problem?: (error: Error) => string | null;
}

export function ConfirmButton(props: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const { mutation } = props;
  const worded = mutation.error ? props.problem?.(mutation.error) : null;
  return (
    <>
      <Button
        color="red"
        variant="subtle"
        size={props.size ?? 'xs'}
        aria-label={props.ariaLabel}
        onClick={() => {
          mutation.reset();
          open();
        }}
      >
        {props.label}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={props.title}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{props.explain}</Text>
          {worded ? (
            <Text size="sm" c="red" role="alert">
              {worded}
            </Text>
          ) : (
            mutation.error && <ErrorMessage error={mutation.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {props.keepLabel}
            </Button>
            <Button color="red" loading={mutation.isPending} onClick={() => props.onConfirm(close)}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
