/** Editor tabs, kept in localStorage so a reload finds every tab's text where it was. */
import { z } from 'zod';

export const Tab = z.object({ id: z.string(), title: z.string(), sql: z.string() });
export type Tab = z.infer<typeof Tab>;
export const TabsState = z.object({ tabs: z.array(Tab).min(1), active: z.string() });
export type TabsState = z.infer<typeof TabsState>;

const KEY = 'rol.sql.tabs';

export const newTabId = (): string => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function defaultTabs(firstSql: string): TabsState {
  const id = newTabId();
  return { tabs: [{ id, title: 'SQL 1', sql: firstSql }], active: id };
}

export function loadTabs(storage: Pick<Storage, 'getItem'> | undefined, firstSql: string): TabsState {
  try {
    const raw = storage?.getItem(KEY);
    if (raw) {
      const parsed = TabsState.safeParse(JSON.parse(raw));
      if (parsed.success) {
        const s = parsed.data;
        return s.tabs.some((t) => t.id === s.active) ? s : { ...s, active: s.tabs[0]!.id };
      }
    }
  } catch {
    // A damaged entry must not cost the page: start fresh.
  }
  return defaultTabs(firstSql);
}

export function saveTabs(storage: Pick<Storage, 'setItem'> | undefined, s: TabsState): void {
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or disabled: the tabs live on in memory for this visit.
  }
}

/** "SQL 3" for the next tab: one more than the highest number in use. */
export function nextTitle(tabs: Tab[], stem = 'SQL'): string {
  const n = Math.max(0, ...tabs.map((t) => Number(/(\d+)$/.exec(t.title)?.[1] ?? 0)));
  return `${stem} ${n + 1}`;
}
