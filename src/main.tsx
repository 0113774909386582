import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { Root } from './app/Root';
import { loadGeoData } from './loaders/load-geo';
import { installFontRules } from './app/font-rules';

installFontRules();
// start fetching the data before React mounts (the map is created on mount, in parallel)
const data = loadGeoData(import.meta.env.BASE_URL);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root data={data} />
  </StrictMode>,
);
