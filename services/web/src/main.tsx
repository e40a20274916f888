// rhythm-web: mounts the app. Mantine's stylesheet comes first so the app's own rules can follow it.
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { createI18n } from './i18n/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App i18n={createI18n()} />
    </BrowserRouter>
  </StrictMode>,
);
