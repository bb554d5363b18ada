/** Shared by unit tests: the English translator, as pages get it. */
import { createTranslator } from '$lib/i18n';
import en from '$lib/i18n/locales/en.json';

export const english = () => createTranslator('en', en);
