// Keeps parts of a page current without a framework: an element with data-refresh="<url>" and
// data-live="true" is replaced by a fresh copy from that URL every few seconds, until the copy says
// data-live="false" (e.g. every event of a batch is final on the chain).
(function () {
  const INTERVAL_MS = 2000;

  function watch(element) {
    if (element.dataset.live !== 'true') {
      return;
    }
    setTimeout(async function refresh() {
      try {
        // as a script's request, one whose session ended gets 499 rather than a redirect to the login page
        const response = await fetch(element.dataset.refresh,
          { headers: { Accept: 'text/html', 'X-Requested-With': 'JavaScript' } });
        if (response.status === 499) {
          return; // logged out: the next page the user opens asks to log in
        }
        if (response.ok) {
          const fresh = new DOMParser().parseFromString(await response.text(), 'text/html')
            .querySelector('[data-refresh]');
          if (fresh) {
            element.replaceWith(fresh);
            watch(fresh);
            return;
          }
        }
      } catch (ignored) {
        // offline for a moment: try again at the next interval
      }
      setTimeout(refresh, INTERVAL_MS);
    }, INTERVAL_MS);
  }

  document.querySelectorAll('[data-refresh]').forEach(watch);
})();
