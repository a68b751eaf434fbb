/* media.js: a small help in the article editor's image chooser
 * (templates/admin/editor_media.html), which works without it.  Pressing
 * Enter in the chooser's search field sends the editor with the chooser's
 * own button ("Find"), rather than with the editor's first button (Save),
 * which is what a form does without script. */
'use strict';

document.addEventListener('keydown', function (event) {
  var find;

  if (event.key !== 'Enter' || !event.target || event.target.id !== 'image_q')
    return;
  find = document.getElementById('image-find');
  if (!find)
    return;
  event.preventDefault();
  find.click();
});

/* Where script runs, each of the recent images' Markdown lines gets an
 * "Insert" button that puts the line into the body at the cursor (without
 * script the line is copied by hand). */
(function () {
  var body = document.querySelector('form.editor textarea[name="body"]');
  var lines = document.querySelectorAll('.media-snippets li');

  if (!body)
    return;
  Array.prototype.forEach.call(lines, function (li) {
    var code = li.querySelector('code');
    var button = document.createElement('button');

    if (!code)
      return;
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = li.parentNode.getAttribute('data-insert') || 'Insert';
    button.addEventListener('click', function () {
      var text = '\n' + code.textContent + '\n';
      var at = body.selectionStart;

      body.setRangeText(text, at, body.selectionEnd, 'end');
      body.focus();
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
    li.appendChild(button);
  });
}());
