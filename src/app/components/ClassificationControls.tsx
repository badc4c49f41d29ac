import { useEffect, useState } from 'react';
import { CLASSIFICATION_METHODS, DIVERGING_SCHEMES, MAX_CLASSES, MIN_CLASSES, SEQUENTIAL_SCHEMES, type ClassificationMethod, type PaletteScheme } from '../../core/classify/index.ts';
import { t, type Lang, type MessageKey } from '../i18n.ts';
import type { StyleChoice } from '../state/block-style.ts';

export interface ClassificationControlsProps {
  choice: StyleChoice;
  /** The breaks in use now (what "lock" freezes and "manual" starts from). */
  currentBreaks: readonly number[];
  /** The scheme chosen automatically when `choice.scheme` is null. */
  autoScheme: PaletteScheme;
  onChange: (choice: StyleChoice) => void;
  lang: Lang;
}

/** Parse "20; 40,5; 60" (Dutch decimal comma) or "20; 40.5; 60" into ascending numbers, or null. */
export function parseBreaks(text: string, lang: Lang): number[] | null {
  const parts = text.split(';').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_CLASSES - 1) return null;
  const nums = parts.map((s) => Number(lang === 'nl' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')));
  return nums.every(Number.isFinite) && nums.every((n, i) => i === 0 || n > nums[i - 1]) ? nums : null;
}

function formatBreaks(breaks: readonly number[], lang: Lang): string {
  return breaks.map((b) => (lang === 'nl' ? String(Number(b.toPrecision(6))).replace('.', ',') : String(Number(b.toPrecision(6))))).join('; ');
}

/** Method, number of classes, palette (sequential or diverging), reverse, lock, and manual breaks. */
export function ClassificationControls({ choice, currentBreaks, autoScheme, onChange, lang }: ClassificationControlsProps) {
  const [draft, setDraft] = useState(() => formatBreaks(choice.breaks ?? currentBreaks, lang));
  const [invalid, setInvalid] = useState(false);
  const manual = choice.method === 'manual';
  const locked = choice.breaks !== null && !manual;
  const fixedCount = choice.method === 'box' || manual || locked;

  useEffect(() => {
    if (manual) setDraft(formatBreaks(choice.breaks ?? currentBreaks, lang));
    // re-seed only when the method or language changes, not while typing
  }, [manual, lang]);

  const setMethod = (method: ClassificationMethod) => {
    if (method === 'manual') onChange({ ...choice, method, breaks: [...currentBreaks] });
    else onChange({ ...choice, method, breaks: null });
  };
  const applyDraft = () => {
    const parsed = parseBreaks(draft, lang);
    setInvalid(parsed === null);
    if (parsed) onChange({ ...choice, breaks: parsed });
  };

  return (
    <fieldset className="classification">
      <legend>{t(lang, 'classification')}</legend>
      <div className="control-grid">
        <label htmlFor="method-select">{t(lang, 'method')}</label>
        <select id="method-select" value={choice.method} onChange={(e) => setMethod(e.target.value as ClassificationMethod)}>
          {CLASSIFICATION_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(lang, `method_${m}` as MessageKey)}
            </option>
          ))}
        </select>
        <label htmlFor="classes-select">{t(lang, 'classes')}</label>
        <select id="classes-select" value={choice.classes} disabled={fixedCount} onChange={(e) => onChange({ ...choice, classes: Number(e.target.value), breaks: null })}>
          {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <label htmlFor="palette-select">{t(lang, 'palette')}</label>
        <select id="palette-select" value={choice.scheme ?? ''} onChange={(e) => onChange({ ...choice, scheme: (e.target.value || null) as PaletteScheme | null })}>
          <option value="">{t(lang, 'paletteAuto', { scheme: autoScheme })}</option>
          <optgroup label={t(lang, 'paletteSequential')}>
            {SEQUENTIAL_SCHEMES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </optgroup>
          <optgroup label={t(lang, 'paletteDiverging')}>
            {DIVERGING_SCHEMES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="checks">
        <label>
          <input type="checkbox" checked={choice.reverse} onChange={(e) => onChange({ ...choice, reverse: e.target.checked })} /> {t(lang, 'reverse')}
        </label>
        {!manual && (
          <label title={t(lang, 'lockBreaksHint')}>
            <input
              type="checkbox"
              checked={locked}
              disabled={currentBreaks.length === 0 && !locked}
              onChange={(e) => onChange({ ...choice, breaks: e.target.checked ? [...currentBreaks] : null })}
              aria-describedby="lock-hint"
            />{' '}
            {t(lang, 'lockBreaks')}
          </label>
        )}
      </div>
      <p id="lock-hint" className="visually-hidden">
        {t(lang, 'lockBreaksHint')}
      </p>
      {manual && (
        <div className="manual-breaks">
          <label htmlFor="manual-breaks">{t(lang, 'manualBreaks')}</label>
          <input
            id="manual-breaks"
            type="text"
            inputMode="decimal"
            value={draft}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'manual-breaks-error' : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={applyDraft}
            onKeyDown={(e) => e.key === 'Enter' && applyDraft()}
          />
          {invalid && (
            <p id="manual-breaks-error" className="field-error" role="alert">
              {t(lang, 'manualBreaksInvalid')}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
