import { t, type Lang } from '../i18n.ts';
import type { LayerState } from '../state/url-state.ts';

export interface LayersPanelProps {
  /** Top of the drawing order first. */
  layers: LayerState[];
  /** Display name per layer id. */
  names: Record<string, string>;
  /** Ids of layers that fetch from the internet (shown with a note). */
  online?: string[];
  onChange: (layers: LayerState[]) => void;
  lang: Lang;
}

/** Visibility, opacity and order of every layer, all by keyboard. */
export function LayersPanel({ layers, names, online = [], onChange, lang }: LayersPanelProps) {
  const update = (i: number, patch: Partial<LayerState>) => onChange(layers.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...layers];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <ol className="layers-list">
      {layers.map((l, i) => {
        const name = names[l.id] ?? l.id;
        return (
          <li key={l.id} className="layer-row" data-layer={l.id}>
            <label className="layer-name">
              <input type="checkbox" checked={l.visible} onChange={(e) => update(i, { visible: e.target.checked })} aria-label={t(lang, 'layerVisible', { layer: name })} />
              <span title={name}>{name}</span>
            </label>
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={Math.round(l.opacity * 100)}
              onChange={(e) => update(i, { opacity: Number(e.target.value) / 100 })}
              aria-label={t(lang, 'layerOpacity', { layer: name })}
              aria-valuetext={`${Math.round(l.opacity * 100)} %`}
            />
            <span className="layer-move">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t(lang, 'layerUp', { layer: name })}>
                ▲
              </button>
              <button type="button" disabled={i === layers.length - 1} onClick={() => move(i, 1)} aria-label={t(lang, 'layerDown', { layer: name })}>
                ▼
              </button>
            </span>
            {online.includes(l.id) && <span className="layer-note">{t(lang, 'basemapNote')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
