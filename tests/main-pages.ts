/** The main pages a reader opens, by their English address; the other languages put /fr, /es or /ar first. */
export const MAIN_PAGES = [
  '/',
  '/maps/rome-statute',
  '/compare',
  '/states',
  '/states/KEN',
  '/instruments/rome-statute',
  '/cat-reporting',
  '/upr',
  '/upr/reviews/SVN',
  '/advocacy',
  '/advocacy/rome-statute',
  '/advocacy/opcat/JAM',
  '/advocacy/rome-statute/progress',
  '/agenda',
  '/changes',
  '/follow-up',
  '/follow-up/SVN',
  '/about',
];

/** A page's address in a language: English at the plain address, the others with their code first. */
export const inLanguage = (path: string, lang: string) => (lang === 'en' ? path : path === '/' ? `/${lang}` : `/${lang}${path}`);
