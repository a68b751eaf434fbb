// queue.js: keyboard shortcuts for the moderators' queues (admin
// messages, and comments to come).  It only adds keys to what plain forms
// already do, so every action works without it:
//   j / k   move down / up the list (rows marked data-queue-row)
//   x       tick or untick the row you are on
//   Enter   open it (its first link has the focus)
//   any letter a button names in data-key ("a" answered, "s" spam,
//           "e" archive): presses that button; on a list with nothing
//           ticked, the row you are on is ticked first.
// Keys typed into a text field, or with Ctrl, Alt or Meta, are left alone.
// Served by nginx from www/js/; the CSP allows script from 'self' only,
// so there is no inline script or handler anywhere.
(function () {
  'use strict';

  const rows = Array.prototype.slice.call(
    document.querySelectorAll('[data-queue-row]'));
  let current = -1;

  function box(row) {
    return row.querySelector('input[type="checkbox"]');
  }

  function moveTo(i) {
    if (rows.length === 0) return;
    i = Math.max(0, Math.min(rows.length - 1, i));
    if (current >= 0) rows[current].classList.remove('current');
    current = i;
    rows[i].classList.add('current');
    const link = rows[i].querySelector('a[href]');
    if (link) link.focus();
    rows[i].scrollIntoView({ block: 'nearest' });
  }

  function typing(target) {
    if (!target || target.isContentEditable) return true;
    const tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    return tag === 'INPUT' && !/^(checkbox|radio|submit|button)$/.test(
      target.type);
  }

  // Keeps "current" on the row that gets the focus by mouse or Tab.
  rows.forEach(function (row, i) {
    row.addEventListener('focusin', function () {
      if (current >= 0 && current !== i) {
        rows[current].classList.remove('current');
      }
      current = i;
      row.classList.add('current');
    });
  });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey || typing(e.target)) return;
    const key = e.key;
    if (key === 'j' || key === 'k') {
      moveTo(current < 0 ? 0 : current + (key === 'j' ? 1 : -1));
      e.preventDefault();
      return;
    }
    if (key === 'x' && current >= 0 && box(rows[current])) {
      const b = box(rows[current]);
      b.checked = !b.checked;
      e.preventDefault();
      return;
    }
    if (!/^[a-z]$/.test(key)) return;
    const button = document.querySelector('button[data-key="' + key + '"]');
    if (!button) return;
    if (rows.length > 0) {
      const ticked = rows.some(function (r) {
        return box(r) && box(r).checked;
      });
      if (!ticked) {
        if (current < 0 || !box(rows[current])) return;
        box(rows[current]).checked = true;
      }
    }
    e.preventDefault();
    button.click();
  });
}());
