/// <reference types="vite/client" />
// Export dialog: previews the print page and downloads it as PDF, SVG or PNG. The page comes from the
// same core composition as `wijkatlas export` (src/core/page), so the app and the CLI draw the same map.
// Self-contained: its own Dutch/English strings and styles; the app only mounts it.
import type { Feature } from 'geojson';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { composeAtlasPages } from '../../core/page/compose-atlas-pages.ts';
import { composeMapPage } from '../../core/page/compose-map-page.ts';
import type { ClassMethod } from '../../core/page/classify-indicator.ts';
import type { PageManifest, MapPageOptions } from '../../core/page/page-input.ts';
import type { Orientation, Paper } from '../../core/page/page-layout.ts';
import type { Page } from '../../core/page/page-model.ts';
import { pagePixels, pageToSvg } from '../../core/page/page-to-svg.ts';
import type { PageLang } from '../../core/page/page-strings.ts';
import { downloadFile } from './download-file.ts';
import { loadFonts, pagesToPdfBlob, pageToPngBlob, type Fonts } from './page-files.ts';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  /** The atlas manifest as the app loaded it (layers/manifest.json). */
  manifest: PageManifest;
  /** Features by layer id, longitude/latitude, as loaded by the app (at least the thematic layer; 'area', streets, railways if present). */
  layers: Record<string, readonly Feature[]>;
  /** Indicator shown on the map (a numeric field of `layer`). */
  indicator: string;
  /** Layer coloured by the indicator. @default the manifest's layer of kind 'blocks' */
  layer?: string;
  /** Language of the dialog and default language of the page. @default 'nl' */
  lang?: PageLang;
  /** Creation date printed on the page (ISO). @default today in the browser */
  createdOn?: string;
  /** Called when the user closes the dialog. */
  onClose: () => void;
}

const STRINGS = {
  nl: {
    title: 'Kaart exporteren',
    close: 'Sluiten',
    paper: 'Papier',
    orientation: 'Oriëntatie',
    landscape: 'liggend',
    portrait: 'staand',
    pageLang: 'Taal van de kaart',
    method: 'Klassen',
    quantile: 'kwantielen',
    equal: 'gelijke intervallen',
    jenks: 'natuurlijke grenzen (Jenks)',
    manual: 'vaste grenzen',
    classes: 'Aantal klassen',
    breaks: 'Grenzen (bv. 25; 50; 75)',
    mapTitle: 'Titel',
    note: 'Opmerking (optioneel)',
    streetNames: 'Straatnamen op de kaart',
    atlas: 'Atlas: één blad per object van',
    atlasNone: 'nee, één kaart',
    format: 'Formaat',
    dpi: 'Resolutie',
    download: 'Downloaden',
    working: 'Bezig…',
    preview: 'Voorbeeld van het blad',
    pages: '{n} bladen; het voorbeeld toont het eerste.',
    atlasPdfOnly: 'Een atlas wordt als één PDF gedownload.',
    pdfFailed: 'PDF maken lukte niet in deze browser ({message}). Download SVG of PNG.',
    fontsFailed: 'Het lettertype kon niet geladen worden; het voorbeeld gebruikt een ander lettertype.',
  },
  en: {
    title: 'Export map',
    close: 'Close',
    paper: 'Paper',
    orientation: 'Orientation',
    landscape: 'landscape',
    portrait: 'portrait',
    pageLang: 'Map language',
    method: 'Classes',
    quantile: 'quantiles',
    equal: 'equal intervals',
    jenks: 'natural breaks (Jenks)',
    manual: 'fixed breaks',
    classes: 'Number of classes',
    breaks: 'Breaks (e.g. 25; 50; 75)',
    mapTitle: 'Title',
    note: 'Note (optional)',
    streetNames: 'Street names on the map',
    atlas: 'Atlas: one page per feature of',
    atlasNone: 'no, one map',
    format: 'Format',
    dpi: 'Resolution',
    download: 'Download',
    working: 'Working…',
    preview: 'Preview of the page',
    pages: '{n} pages; the preview shows the first.',
    atlasPdfOnly: 'An atlas downloads as one PDF.',
    pdfFailed: 'Could not make the PDF in this browser ({message}). Download SVG or PNG instead.',
    fontsFailed: 'The font could not be loaded; the preview uses another font.',
  },
} as const;

type Format = 'pdf' | 'svg' | 'png';
const METHODS: ClassMethod[] = ['quantile', 'jenks', 'equal', 'manual'];

