-- starter_editions.sql: the Arabic, Farsi and Albanian editions of the demo
-- site (loaded after starter.sql, in the same transaction).  Each edition
-- has its site name, a News category, three articles (two translated from
-- English articles 8 and 43 and linked to them as translations, one of its
-- own), the About and Contact pages (About linked to the English one), a
-- cartoon, and a main menu mirroring the English one's structure.  Every
-- text was written for Gazette; the people and places are the demo's own
-- inventions.  Articles 101-109 are relied on by
-- tests/integration/test_editions.c and tests/e2e/test_editions.py.
-- The English articles and page that the others translate start their
-- translation groups (a group's id is one of its members').
UPDATE articles SET translation_group = id WHERE id IN (8, 43);
UPDATE pages SET translation_group = id WHERE edition_id = 1 AND slug = 'about';

-- ar
UPDATE editions SET site_name = 'مرصد العودة', tagline = 'لا ينبغي لأي عائلة أن تنتظر وحدها' WHERE id = 2;
INSERT INTO categories (edition_id, slug, name, description, position) VALUES (2, 'news', 'أخبار', 'تقارير من الميدان ومن مكتب التحرير.', 0);
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at, translation_group) VALUES
(101, 2, 'homeward-watch-opens-its-doors', 'مرصد العودة يفتح أبوابه',
 'مكتب صغير وخط هاتفي وهذا الموقع: لماذا قررت مجموعة من العائلات والأعضاء السابقين العمل معًا.',
 'نفتتح اليوم مكتبًا صغيرًا وخطًا هاتفيًا وهذا الموقع. نحن آباء وأمهات وإخوة وأخوات وأبناء عمومة وأعضاء سابقون في حركة آشغروف، ويجمعنا هدف واحد: ألّا تضطر أي عائلة إلى الانتظار في صمت لتسمع خبرًا عمّن تحب.

## ما الذي سنفعله

- نستمع إلى العائلات ونوثّق ما تقوله لنا.
- نساعد من غادروا المجمّعات في الأوراق والسكن والعمل.
- ننشر ما نعرفه، بعد موافقة أصحاب القصص.

إذا كان أحد أفراد عائلتك داخل الحركة، فاكتب إلينا عبر [صفحة الاتصال](/ar/contact).',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 2 AND slug = 'news'), 1, unixepoch('2019-03-04 09:00'), unixepoch('2019-03-04'), unixepoch('2019-03-04'), 8),
(102, 2, 'petition-independent-access-to-velmora', 'وقّعوا العريضة: وصول مستقل إلى مجمّع فيلمورا',
 'نطالب البلد المضيف بالسماح لهيئة مستقلة بزيارة المجمّع والتحدث على انفراد مع كل مقيم. أضيفوا أسماءكم.',
 'نطلق اليوم، مع شركائنا في خمسة بلدان، عريضة عامة تطالب حكومة البلد المضيف بالسماح لهيئة مستقلة بزيارة مجمّع فيلمورا.

## ما تطلبه العريضة

1. أن يُسمح لهيئة مستقلة، تختارها السلطات وتقبلها العائلات، بزيارة المجمّع دون إشعار مسبق.
2. أن تتمكن من التحدث على انفراد مع كل مقيم يرغب في ذلك.
3. أن تُنشر نتائج الزيارة كاملة.

كل توقيع يقرّبنا من باب مفتوح.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 2 AND slug = 'news'), 30, unixepoch('2026-02-16 09:00'), unixepoch('2026-02-16'), unixepoch('2026-02-16'), 43),
(103, 2, 'رسایل-من-حلوان', 'رسائل من حلوان: عائلات تكتب كل أسبوع',
 'في مدينة حلوان تجتمع خمس عائلات كل يوم خميس لتكتب رسائل قد لا تصل أبدًا.',
 'في غرفة صغيرة فوق مخبز في حلوان، تجتمع خمس عائلات كل يوم خميس. يحمل كلٌّ منهم ورقة وقلمًا وصورة قديمة.

تقول ليلى، وهي أم لثلاثة أبناء: «نكتب لأن الكتابة هي الشيء الوحيد الذي لا يستطيع أحد أن يمنعنا منه».

ترسل العائلات رسائلها إلى عنوان المجمّع منذ سنوات. عاد معظمها دون أن يُفتح، لكنها لا تتوقف.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 2 AND slug = 'news'), 22, unixepoch('2026-11-20 10:00'), unixepoch('2026-11-20'), unixepoch('2026-11-20'), NULL);
INSERT INTO pages (edition_id, slug, title, body_md, state, created_at, updated_at, translation_group) VALUES
(2, 'about', 'من نحن', 'نحن مجموعة مستقلة توثّق أوضاع الأعضاء السابقين وتدعم عائلاتهم.

نعمل بالعربية والفارسية والألبانية والإنجليزية، لأن العائلات التي ننتظر معها تتكلم هذه اللغات.', 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'),
 (SELECT id FROM pages WHERE edition_id = 1 AND slug = 'about')),
