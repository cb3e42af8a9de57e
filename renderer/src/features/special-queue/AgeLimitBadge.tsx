/** The child turns 7 this year while the application waits: the server will archive it (the queue's age limit). */
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './i18n';

export function AgeLimitBadge({ size = 'sm' }: { size?: 'sm' | 'lg' }) {
  const { t } = useTranslation('specialQueue');
  return (
    <Tooltip label={t('ageLimitHint')} multiline w={300}>
      <Badge size={size} variant="light" color="orange" data-age-limit style={{ textTransform: 'none' }}>
        {t('ageLimit')}
      </Badge>
    </Tooltip>
  );
}
