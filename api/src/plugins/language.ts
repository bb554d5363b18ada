import fp from 'fastify-plugin';
import Negotiator from 'negotiator';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../domain/languages.js';
import { InputError } from '../lib/input-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language the answer's names and explanations are in (see languagePlugin). */
    language: Language;
  }
}

/**
 * The language of an answer: `?lang=` when given (once; any other value than en, fr, es or ar is a
 * 400, so a typo is not silently answered in English), else the best match for Accept-Language, else
 * English. It changes words only (names of States and instruments, explanations); codes, dates and
 * numbers are the same in every language. Recommendation texts stay in the language of their source.
 */
export function answerLanguage(langs: string[], acceptLanguage: string | undefined): Language {
  if (langs.length > 1)
    throw new InputError('lang is given more than once: give it once.', [{ path: 'querystring.lang', message: 'must be given once' }]);
  const lang = langs[0] ?? null;
  if (lang !== null) {
    if (!isLanguage(lang))
      throw new InputError(`lang must be one of ${LANGUAGES.join(', ')}; got "${lang}".`, [
        { path: 'querystring.lang', message: `must be one of ${LANGUAGES.join(', ')}` },
      ]);
    return lang;
  }
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } });
  return negotiator.languages([...LANGUAGES]).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

export const languagePlugin = fp(async (app) => {
  app.decorateRequest('language', DEFAULT_LANGUAGE);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api')) return;
    const at = request.url.indexOf('?');
    const langs = at < 0 ? [] : new URLSearchParams(request.url.slice(at + 1)).getAll('lang');
    request.language = answerLanguage(langs, request.headers['accept-language']);
    reply.header('content-language', request.language);
    // Caches must keep one answer per language asked for.
    reply.header('vary', 'Accept-Language');
  });
});
