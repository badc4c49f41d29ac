import { useEffect, useMemo, useState } from 'react';
import { AtlasMap } from './components/AtlasMap.tsx';
import { IndicatorSelect } from './components/IndicatorSelect.tsx';
import { Legend } from './components/Legend.tsx';
import { Provenance } from './components/Provenance.tsx';
import { loadAtlas, type LoadedAtlas } from './data/load-atlas.ts';
import { numericFields } from './data/manifest.ts';
import { localized, t, type Lang } from './i18n.ts';
import { blockStyle } from './state/block-style.ts';

export interface AppProps {
  /** Language at start (read from the URL once, in main.tsx). */
  initialLang: Lang;
  /** Where the layers directory is, relative to the page. @default 'layers/' */
  layersUrl?: string;
}

/** Loads the atlas, then shows the map with its panel (title, indicator choice, legend) and the source line. */
export function App({ initialLang, layersUrl = 'layers/' }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [atlas, setAtlas] = useState<LoadedAtlas | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadAtlas(layersUrl).then(
      (a) => !cancelled && setAtlas(a),
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [layersUrl]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = atlas ? t(lang, 'pageTitle', { atlas: localized(atlas.manifest.atlas.title, lang) }) : t(lang, 'appName');
  }, [lang, atlas]);

  const switchLang = () => {
    const next: Lang = lang === 'nl' ? 'en' : 'nl';
    setLang(next);
    const url = new URL(window.location.href);
    if (next === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    window.history.replaceState(null, '', url);
  };

  if (error) return <p className="status status-error">{t(lang, 'loadError', { message: error })}</p>;
  if (!atlas) return <p className="status">{t(lang, 'loading')}</p>;
  return <AtlasView atlas={atlas} lang={lang} onSwitchLang={switchLang} />;
}

function AtlasView({ atlas, lang, onSwitchLang }: { atlas: LoadedAtlas; lang: Lang; onSwitchLang: () => void }) {
  const { manifest, blocksLayer, data } = atlas;
  const fields = useMemo(() => numericFields(blocksLayer), [blocksLayer]);
  const [indicator, setIndicator] = useState(() =>
    fields.some((f) => f.name === manifest.default_indicator) ? (manifest.default_indicator as string) : (fields[0]?.name ?? ''),
  );
  const field = fields.find((f) => f.name === indicator);
  const blocks = data[blocksLayer.id];
  const style = useMemo(() => blockStyle(blocks.features, indicator, field?.theme), [blocks, indicator, field?.theme]);
  const unit = localized(field?.unit, lang);

  return (
    <>
      <AtlasMap
        data={data}
        blocksId={blocksLayer.id}
        bbox={manifest.atlas.bbox}
        style={style}
        field={{ name: indicator, label: field?.label ?? { nl: indicator }, unit }}
        lang={lang}
      />
      <aside className="panel">
        <header className="panel-header">
          <div className="panel-topline">
            <span className="app-name">{t(lang, 'appName')}</span>
            {manifest.atlas.demo && (
              <span className="demo-badge" title={t(lang, 'demoTitle')}>
                {t(lang, 'demoBadge')}
              </span>
            )}
            <button type="button" className="lang-toggle" onClick={onSwitchLang} aria-label={t(lang, 'switchLanguageLabel')}>
              {t(lang, 'switchLanguage')}
            </button>
          </div>
          <h1>{localized(manifest.atlas.title, lang)}</h1>
        </header>
        {field ? (
          <>
            <IndicatorSelect fields={fields} value={indicator} onChange={setIndicator} lang={lang} />
            <Legend style={style} label={field.label} unit={unit} lang={lang} />
          </>
        ) : (
          <p>{t(lang, 'noIndicators')}</p>
        )}
      </aside>
      <Provenance attribution={manifest.attribution} dataDate={manifest.atlas.data_date} lang={lang} />
    </>
  );
}