const S: Record<string, CSSProperties> = {
  backdrop: { position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.45)', display: 'flex', alignItems: 'center', justifyContent: 'center', zIndex: 1000 },
  dialog: { background: '#fff', color: '#1a1a1a', borderRadius: 6, width: 'min(1100px, 96vw)', maxHeight: '94vh', display: 'flex', flexDirection: 'column', boxShadow: '0 8px 32px rgba(0,0,0,0.3)', font: '14px system-ui, sans-serif' },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '10px 16px', borderBottom: '1px solid #ddd' },
  body: { display: 'flex', gap: 16, padding: 16, overflow: 'auto', flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: 10, width: 280, flex: '0 0 auto' },
  label: { display: 'flex', flexDirection: 'column', gap: 3, fontSize: 13 },
  preview: { flex: '1 1 500px', minWidth: 300, display: 'flex', flexDirection: 'column', gap: 6 },
  img: { width: '100%', height: 'auto', border: '1px solid #ccc', background: '#fff' },
  error: { color: '#b00020', fontSize: 13 },
  muted: { color: '#555', fontSize: 12 },
};

/**
 * A modal dialog that previews the print page of the current indicator and downloads it as PDF
 * (vector, fonts embedded), SVG or PNG (150/300/600 dpi), or an atlas of one page per feature as one
 * PDF. Same composition as `wijkatlas export`.
 *
 * @example
 * {exporting && <ExportDialog manifest={manifest} layers={layers} indicator={field} lang={lang} onClose={() => setExporting(false)} />}
 */
