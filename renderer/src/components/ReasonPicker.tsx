/**
 * A reason from a catalogue (kk/ru/en labels from domain/catalogues) plus «Комментарий», required when the
 * catalogue says so («Другое»). Controlled; `valid` tells the caller whether the pair can be submitted.
 */
import { Select, Stack, Textarea } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { requiresComment } from '../../../domain/catalogues';
import type { Localized } from '../../../domain/i18n-languages';
import './i18n';
import { useLanguage } from './useLanguage';

export interface ReasonValue<Id extends string> {
  reason: Id | null;
  comment: string;
}

export function isReasonValid<Id extends string>(value: ReasonValue<Id>): boolean {
  if (!value.reason) return false;
  return !requiresComment(value.reason as Parameters<typeof requiresComment>[0]) || value.comment.trim().length > 0;
}

interface ReasonPickerProps<Id extends string> {
  labels: Readonly<Record<Id, Localized>>;
  value: ReasonValue<Id>;
  onChange: (value: ReasonValue<Id>) => void;
  label?: string;
  /** Enter in the comment submits (Shift+Enter adds a line). */
  onSubmit?: () => void;
}

function ReasonPickerInner<Id extends string>({ labels, value, onChange, label, onSubmit }: ReasonPickerProps<Id>, ref: React.ForwardedRef<HTMLInputElement>) {
  const { t } = useTranslation('components');
  const lang = useLanguage();
  const data = (Object.keys(labels) as Id[]).map((id) => ({ value: id, label: labels[id][lang] }));
  const needsComment = !!value.reason && requiresComment(value.reason as Parameters<typeof requiresComment>[0]);
  return (
    <Stack gap="xs">
      <Select
        ref={ref}
        label={label ?? t('reason.label')}
        placeholder={t('reason.placeholder')}
        data={data}
        value={value.reason}
        onChange={(reason) => onChange({ ...value, reason: (reason as Id | null) ?? null })}
        allowDeselect={false}
        searchable
        required
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('reason.comment')}
        value={value.comment}
        onChange={(e) => onChange({ ...value, comment: e.currentTarget.value })}
        required={needsComment}
        error={needsComment && value.comment.trim() === '' ? t('reason.commentRequired') : undefined}
        autosize
        minRows={2}
        maxLength={1000}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && onSubmit) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
    </Stack>
  );
}

export const ReasonPicker = forwardRef(ReasonPickerInner) as <Id extends string>(
  props: ReasonPickerProps<Id> & { ref?: React.ForwardedRef<HTMLInputElement> },
) => ReturnType<typeof ReasonPickerInner>;
