import type { Locale } from '$lib/i18n';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      locale: Locale;
    }
  }
}

export {};
