// The renderer's only door to the backend. Inside Electron the preload provides window.api over
// IPC; in the browser preview the same verbs go over HTTP to the preview server with its token.
import { buildApi, type Api, type ChannelName } from '../shared/ipc/contract';
import type { Result } from '../shared/result';

declare global {
  interface Window {
    api?: Api;
  }
}

const TOKEN_KEY = 'radledger.previewToken';

function previewToken(): string {
  const match = /^#token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Keep the secret out of the address bar and history.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): (channel: ChannelName, input: unknown) => Promise<Result<unknown>> {
  const token = previewToken();
  return async (channel, input) => {
    try {
      const res = await fetch(`api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-radledger-token': token },
        body: JSON.stringify({ input }),
      });
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      return { ok: false, error: { kind: 'internal', message: `The preview server did not answer: ${String(err)}` } };
    }
  };
}

export const api: Api = window.api ?? buildApi(httpTransport());
