// Registers the service worker (over http and https only; a file:// page
// has none) and tells the app when a new version is ready to take over.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const registration = await navigator.serviceWorker.register('sw.js');
  const announce = (worker) => {
    window.__tsunaguApplyUpdate = () => worker.postMessage('skip-waiting');
    window.__tsunaguUpdateReady = true;
    dispatchEvent(new CustomEvent('tsunagu-update-ready'));
  };
  if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.__tsunaguUpdateReady && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}
