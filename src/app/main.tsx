import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ANALYSIS_PANELS } from './analysis-panels.tsx';
import { App } from './App.tsx';
import { parseLang } from './i18n.ts';
import { parseUrlState } from './state/url-state.ts';
import './styles.css';

// The URL is read once, here, at start-up.
const initialLang = parseLang(window.location.search);
const initialState = parseUrlState(window.location.search);
const root = document.getElementById('root');
if (!root) throw new Error('index.html: expected an element with id "root".');
createRoot(root).render(
  <StrictMode>
    <App initialLang={initialLang} initialState={initialState} panels={ANALYSIS_PANELS} />
  </StrictMode>,
);
