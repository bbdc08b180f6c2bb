// The setup every end-to-end file shares: the release build served on
// 127.0.0.1 and one Chromium, started before the file's tests and closed
// after them.
import { after, before } from 'node:test';

import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

/** Registers the hooks; the returned object gets `server` and `browser`. */
export function withAppServer() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