(2, 'contact', 'اتصل بنا', 'يمكنكم التواصل مع فريق التحرير بالبريد أو بالبريد الإلكتروني.

- البريد الإلكتروني: [editors@example.org](mailto:editors@example.org)
- العنوان: صندوق بريد 100، 1000 مدينة المثال', 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'), NULL);
INSERT INTO media_posts (edition_id, section, slug, title, state, image_id, author_id, published_at, created_at, updated_at, caption_md) VALUES
(2, 'cartoons', 'al-intizar-al-tawil', 'الانتظار الطويل', 'published', 2, 5, unixepoch('2026-02-11 09:00'), unixepoch('2026-02-11'), unixepoch('2026-02-11'), 'باب مغلق، وضوء تحته، ولا أحد مسموح له بالطرق.');
INSERT INTO menu_items (menu_id, parent_id, label, url, position) VALUES
((SELECT id FROM menus WHERE edition_id = 2 AND name = 'main'), NULL, 'أخبار', '/category/news', 1),
((SELECT id FROM menus WHERE edition_id = 2 AND name = 'main'), NULL, 'وسائط', '/media/cartoons', 2),
((SELECT id FROM menus WHERE edition_id = 2 AND name = 'main'), NULL, 'المنشورات', '/publications/books', 3),
((SELECT id FROM menus WHERE edition_id = 2 AND name = 'main'), NULL, 'من نحن', '/about', 4),
((SELECT id FROM menus WHERE edition_id = 2 AND name = 'main'), NULL, 'اتصل بنا', '/contact', 5);
INSERT INTO menu_items (menu_id, parent_id, label, url, position)
	SELECT p.menu_id, p.id, c.label, c.url, c.position
	FROM menu_items p JOIN menus m ON m.id = p.menu_id, (
		SELECT '/media/cartoons' AS top, 'كاريكاتير' AS label, '/media/cartoons' AS url, 0 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'صور الأخبار' AS label, '/media/newspics' AS url, 1 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'معرض الصور' AS label, '/media/photos' AS url, 2 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'فيديو' AS label, '/media/videos' AS url, 3 AS position
		UNION ALL SELECT '/publications/books' AS top, 'كتب' AS label, '/publications/books' AS url, 0 AS position
		UNION ALL SELECT '/publications/books' AS top, 'النشرة الإخبارية' AS label, '/publications/newsletter' AS url, 1 AS position
		UNION ALL SELECT '/publications/books' AS top, 'موجز بارس' AS label, '/publications/pars-brief' AS url, 2 AS position
	) c
	WHERE m.edition_id = 2 AND m.name = 'main' AND p.parent_id IS NULL AND p.url = c.top
	ORDER BY c.top DESC, c.position;

