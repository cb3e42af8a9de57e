/** The frame of every decision dialog: title, body, Cancel + the signing button; Ctrl+Enter confirms. */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

export interface DecisionModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  canConfirm: boolean;
  busy: boolean;
  size?: string;
  color?: string;
  children: ReactNode;
}

export function DecisionModal(props: DecisionModalProps) {
  const { t } = useTranslation('contracts');
  const confirm = () => props.canConfirm && !props.busy && props.onConfirm();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size={props.size ?? 'lg'} closeOnClickOutside={!props.busy}>
      <Stack
        gap="md"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            confirm();
          }
        }}
      >
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={props.busy}>
            {t('documents.cancel')}
          </Button>
          <Button color={props.color} leftSection={<IconSignature size={18} />} onClick={confirm} disabled={!props.canConfirm} loading={props.busy} data-autofocus>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
