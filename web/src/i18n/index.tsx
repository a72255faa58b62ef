// Languages: English, French and Spanish catalogues; react-intl formats dates and numbers in the
// chosen locale. The choice is kept in localStorage and set on <html lang>.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';

export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, fr, es };
const KEY = 'palermo.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  const preferred = navigator.language.slice(0, 2);
  return (LOCALES as readonly string[]).includes(preferred) ? (preferred as Locale) : 'en';
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({ locale: 'en', setLocale: () => {} });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    localStorage.setItem(KEY, locale);
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={locale} messages={CATALOGUES[locale]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

type Values = Record<string, string | number | Date>;

/** t('key', values): a catalogue string, typed by key. */
export function useT() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Values) => intl.formatMessage({ id }, values);
  const date = (iso: string | null | undefined) => (iso ? intl.formatDate(new Date(iso), { dateStyle: 'medium' }) : '');
  const dateTime = (iso: string) => intl.formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const number = (n: number) => intl.formatNumber(n);
  // Intl formats a numeric string exactly (no float on the way); TypeScript's lib types only take numbers.
  const money = (amount: string, currency: string) => new Intl.NumberFormat(intl.locale, { style: 'currency', currency }).format(amount as unknown as number);
  /** Code-list values whose labels live in the catalogue (stages, urgencies, roles...). */
  const code = (prefix: 'stage' | 'urgency' | 'role' | 'modality' | 'action' | 'timeline.kind' | 'dac' | 'verdict', value: string) => {
    const id = `${prefix}.${value}` as MessageKey;
    return id in en ? intl.formatMessage({ id }) : value;
  };
  return { t, date, dateTime, number, money, code, intl };
}

export type { MessageKey };
