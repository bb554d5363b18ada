/** Shared by unit tests: the English translator, as pages get it. */
import { createTranslator } from '$lib/i18n';
import { messagesFor } from '$lib/i18n/server';

export const english = () => createTranslator('en', messagesFor('en'));
