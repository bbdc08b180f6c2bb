// Registers the service worker (over http and https only; a file:// page
// has none) and tells the app when a new version is ready to take over.
async function register() {
  const registration = await navigator.serviceWorker.register('sw.js');
  const announce = (worker) => {
    window.__tsunaguApplyUpdate = () => worker.postMessage('skip-waiting');
    window.__tsunaguUpdateReady = true;
    dispatchEvent(new CustomEvent('tsunagu-update-ready'));
  };
  const watch = (worker) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
  // The browser may have found the update before this ran (registration
  // waits for the app): one already installing is watched too.
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.__tsunaguUpdateReady && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}

// Only once the app has started and the browser is idle: the worker's
// install downloads every file again (or revalidates it), which on a first
// visit over a slow line would share it with the page's own wasm.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const later = () =>
    'requestIdleCallback' in window ? requestIdleCallback(() => register(), { timeout: 3000 }) : setTimeout(register, 500);
  if (window.wasmBindings) later();
  else addEventListener('TrunkApplicationStarted', later, { once: true });
}
