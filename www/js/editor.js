// editor.js: the live preview of the Markdown editors (articles, pages).
// Without JavaScript the Preview button posts the form and the server
// answers the editor with the preview below it.  Where JavaScript runs,
// this sends the same request a moment after the writer stops typing and
// puts the server's preview in place: the Markdown is rendered by the same
// code either way, and nothing is saved (action=preview).
(function () {
  'use strict';
  var form = document.querySelector('form.editor');
  var text = form && form.querySelector('textarea[name="body"]');
  if (!text || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var sent = 0;

  function show(html, number) {
    if (number !== sent) {
      return; // an older answer arriving late
    }
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var fresh = doc.querySelector('section.preview');
    if (!fresh) {
      return; // the session ended, or the form was refused
    }
    var old = document.querySelector('section.preview');
    fresh = document.importNode(fresh, true);
    if (old) {
      old.replaceWith(fresh);
    } else {
      form.after(fresh);
    }
  }

  function refresh() {
    var data = new URLSearchParams(new FormData(form));
    var number = ++sent;
    data.set('action', 'preview');
    // The form's buttons are named "action", which hides form.action.
    fetch(form.getAttribute('action'), {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      redirect: 'error'
    }).then(function (r) {
      return r.ok ? r.text() : Promise.reject(new Error(String(r.status)));
    }).then(function (html) {
      show(html, number);
    }).catch(function () {
      // The Preview button still works; nothing to tell the writer.
    });
  }

  text.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  });
}());
