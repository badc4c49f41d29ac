import { localized, t, themeLabel, type Lang } from '../i18n.ts';
import type { ManifestField } from '../data/manifest.ts';

/** Fields grouped by theme, groups in order of first appearance. */
function byTheme(fields: ManifestField[]): [string | undefined, ManifestField[]][] {
  const groups = new Map<string | undefined, ManifestField[]>();
  for (const f of fields) groups.set(f.theme, [...(groups.get(f.theme) ?? []), f]);
  return [...groups];
}

/** Keyboard-reachable choice of the mapped indicator, labelled in the current language, grouped by theme. */
export function IndicatorSelect({ fields, value, onChange, lang }: { fields: ManifestField[]; value: string; onChange: (name: string) => void; lang: Lang }) {
  const current = fields.find((f) => f.name === value);
  const groups = byTheme(fields);
  const option = (f: ManifestField) => (
    <option key={f.name} value={f.name}>
      {localized(f.label, lang)}
    </option>
  );
  return (
    <div className="indicator">
      <label htmlFor="indicator-select">{t(lang, 'indicator')}</label>
      <select id="indicator-select" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby="indicator-description">
        {groups.length > 1
          ? groups.map(([theme, list]) => (
              <optgroup key={theme ?? ''} label={themeLabel(theme, lang)}>
                {list.map(option)}
              </optgroup>
            ))
          : fields.map(option)}
      </select>
      {current?.description && (
        <p id="indicator-description" className="indicator-description">
          {localized(current.description, lang)}
        </p>
      )}
    </div>
  );
}
