// The browser entry of the server-rendered page: React hydrates what react-dom/server sent, then
// the SDK loads and upgrades the bare tags (docs/server-rendering.md).
import { hydrateRoot } from 'react-dom/client';
import { App } from './App.js';

const root = document.getElementById('root')!;
hydrateRoot(root, <App tokenServiceUrl={root.dataset.tokenServiceUrl!} portalTokenUrl={root.dataset.portalTokenUrl!} />);
void import('timio-calls');
