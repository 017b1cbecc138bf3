// Downloads a trace's or search's exports with fetch, so that the page can show them coming: the bytes received
// and, for a CSV, the rows, against the events the trace holds (a search's count is known only to the server). Exports stream as the server reads the events, so no
// total size is known ahead: the bar is indeterminate while bytes come, full when the file is complete.
(function () {
  const status = document.getElementById('export-status');
  if (!status || !window.fetch || !window.ReadableStream) {
    return; // the plain links and form still download
  }
  const bar = document.getElementById('export-progress');
  const text = document.getElementById('export-text');
  const events = document.querySelector('.export-links').dataset.events;

  function fileName(response, url) {
    const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    return match ? match[1] : url.pathname.split('/').pop();
  }

  async function download(url) {
    status.hidden = false;
    bar.removeAttribute('value');
    text.textContent = events ? 'Exporting ' + events + ' events…' : 'Exporting…';
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: '*/*' } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (notJson) { /* the status says it */ }
      text.textContent = 'The export failed: ' + detail;
      bar.value = 0;
      return;
    }
    const csv = url.pathname.endsWith('.csv');
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value);
      bytes += value.length;
      if (csv) {
        value.forEach(b => { if (b === 10) lines++; });
      }
      text.textContent = (bytes / 1024).toFixed(0) + ' KB received' + (csv ? ', ' + Math.max(0, lines - 1) + ' rows' : '')
          + (events ? ' (trace of ' + events + ' events)' : '');
    }
    bar.max = 1;
    bar.value = 1;
    text.textContent = 'Done: ' + (bytes / 1024).toFixed(0) + ' KB' + (csv ? ', ' + Math.max(0, lines - 1) + ' rows' : '');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || '' }));
    link.download = fileName(response, url);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  document.querySelectorAll('a[data-export]').forEach(a => a.addEventListener('click', e => {
    e.preventDefault();
    download(new URL(a.href, location.href));
  }));
  document.querySelectorAll('form[data-export]').forEach(form => form.addEventListener('submit', e => {
    e.preventDefault();
    // a button's formAction is the page's own address when it has no formaction attribute
    const submitter = e.submitter && e.submitter.hasAttribute('formaction') ? e.submitter : null;
    const url = new URL(submitter ? submitter.formAction : form.action, location.href);
    new FormData(form).forEach((value, name) => { if (value) url.searchParams.set(name, value); });
    download(url);
  }));
})();
