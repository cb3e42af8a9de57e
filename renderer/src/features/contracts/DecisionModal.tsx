/**
 * The frame of every decision dialog: title, body, Cancel + the signing button. The dialog takes the focus;
 * Ctrl+Enter confirms wherever the focus is; the signing button becomes the focused default as soon as it can be
 * pressed (e.g. once the contract PDF is verified), so Enter signs.
 */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmKey } from '../../components/useShortcuts';
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
  const confirmRef = useRef<HTMLButtonElement>(null);
  useConfirmKey(props.opened, confirm);
  useEffect(() => {
    if (props.opened && props.canConfirm) confirmRef.current?.focus();
  }, [props.opened, props.canConfirm]);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size={props.size ?? 'lg'} closeOnClickOutside={!props.busy}>
      <Stack gap="md">
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={props.busy}>
            {t('documents.cancel')}
          </Button>
          <Button color={props.color} leftSection={<IconSignature size={18} />} onClick={confirm} disabled={!props.canConfirm} loading={props.busy} ref={confirmRef} data-autofocus>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
