/** The «?» sheet: every keyboard shortcut of the current screen, and that they work on any keyboard layout. */
import { Kbd, Modal, Table, Text } from '@mantine/core';
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
      <Text size="sm" c="dimmed" mt="sm">
        {t('shortcuts.anyLayout')}
      </Text>
    </Modal>
  );
}
