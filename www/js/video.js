/* video.js: turns a video's facade (a link to the video on YouTube or
 * Vimeo, showing its poster) into the provider's privacy-enhanced player
 * when the reader clicks it, and only then: nothing is asked of the
 * provider before.  Without this script the link opens the video on its
 * site.  Only the two player addresses the page's Content-Security-Policy
 * allows as frames are accepted. */
(function () {
	'use strict';
	var players = ['https://www.youtube-nocookie.com/embed/',
		'https://player.vimeo.com/video/'];

	function allowed(url) {
		return players.some(function (p) {
			return url.indexOf(p) === 0;
		});
	}

	document.addEventListener('click', function (e) {
		var link, src, frame;

		if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey ||
		    e.altKey || !e.target.closest)
			return;
		link = e.target.closest('a.video-play[data-embed]');
		if (!link)
			return;
		src = link.getAttribute('data-embed') || '';
		if (!allowed(src))
			return;
		e.preventDefault();
		frame = document.createElement('iframe');
		frame.src = src;
		frame.title = link.getAttribute('data-title') || '';
		frame.className = 'video-frame';
		frame.allow = 'autoplay; encrypted-media; fullscreen; ' +
			'picture-in-picture';
		frame.allowFullscreen = true;
		frame.referrerPolicy = 'strict-origin-when-cross-origin';
		link.parentNode.replaceChild(frame, link);
		frame.focus();
	});
})();
