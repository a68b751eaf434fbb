/* gallery.js: on a photo's page of an album, the arrow keys go to the
 * previous and next photo and Escape back to the album, and a swipe on
 * the photo turns the page on a touch screen.  It only follows the page's
 * own links (a[data-key]), which do all of it without this script. */
(function () {
	'use strict';
	var rtl = document.documentElement.dir === 'rtl';
	var figure = document.querySelector('.lightbox-figure');
	var x0 = null, y0 = 0;

	function go(key) {
		var link = document.querySelector('a[data-key="' + key + '"]');

		if (link)
			window.location.href = link.href;
		return !!link;
	}

	document.addEventListener('keydown', function (e) {
		var t = e.target, key = null;

		if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey ||
		    (t && (t.isContentEditable ||
		     /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))))
			return;
		if (e.key === 'ArrowLeft')
			key = rtl ? 'next' : 'previous';
		else if (e.key === 'ArrowRight')
			key = rtl ? 'previous' : 'next';
		else if (e.key === 'Escape')
			key = 'Escape';
		if (key && go(key))
			e.preventDefault();
	});

	if (!figure)
		return;
	figure.addEventListener('touchstart', function (e) {
		if (e.touches.length !== 1) {
			x0 = null;
			return;
		}
		x0 = e.touches[0].clientX;
		y0 = e.touches[0].clientY;
	}, { passive: true });
	figure.addEventListener('touchend', function (e) {
		var dx, dy;

		if (x0 === null || e.changedTouches.length !== 1)
			return;
		dx = e.changedTouches[0].clientX - x0;
		dy = e.changedTouches[0].clientY - y0;
		x0 = null;
		/* A clear sideways swipe only: scrolling stays scrolling. */
		if (Math.abs(dx) < 50 || Math.abs(dx) < 2 * Math.abs(dy))
			return;
		go((dx < 0) !== rtl ? 'next' : 'previous');
	}, { passive: true });
})();
