import { createTheme } from '@mantine/core';

/** Calm, readable defaults for a full working day: one primary colour, slightly larger text. */
export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: '"DejaVu Sans", "Segoe UI", "Noto Sans", Arial, sans-serif',
  defaultRadius: 'md',
  fontSizes: { md: '15px' },
});
