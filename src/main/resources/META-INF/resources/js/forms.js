// Keeps what was typed in a form that could not be sent: the session had ended (the login page came in
// between), the form was refused for how it was sent (forgery check) or was too large. On submit, each form's
// fields are saved in this tab's sessionStorage under the form's target; when the server sends the browser
// back to the form page with ?resubmit, they are filled in again with a notice to submit again. Hidden fields
// (the CSRF token above all, which belongs to the page) are never saved or restored.
(function () {
  const PREFIX = 'citytrace-form:';
  const RESUBMIT = 'resubmit';
  // long enough to log in again, short enough that an old draft does not come back another day
  const KEEP_MS = 30 * 60 * 1000;
  const NOT_KEPT = ['hidden', 'password', 'file', 'submit', 'button', 'reset', 'image'];

  const url = new URL(location.href);
  const resubmit = url.searchParams.has(RESUBMIT);

  function key(form) {
    return PREFIX + new URL(form.action, location.href).pathname;
  }

  function fields(form) {
    return Array.from(form.elements).filter(e => e.id && e.name && !NOT_KEPT.includes(e.type));
  }

  function save(form) {
    const values = {};
    fields(form).forEach(e => {
      values[e.id] = e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value;
    });
    try {
      sessionStorage.setItem(key(form), JSON.stringify({ savedAt: Date.now(), values }));
    } catch (ignored) {
      // storage full or switched off: the form is sent all the same, only not kept
    }
  }

  /** Fills the form in from what was saved for it; true when anything was. */
  function restore(form) {
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key(form)));
      sessionStorage.removeItem(key(form));
    } catch (ignored) {
      return false;
    }
    if (!resubmit || !saved || Date.now() - saved.savedAt > KEEP_MS) {
      return false;
    }
    let restored = false;
    fields(form).forEach(e => {
      if (Object.prototype.hasOwnProperty.call(saved.values, e.id)) {
        if (e.type === 'checkbox' || e.type === 'radio') {
          e.checked = saved.values[e.id];
        } else {
          e.value = saved.values[e.id];
        }
        restored = true;
      }
    });
    return restored;
  }

  function notice(form, restored) {
    const banner = document.createElement('div');
    banner.className = 'banner banner-notice';
    banner.id = 'resubmit-notice';
    banner.setAttribute('role', 'status');
    banner.textContent = restored
      ? 'This form was not sent. What you typed has been filled in again: check it and submit it again.'
      : 'This form was not sent: please submit it again.';
    form.before(banner);
  }

  const forms = Array.from(document.querySelectorAll('form')).filter(f => f.method === 'post');
  const restored = forms.filter(restore);
  forms.forEach(form => form.addEventListener('submit', () => save(form)));
  if (resubmit) {
    const form = restored[0] || forms[0];
    if (form) {
      notice(form, restored.length > 0);
    }
    // a reload or a bookmark of this page should not bring the notice back
    url.searchParams.delete(RESUBMIT);
    history.replaceState(history.state, '', url);
  }
})();
