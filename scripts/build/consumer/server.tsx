// The server side: react-dom/server renders App in Node. A server bundle often holds the SDK's
// import too (a shared or client component imports it); in Node it only defines the elements.
import { renderToString } from 'react-dom/server';
import 'timio-calls';
import { App, type AppProps } from './App.js';

export function render(props: AppProps): string {
  return renderToString(<App {...props} />);
}