-- fa
UPDATE editions SET site_name = 'دیده‌بان بازگشت', tagline = 'هیچ خانواده‌ای نباید تنها منتظر بماند' WHERE id = 3;
INSERT INTO categories (edition_id, slug, name, description, position) VALUES (3, 'news', 'اخبار', 'گزارش‌هایی از میدان و از دفتر تحریریه.', 0);
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at, translation_group) VALUES
(104, 3, 'homeward-watch-opens-its-doors', 'دیده‌بان بازگشت درهایش را می‌گشاید',
 'یک دفتر کوچک، یک خط تلفن و این وبگاه: چرا گروهی از خانواده‌ها و اعضای پیشین تصمیم گرفتند با هم کار کنند.',
 'امروز یک دفتر کوچک، یک خط تلفن و این وبگاه را می‌گشاییم. ما پدر و مادر، خواهر و برادر، عموزاده و عضو پیشین جنبش اَشگرو هستیم و یک هدف مشترک داریم: هیچ خانواده‌ای نباید در سکوت منتظر خبری از عزیزش بماند.

## چه خواهیم کرد

- به خانواده‌ها گوش می‌دهیم و آنچه می‌گویند را ثبت می‌کنیم.
- به کسانی که از اردوگاه‌ها بیرون آمده‌اند در کار مدارک، مسکن و شغل کمک می‌کنیم.
- آنچه را می‌دانیم، با رضایت صاحبان داستان‌ها، منتشر می‌کنیم.

اگر یکی از اعضای خانواده‌تان در جنبش است، از [صفحهٔ تماس](/fa/contact) برای ما بنویسید.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 3 AND slug = 'news'), 1, unixepoch('2019-03-04 09:00'), unixepoch('2019-03-04'), unixepoch('2019-03-04'), 8),
(105, 3, 'petition-independent-access-to-velmora', 'عریضه را امضا کنید: دسترسی مستقل به اردوگاه ولمورا',
 'از کشور میزبان می‌خواهیم اجازه دهد نهادی مستقل از اردوگاه دیدار کند و با هر ساکن به‌تنهایی گفت‌وگو کند. نام خود را بیفزایید.',
 'امروز همراه با همکارانمان در پنج کشور، عریضه‌ای عمومی را آغاز می‌کنیم که از دولت کشور میزبان می‌خواهد به نهادی مستقل اجازهٔ دیدار از اردوگاه ولمورا را بدهد.

## عریضه چه می‌خواهد

1. نهادی مستقل، که مقامات برگزینند و خانواده‌ها بپذیرند، بتواند بی‌خبر از اردوگاه دیدار کند.
2. بتواند با هر ساکنی که بخواهد به‌تنهایی گفت‌وگو کند.
3. نتیجهٔ دیدار به‌طور کامل منتشر شود.

هر امضا ما را به دری گشوده نزدیک‌تر می‌کند.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 3 AND slug = 'news'), 30, unixepoch('2026-02-16 09:00'), unixepoch('2026-02-16'), unixepoch('2026-02-16'), 43),
(106, 3, 'گفتگو-با-یک-مادر', 'گفتگو با مادری که هنوز منتظر است',
 'مریم بیست سال است که هر نوروز یک بشقاب اضافه سر سفره می‌گذارد.',
 'مریم بیست سال است که هر نوروز سفرهٔ هفت‌سین را با یک بشقاب اضافه می‌چیند. پسرش در تابستان ۱۳۷۹ به جنبش پیوست و از آن پس تنها سه نامه از او رسیده است.

«هر سال می‌گویم شاید امسال.» این را می‌گوید و سبزه را کنار پنجره می‌گذارد.

مریم اکنون با خانواده‌های دیگر در شیراز دیدار می‌کند. آن‌ها با هم نامه می‌نویسند و با هم منتظر می‌مانند.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 3 AND slug = 'news'), 43, unixepoch('2026-11-21 10:00'), unixepoch('2026-11-21'), unixepoch('2026-11-21'), NULL);
INSERT INTO pages (edition_id, slug, title, body_md, state, created_at, updated_at, translation_group) VALUES
(3, 'about', 'دربارهٔ ما', 'ما گروهی مستقل هستیم که وضعیت اعضای پیشین را مستند می‌کنیم و از خانواده‌هایشان پشتیبانی می‌کنیم.

به فارسی، عربی، آلبانیایی و انگلیسی کار می‌کنیم، چون خانواده‌هایی که با آن‌ها منتظریم به این زبان‌ها سخن می‌گویند.', 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'),
 (SELECT id FROM pages WHERE edition_id = 1 AND slug = 'about')),
