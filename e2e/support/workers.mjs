// Counts a page's dedicated Web Workers through the DevTools protocol.
// Playwright's page.workers() is Playwright's own bookkeeping; the protocol
// asks Chromium itself which worker targets exist. In this Chromium,
// Target.getTargets (from a page's session) lists every target in the
// browser, dedicated workers as type "worker" with the page's target as
// their parentId; the service worker is "service_worker" and is not counted.

/**
 * Watches the dedicated workers of `page`. `alive()` lists those running
 * now; `started()` counts every one seen since the watch began (the ones
 * already running included), so a worker that was stopped and replaced
 * still shows up.
 */
export async function watchWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfo: self } = await cdp.send('Target.getTargetInfo');
  const isOurs = (info) => info.type === 'worker' && info.parentId === self.targetId;
  const seen = new Set();
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    if (isOurs(targetInfo)) seen.add(targetInfo.targetId);
  });
  // Discovery reports the targets that exist now, then each new one.
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    async alive() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const alive = targetInfos.filter(isOurs);
      for (const info of alive) seen.add(info.targetId);
      return alive;
    },
    started() {
      return seen.size;
    },
    /** The page's JS heap in bytes after a full garbage collection. */
    async heapAfterGc() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    },
    detach() {
      return cdp.detach();
    },
  };
}
