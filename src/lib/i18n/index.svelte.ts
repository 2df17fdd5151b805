/** The current UI language (zh default), remembered in localStorage, and the translation function. */
import { catalogs, type Locale, type MessageKey } from './messages.ts';

const KEY = 'rol.locale';

class I18n {
  locale = $state<Locale>('zh');

  /** Called once on the client: restores the remembered language. */
  restore(): void {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'en' || saved === 'zh') this.locale = saved;
    this.apply();
  }

  set(l: Locale): void {
    this.locale = l;
    globalThis.localStorage?.setItem(KEY, l);
    this.apply();
  }

  private apply(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale === 'zh' ? 'zh-CN' : 'en';
  }

  t = (key: MessageKey, vars: Record<string, string | number> = {}): string =>
    catalogs[this.locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export const i18n = new I18n();
export const t = i18n.t;
