import type { Locale } from '$lib/i18n';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** One entry per invalid field, as the API gives them for a bad query. */
      details?: { path: string; message: string }[];
    }
    interface Locals {
      locale: Locale;
    }
  }
}

export {};
