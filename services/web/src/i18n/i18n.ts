// English and Dutch. The keys are typed from the English dictionary (CustomTypeOptions below), and
// the Dutch one must have exactly the same shape, so a missing translation is a compile error.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const languages = ['en', 'nl'] as const;
export type Language = (typeof languages)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const KEY = 'rhythm.language';

/** The saved choice, else the browser's language when we speak it, else English. */
export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(KEY);
  if (saved === 'en' || saved === 'nl') return saved;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return browser === 'nl' ? 'nl' : 'en';
}

export function createI18n(language: Language = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    globalThis.localStorage?.setItem(KEY, lng);
    if (globalThis.document) document.documentElement.lang = lng;
  });
  if (globalThis.document) document.documentElement.lang = language;
  return instance;
}