(3, 'contact', 'تماس با ما', 'می‌توانید از راه پست یا ایمیل با تحریریه در تماس باشید.

- ایمیل: [editors@example.org](mailto:editors@example.org)
- نشانی: صندوق پستی ۱۰۰، ۱۰۰۰ شهر نمونه', 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'), NULL);
INSERT INTO media_posts (edition_id, section, slug, title, state, image_id, author_id, published_at, created_at, updated_at, caption_md) VALUES
(3, 'cartoons', 'entezar-e-tulani', 'انتظار طولانی', 'published', 2, 5, unixepoch('2026-02-11 09:00'), unixepoch('2026-02-11'), unixepoch('2026-02-11'), 'دری بسته، نوری زیر آن، و هیچ‌کس اجازهٔ در زدن ندارد.');
INSERT INTO menu_items (menu_id, parent_id, label, url, position) VALUES
((SELECT id FROM menus WHERE edition_id = 3 AND name = 'main'), NULL, 'اخبار', '/category/news', 1),
((SELECT id FROM menus WHERE edition_id = 3 AND name = 'main'), NULL, 'رسانه', '/media/cartoons', 2),
((SELECT id FROM menus WHERE edition_id = 3 AND name = 'main'), NULL, 'انتشارات', '/publications/books', 3),
((SELECT id FROM menus WHERE edition_id = 3 AND name = 'main'), NULL, 'دربارهٔ ما', '/about', 4),
((SELECT id FROM menus WHERE edition_id = 3 AND name = 'main'), NULL, 'تماس با ما', '/contact', 5);
INSERT INTO menu_items (menu_id, parent_id, label, url, position)
	SELECT p.menu_id, p.id, c.label, c.url, c.position
	FROM menu_items p JOIN menus m ON m.id = p.menu_id, (
		SELECT '/media/cartoons' AS top, 'کاریکاتور' AS label, '/media/cartoons' AS url, 0 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'عکس خبر' AS label, '/media/newspics' AS url, 1 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'گالری عکس' AS label, '/media/photos' AS url, 2 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'ویدیو' AS label, '/media/videos' AS url, 3 AS position
		UNION ALL SELECT '/publications/books' AS top, 'کتاب‌ها' AS label, '/publications/books' AS url, 0 AS position
		UNION ALL SELECT '/publications/books' AS top, 'خبرنامه' AS label, '/publications/newsletter' AS url, 1 AS position
		UNION ALL SELECT '/publications/books' AS top, 'گزارش کوتاه پارس' AS label, '/publications/pars-brief' AS url, 2 AS position
	) c
	WHERE m.edition_id = 3 AND m.name = 'main' AND p.parent_id IS NULL AND p.url = c.top
	ORDER BY c.top DESC, c.position;

-- sq
UPDATE editions SET site_name = 'Vëzhguesi i Kthimit', tagline = 'Asnjë familje nuk duhet të presë vetëm' WHERE id = 4;
INSERT INTO categories (edition_id, slug, name, description, position) VALUES (4, 'lajme', 'Lajme', 'Raportime nga terreni dhe nga redaksia.', 0);
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at, translation_group) VALUES
(107, 4, 'vezhguesi-i-kthimit-hap-dyert', 'Vëzhguesi i Kthimit hap dyert',
 'Një zyrë e vogël, një linjë telefoni dhe kjo faqe: pse një grup familjesh dhe ish-anëtarësh vendosën të punojnë së bashku.',
 'Sot hapim një zyrë të vogël, një linjë telefoni dhe këtë faqe interneti. Jemi prindër, vëllezër, motra, kushërinj dhe ish-anëtarë të Lëvizjes Ashgrove, dhe kemi një qëllim të përbashkët: asnjë familje nuk duhet të presë në heshtje lajme për njeriun që do.

## Çfarë do të bëjmë

- Dëgjojmë familjet dhe dokumentojmë atë që na tregojnë.
- Ndihmojmë ata që janë larguar nga kampet me dokumente, strehim dhe punë.
- Publikojmë atë që dimë, me pëlqimin e atyre që na i tregojnë historitë.

Nëse dikush nga familja juaj është brenda Lëvizjes, na shkruani nga [faqja e kontaktit](/sq/contact).',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 4 AND slug = 'lajme'), 1, unixepoch('2019-03-04 09:00'), unixepoch('2019-03-04'), unixepoch('2019-03-04'), 8),
(108, 4, 'peticion-qasje-e-pavarur-ne-velmora', 'Nënshkruani peticionin: qasje e pavarur në kampin e Velmorës',
 'I kërkojmë vendit pritës të lejojë një organ të pavarur të vizitojë kampin dhe të flasë veçmas me çdo banor. Shtoni emrin tuaj.',
 'Sot, bashkë me partnerët tanë në pesë vende, nisim një peticion publik që i kërkon qeverisë së vendit pritës të lejojë një organ të pavarur të vizitojë kampin e Velmorës.

## Çfarë kërkon peticioni

1. Që një organ i pavarur, i zgjedhur nga autoritetet dhe i pranueshëm për familjet, të lejohet ta vizitojë kampin pa njoftim paraprak.
2. Që të mund të flasë veçmas me çdo banor që dëshiron.
3. Që përfundimet e vizitës të publikohen të plota.

Çdo nënshkrim na afron më shumë me një derë të hapur.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 4 AND slug = 'lajme'), 30, unixepoch('2026-02-16 09:00'), unixepoch('2026-02-16'), unixepoch('2026-02-16'), 43),
(109, 4, 'takim-i-familjeve-ne-tirane', 'Takim i familjeve në Tiranë',
 'Njëzet familje nga Shqipëria dhe Kosova u takuan të shtunën për të ndarë lajme dhe letra.',
 'Të shtunën, njëzet familje nga Shqipëria dhe Kosova u mblodhën në një sallë të vogël pranë Sheshit Skënderbej. Shumë prej tyre nuk ishin takuar kurrë më parë, por të gjithë e njihnin njëri-tjetrin nga letrat.

«Kur dëgjon se dikush tjetër pret si ti, pritja bëhet pak më e lehtë», tha Drita, e cila e ka vëllain brenda që prej vitit 2004.

Takimi i ardhshëm do të mbahet në Prishtinë në pranverë.',
 'published', 2, (SELECT id FROM categories WHERE edition_id = 4 AND slug = 'lajme'), 37, unixepoch('2026-11-22 10:00'), unixepoch('2026-11-22'), unixepoch('2026-11-22'), NULL);
