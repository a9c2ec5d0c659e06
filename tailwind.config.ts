import type { Config } from 'tailwindcss';

/** Tailwind 4 reads its theme from app/globals.css; this file holds what CSS cannot say. */
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  darkMode: 'class',
} satisfies Config;
