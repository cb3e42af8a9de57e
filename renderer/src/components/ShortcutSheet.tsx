/** The «?» sheet: every keyboard shortcut of the current screen. */
import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './i18n';

export interface Shortcut {
  keys: string[];
  label: string;
}

export function ShortcutSheet({ opened, onClose, shortcuts }: { opened: boolean; onClose: () => void; shortcuts: readonly Shortcut[] }) {
  const { t } = useTranslation('components');
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {shortcuts.map((s) => (
            <Table.Tr key={s.label}>
              <Table.Td w={140}>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{s.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
