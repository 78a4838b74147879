// First: in development this starts React Fast Refresh from a module, because the strict CSP (index.html)
// refuses the inline script the React plugin would otherwise add. It is empty in a production build.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './app/global.css';
import { installWebBridgeIfNeeded } from './api/web-bridge';
import { App } from './app/App';

// Before anything reads location.hash: the web host's token is taken from it and removed.
installWebBridgeIfNeeded();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
