import { formatDate, localized, t, type Lang, type Localized } from '../i18n.ts';

/** The always-visible source line: the manifest's attribution, the basemap's credit while it is shown, and the data date. */
export function Provenance({ attribution, dataDate, extra = [], lang }: { attribution: Localized[]; dataDate?: string; extra?: string[]; lang: Lang }) {
  const parts = [...attribution.map((a) => localized(a, lang)), ...extra];
  if (dataDate) parts.push(t(lang, 'dataDate', { date: formatDate(dataDate, lang) }));
  return (
    <footer className="provenance">
      <span className="provenance-label">{t(lang, 'sources')}:</span> {parts.join(' · ')}
    </footer>
  );
}
