// Launches Debian's Chromium through playwright-core, and opens pages that
// record every console error, page error and failed request for the tests.
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
  });
}

/**
 * A new page in a fresh context (empty storage), with `problems`: every
 * console error, uncaught exception and failed or 4xx/5xx request.
 */
export async function openPage(browser, { viewport = { width: 1366, height: 768 }, touch = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'ja-JP', ...(touch ? { hasTouch: true, isMobile: true } : {}) });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems };
}