export function ExportDialog({ manifest, layers, indicator, layer, lang = 'nl', createdOn, onClose }: ExportDialogProps) {
  const t = STRINGS[lang];
  const layerId = layer ?? manifest.layers.find((l) => l.kind === 'blocks')?.id ?? manifest.layers[0]?.id ?? '';
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [pageLang, setPageLang] = useState<PageLang>(lang);
  const [method, setMethod] = useState<ClassMethod>('quantile');
  const [classes, setClasses] = useState(5);
  const [breaksText, setBreaksText] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [streetNames, setStreetNames] = useState(true);
  const [atlasLayer, setAtlasLayer] = useState('');
  const [format, setFormat] = useState<Format>('pdf');
  const [dpi, setDpi] = useState(300);
  const [fonts, setFonts] = useState<Fonts | null>(null);
  const [fontError, setFontError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState('');
  const closeRef = useRef<HTMLButtonElement>(null);
  const date = createdOn ?? new Date().toISOString().slice(0, 10);

  useEffect(() => {
    let live = true;
    loadFonts().then(
      (f) => live && setFonts(f),
      () => live && setFontError(true),
    );
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const result = useMemo((): { pages: Page[]; error?: undefined } | { pages?: undefined; error: string } => {
    const breaks = method === 'manual' ? breaksText.split(/[;\s]+/).filter(Boolean).map((s) => Number(s.replace(',', '.'))) : undefined;
    const options: MapPageOptions = { layer: layerId, indicator, createdOn: date, paper, orientation, lang: pageLang, method, classes, breaks, title: title || undefined, note: note || undefined, streetNames };
    try {
      if (atlasLayer) return { pages: composeAtlasPages({ manifest, layers }, { ...options, atlasLayer }).pages };
      return { pages: [composeMapPage({ manifest, layers }, options).page] };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [manifest, layers, layerId, indicator, date, paper, orientation, pageLang, method, classes, breaksText, title, note, streetNames, atlasLayer]);

  const previewUrl = useMemo(() => {
    if (!result.pages) return '';
    const svg = pageToSvg(result.pages[0], { fontFaces: fonts?.faces });
    return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  }, [result, fonts]);
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );

  const effectiveFormat: Format = atlasLayer ? 'pdf' : format;
  const baseName = `${indicator}-${paper}-${orientation}${atlasLayer ? `-atlas-${atlasLayer}` : ''}`;

  async function onDownload() {
    if (!result.pages) return;
    setBusy(true);
    setDownloadError('');
    try {
      if (effectiveFormat === 'svg') downloadFile(new Blob([pageToSvg(result.pages[0])], { type: 'image/svg+xml' }), `${baseName}.svg`);
      else if (effectiveFormat === 'png') downloadFile(await pageToPngBlob(result.pages[0], dpi, (fonts ?? (await loadFonts())).faces), `${baseName}-${dpi}dpi.png`);
      else {
        try {
          downloadFile(await pagesToPdfBlob(result.pages, (fonts ?? (await loadFonts())).bytes, date), `${baseName}.pdf`);
        } catch (err) {
          setDownloadError(t.pdfFailed.replace('{message}', err instanceof Error ? err.message : String(err)));
        }
      }
    } catch (err) {
      setDownloadError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={S.backdrop} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby="export-dialog-title" style={S.dialog} className="export-dialog">
        <div style={S.head}>
          <strong id="export-dialog-title">{t.title}</strong>
          <button type="button" ref={closeRef} onClick={onClose}>
            {t.close}
          </button>
        </div>
        <div style={S.body}>
          <form style={S.form} onSubmit={(e) => (e.preventDefault(), void onDownload())}>
            <label style={S.label}>
              {t.mapTitle}
              <input value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label style={S.label}>
              {t.paper}
              <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
                <option value="A4">A4</option>
                <option value="A3">A3</option>
              </select>
            </label>
            <label style={S.label}>
              {t.orientation}
              <select value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
                <option value="landscape">{t.landscape}</option>
                <option value="portrait">{t.portrait}</option>
              </select>
            </label>
            <label style={S.label}>
              {t.pageLang}
              <select value={pageLang} onChange={(e) => setPageLang(e.target.value as PageLang)}>
                <option value="nl">Nederlands</option>
                <option value="en">English</option>
              </select>
            </label>
            <label style={S.label}>
              {t.method}
              <select value={method} onChange={(e) => setMethod(e.target.value as ClassMethod)}>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t[m]}
                  </option>
                ))}
              </select>
            </label>
            {method === 'manual' ? (
              <label style={S.label}>
                {t.breaks}
                <input value={breaksText} onChange={(e) => setBreaksText(e.target.value)} placeholder="25; 50; 75" />
              </label>
            ) : (
              <label style={S.label}>
                {t.classes}
                <input type="number" min={2} max={9} value={classes} onChange={(e) => setClasses(Math.min(9, Math.max(2, Math.round(Number(e.target.value) || 5))))} />
              </label>
            )}
            <label style={S.label}>
              {t.note}
              <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <label>
              <input type="checkbox" checked={streetNames} onChange={(e) => setStreetNames(e.target.checked)} /> {t.streetNames}
            </label>
            <label style={S.label}>
              {t.atlas}
              <select value={atlasLayer} onChange={(e) => setAtlasLayer(e.target.value)}>
                <option value="">{t.atlasNone}</option>
                {manifest.layers
                  .filter((l) => layers[l.id] && /Polygon/.test(l.geometry ?? 'Polygon'))
                  .map((l) => (
                    <option key={l.id} value={l.id}>
                      {(pageLang === 'en' ? l.label.en : undefined) ?? l.label.nl}
                    </option>
                  ))}
              </select>
            </label>
            <label style={S.label}>
              {t.format}
              <select value={effectiveFormat} disabled={!!atlasLayer} onChange={(e) => setFormat(e.target.value as Format)}>
                <option value="pdf">PDF</option>
                <option value="svg">SVG</option>
                <option value="png">PNG</option>
              </select>
            </label>
            {atlasLayer && <span style={S.muted}>{t.atlasPdfOnly}</span>}
            {effectiveFormat === 'png' && (
              <label style={S.label}>
                {t.dpi}
                <select value={dpi} onChange={(e) => setDpi(Number(e.target.value))}>
                  {[150, 300, 600].map((d) => (
                    <option key={d} value={d}>
                      {d} dpi ({pagePixels(result.pages?.[0] ?? { width: 297, height: 210 }, d).width} × {pagePixels(result.pages?.[0] ?? { width: 297, height: 210 }, d).height} px)
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="submit" disabled={busy || !result.pages}>
              {busy ? t.working : `${t.download} (${effectiveFormat.toUpperCase()})`}
            </button>
            {downloadError && <span style={S.error}>{downloadError}</span>}
          </form>
          <div style={S.preview}>
            {result.error ? <p style={S.error}>{result.error}</p> : <img style={S.img} src={previewUrl} alt={t.preview} />}
            {result.pages && result.pages.length > 1 && <span style={S.muted}>{t.pages.replace('{n}', String(result.pages.length))}</span>}
            {fontError && <span style={S.muted}>{t.fontsFailed}</span>}
          </div>
        </div>
      </div>
    </div>
  );
}

export default ExportDialog;