INSERT INTO pages (edition_id, slug, title, body_md, state, created_at, updated_at, translation_group) VALUES
(4, 'about', 'Rreth nesh', 'Jemi një grup i pavarur që dokumenton gjendjen e ish-anëtarëve dhe mbështet familjet e tyre.

Punojmë në shqip, arabisht, persisht dhe anglisht, sepse familjet me të cilat presim flasin këto gjuhë.', 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'),
 (SELECT id FROM pages WHERE edition_id = 1 AND slug = 'about')),
(4, 'contact', 'Na kontaktoni', 'Mund ta kontaktoni redaksinë me postë ose me email.

- Email: [editors@example.org](mailto:editors@example.org)
- Adresa: Kutia postare 100, 1000 Qyteti Shembull', 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'), NULL);
INSERT INTO media_posts (edition_id, section, slug, title, state, image_id, author_id, published_at, created_at, updated_at, caption_md) VALUES
(4, 'cartoons', 'pritja-e-gjate', 'Pritja e gjatë', 'published', 2, 5, unixepoch('2026-02-11 09:00'), unixepoch('2026-02-11'), unixepoch('2026-02-11'), 'Një derë e mbyllur, një dritë poshtë saj, dhe askujt nuk i lejohet të trokasë.');
INSERT INTO menu_items (menu_id, parent_id, label, url, position) VALUES
((SELECT id FROM menus WHERE edition_id = 4 AND name = 'main'), NULL, 'Lajme', '/category/lajme', 1),
((SELECT id FROM menus WHERE edition_id = 4 AND name = 'main'), NULL, 'Media', '/media/cartoons', 2),
((SELECT id FROM menus WHERE edition_id = 4 AND name = 'main'), NULL, 'Botime', '/publications/books', 3),
((SELECT id FROM menus WHERE edition_id = 4 AND name = 'main'), NULL, 'Rreth nesh', '/about', 4),
((SELECT id FROM menus WHERE edition_id = 4 AND name = 'main'), NULL, 'Na kontaktoni', '/contact', 5);
INSERT INTO menu_items (menu_id, parent_id, label, url, position)
	SELECT p.menu_id, p.id, c.label, c.url, c.position
	FROM menu_items p JOIN menus m ON m.id = p.menu_id, (
		SELECT '/media/cartoons' AS top, 'Karikatura' AS label, '/media/cartoons' AS url, 0 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'Foto lajmesh' AS label, '/media/newspics' AS url, 1 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'Galeria e fotografive' AS label, '/media/photos' AS url, 2 AS position
		UNION ALL SELECT '/media/cartoons' AS top, 'Video' AS label, '/media/videos' AS url, 3 AS position
		UNION ALL SELECT '/publications/books' AS top, 'Libra' AS label, '/publications/books' AS url, 0 AS position
		UNION ALL SELECT '/publications/books' AS top, 'Buletini' AS label, '/publications/newsletter' AS url, 1 AS position
		UNION ALL SELECT '/publications/books' AS top, 'Pars Brief' AS label, '/publications/pars-brief' AS url, 2 AS position
	) c
	WHERE m.edition_id = 4 AND m.name = 'main' AND p.parent_id IS NULL AND p.url = c.top
	ORDER BY c.top DESC, c.position;

-- A tag per edition on its three articles.
INSERT INTO tags (edition_id, slug, name) VALUES
	(2, 'عایلات', 'عائلات'),
	(3, 'خانواده', 'خانواده'),
	(4, 'familjet', 'Familjet');
INSERT INTO article_tags (article_id, tag_id)
	SELECT a.id, t.id FROM articles a JOIN tags t ON t.edition_id = a.edition_id
	WHERE a.id BETWEEN 101 AND 109;
