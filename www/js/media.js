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
