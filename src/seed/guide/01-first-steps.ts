import { ADDR, card, h2, list, mail, p, table, tel, type DemoPage } from './types.js';

const officePhone = tel('01234 567-210');
const officeMail = mail('integration@beispiel.example');

export const firstSteps: DemoPage = {
  key: 'first-steps',
  icon: 'info',
  texts: {
    de: {
      title: 'Was ist wo?',
      html:
        p('Willkommen im Landkreis Beispiel! Diese Seiten geben Ihnen einen kurzen Überblick über die ersten Anlaufstellen für neu zugezogene Menschen. Sie finden hier Ämter, Beratungsstellen, Sprachkurse, Angebote für Familien und vieles mehr.') +
        h2('Die wichtigsten Adressen') +
        list([
          '<strong>Integrationsbüro im Landratsamt:</strong> erste Fragen, Wegweisung, Ehrenamt und Sprachmittlung',
          '<strong>Bürgerbüro Ihrer Gemeinde:</strong> Wohnsitz anmelden, Meldebescheinigung',
          '<strong>Ausländerbehörde:</strong> Aufenthaltstitel, Verlängerungen, Adressänderungen',
          '<strong>Migrationsberatung:</strong> Beratung in vielen Sprachen, kostenlos und vertraulich',
        ]) +
        p('Sie wissen nicht, wer zuständig ist? Rufen Sie uns an. Wir helfen Ihnen weiter oder vermitteln Sie an die richtige Stelle.') +
        card('Integrationsbüro (WIR-Koordination)', ADDR.landratsamt, `Telefon: ${officePhone}<br />E-Mail: ${officeMail}`, 'Sprechzeiten: Mo–Do 9–12 Uhr, Do 14–17 Uhr'),
    },
    en: {
      title: 'What is where?',
      html:
        p('Welcome to the District of Beispiel! These pages give you a short overview of the first points of contact for people who have recently moved here. You will find public offices, advice centres, language courses, services for families and much more.') +
        h2('The most important addresses') +
        list([
          '<strong>Integration office at the district administration:</strong> first questions, directions, volunteering and language mediation',
          '<strong>Citizens’ office of your municipality:</strong> registering your address, certificate of registration',
          '<strong>Immigration office:</strong> residence permits, extensions, changes of address',
          '<strong>Migration advice:</strong> counselling in many languages, free of charge and confidential',
        ]) +
        p('Not sure who is responsible? Give us a call. We will help you or put you in touch with the right office.') +
        card('Integration office (WIR coordination)', ADDR.landratsamt, `Phone: ${officePhone}<br />E-mail: ${officeMail}`, 'Opening hours: Mon–Thu 9 am–12 noon, Thu 2–5 pm'),
    },
    ar: {
      title: 'ما هو المكان المناسب؟',
      html:
        p('أهلاً وسهلاً بكم في مقاطعة بايشبيل! تقدم لكم هذه الصفحات لمحة قصيرة عن أول الجهات التي يمكن للقادمين الجدد التوجه إليها. ستجدون هنا الدوائر الحكومية ومراكز الاستشارة ودورات اللغة والعروض المخصصة للعائلات وغير ذلك الكثير.') +
        h2('أهم العناوين') +
        list([
          '<strong>مكتب الاندماج في دائرة المقاطعة:</strong> الأسئلة الأولى والإرشاد والعمل التطوعي والوساطة اللغوية',
          '<strong>مكتب المواطنين في بلديتكم:</strong> تسجيل السكن وشهادة التسجيل',
          '<strong>دائرة الأجانب:</strong> تصاريح الإقامة وتمديدها وتغيير العنوان',
          '<strong>استشارات الهجرة:</strong> استشارة بلغات عديدة، مجانية وسرية',
        ]) +
        p('لا تعرفون الجهة المسؤولة؟ اتصلوا بنا. سنساعدكم أو نوجهكم إلى المكان الصحيح.') +
        card('مكتب الاندماج (تنسيق برنامج WIR)', ADDR.landratsamt, `الهاتف: ${officePhone}<br />البريد الإلكتروني: ${officeMail}`, 'أوقات الاستقبال: من الاثنين إلى الخميس 9–12، الخميس 14–17'),
    },
    uk: {
      title: 'Що де знаходиться?',
      html:
        p('Ласкаво просимо до району Байшпіль! Ці сторінки дають короткий огляд перших контактних пунктів для людей, які нещодавно сюди переїхали. Тут ви знайдете установи, консультаційні центри, мовні курси, пропозиції для сімей та багато іншого.') +
        h2('Найважливіші адреси') +
        list([
          '<strong>Бюро інтеграції в районній адміністрації:</strong> перші питання, орієнтація, волонтерство та мовне посередництво',
          '<strong>Бюро громадян вашої громади:</strong> реєстрація місця проживання, довідка про реєстрацію',
          '<strong>Відомство у справах іноземців:</strong> дозволи на проживання, продовження, зміна адреси',
          '<strong>Міграційна консультація:</strong> консультації багатьма мовами, безкоштовно й конфіденційно',
        ]) +
        p('Не знаєте, хто відповідає за ваше питання? Зателефонуйте нам. Ми допоможемо або скеруємо вас до потрібної установи.') +
        card('Бюро інтеграції (координація WIR)', ADDR.landratsamt, `Телефон: ${officePhone}<br />Ел. пошта: ${officeMail}`, 'Години прийому: пн–чт 9–12, чт 14–17'),
    },
    'de-x-ls': {
      title: 'Was ist wo? Leicht erklärt',
      html:
        p('Sie sind neu im Landkreis Beispiel. Herzlich willkommen! Auf diesen Seiten finden Sie wichtige Adressen. Dort bekommen Sie Hilfe.') +
        h2('Wo bekomme ich Hilfe?') +
        list([
          'Das <strong>Integrations-Büro</strong> hilft bei allen ersten Fragen.',
          'Im <strong>Bürger-Büro</strong> melden Sie Ihre Wohnung an.',
          'Die <strong>Ausländer-Behörde</strong> ist ein Amt. Dort bekommen Sie Ihren Aufenthalts-Titel. Das ist die Erlaubnis: Sie dürfen in Deutschland leben.',
          'Die <strong>Migrations-Beratung</strong> hilft Ihnen in vielen Sprachen. Die Beratung kostet nichts.',
        ]) +
        p('Sie wissen nicht: Wer hilft mir? Dann rufen Sie uns an. Wir helfen Ihnen gern.') +
        card('Integrations-Büro', ADDR.landratsamt, `Telefon: ${officePhone}<br />E-Mail: ${officeMail}`, 'Montag bis Donnerstag: 9 bis 12 Uhr'),
    },
    tr: {
      title: 'Ne nerede?',
      html:
        p('Beispiel ilçesine hoş geldiniz! Bu sayfalar, bölgeye yeni taşınan kişiler için ilk başvuru yerleri hakkında kısa bir genel bakış sunar. Burada resmi daireleri, danışma merkezlerini, dil kurslarını, aileler için teklifleri ve daha fazlasını bulabilirsiniz.') +
        h2('En önemli adresler') +
        list([
          '<strong>İlçe idaresindeki Entegrasyon Bürosu:</strong> ilk sorular, yönlendirme, gönüllülük ve dil aracılığı',
          '<strong>Belediyenizin Vatandaş Bürosu:</strong> ikamet kaydı, kayıt belgesi',
          '<strong>Yabancılar Dairesi:</strong> oturma izinleri, uzatmalar, adres değişiklikleri',
          '<strong>Göç danışmanlığı:</strong> birçok dilde, ücretsiz ve gizli danışmanlık',
        ]) +
        p('Kimin yetkili olduğunu bilmiyor musunuz? Bizi arayın. Size yardımcı olur veya doğru yere yönlendiririz.') +
        card('Entegrasyon Bürosu (WIR koordinasyonu)', ADDR.landratsamt, `Telefon: ${officePhone}<br />E-posta: ${officeMail}`, 'Görüşme saatleri: Pzt–Per 9–12, Per 14–17'),
    },
    fa: {
      title: 'چه چیزی کجاست؟',
      html:
        p('به شهرستان بایشپیل خوش آمدید! این صفحات مروری کوتاه بر نخستین مراکز مراجعه برای تازه‌واردان ارائه می‌دهند. در اینجا ادارات، مراکز مشاوره، کلاس‌های زبان، برنامه‌هایی برای خانواده‌ها و موارد بسیار دیگری پیدا می‌کنید.') +
        h2('مهم‌ترین نشانی‌ها') +
        list([
          '<strong>دفتر ادغام در اداره شهرستان:</strong> پرسش‌های نخست، راهنمایی، فعالیت داوطلبانه و میانجی‌گری زبانی',
          '<strong>دفتر شهروندان در شهرداری شما:</strong> ثبت محل سکونت، گواهی ثبت',
          '<strong>اداره اتباع خارجی:</strong> اجازه اقامت، تمدید، تغییر نشانی',
          '<strong>مشاوره مهاجرت:</strong> مشاوره به زبان‌های مختلف، رایگان و محرمانه',
        ]) +
        p('نمی‌دانید کدام اداره مسئول است؟ با ما تماس بگیرید. ما به شما کمک می‌کنیم یا شما را به جای درست راهنمایی می‌کنیم.') +
        card('دفتر ادغام (هماهنگی WIR)', ADDR.landratsamt, `تلفن: ${officePhone}<br />ایمیل: ${officeMail}`, 'ساعات پذیرش: دوشنبه تا پنجشنبه ۹ تا ۱۲، پنجشنبه ۱۴ تا ۱۷'),
    },
    ru: {
      title: 'Что где находится?',
      html:
        p('Добро пожаловать в район Байшпиль! На этих страницах вы найдёте краткий обзор первых контактных пунктов для тех, кто недавно сюда переехал: ведомства, консультационные службы, языковые курсы, предложения для семей и многое другое.') +
        h2('Самые важные адреса') +
        list([
          '<strong>Бюро интеграции в районной администрации:</strong> первые вопросы, ориентация, волонтёрство и языковое посредничество',
          '<strong>Бюро граждан вашей общины:</strong> регистрация по месту жительства, справка о регистрации',
          '<strong>Ведомство по делам иностранцев:</strong> виды на жительство, продление, смена адреса',
          '<strong>Миграционная консультация:</strong> консультации на многих языках, бесплатно и конфиденциально',
        ]) +
        p('Не знаете, кто отвечает за ваш вопрос? Позвоните нам. Мы поможем или направим вас в нужное место.') +
        card('Бюро интеграции (координация WIR)', ADDR.landratsamt, `Телефон: ${officePhone}<br />Эл. почта: ${officeMail}`, 'Часы приёма: пн–чт 9–12, чт 14–17'),
    },
  },
  children: [
    {
      key: 'integration-office',
      icon: 'contact',
      texts: {
        de: {
          title: 'Integrationsbüro im Landratsamt',
          html:
            p('Das Integrationsbüro ist die erste Anlaufstelle des Landkreises für alle Fragen rund um das Ankommen. Wir beraten neu zugewanderte Menschen, Arbeitgeber, Vereine und Ehrenamtliche. Das Angebot ist kostenlos.') +
            h2('Dabei helfen wir') +
            list(['Orientierung: Welche Stelle ist für mein Anliegen zuständig?', 'Vermittlung von Sprachmittlerinnen und Sprachmittlern', 'Beratung und Begleitung von Ehrenamtlichen und Patenschaften', 'Interkulturelle Öffnung von Vereinen und Verwaltung']) +
            h2('Termin vereinbaren') +
            p('Sie können ohne Termin in die offene Sprechstunde kommen. Für längere Gespräche vereinbaren Sie bitte einen Termin per Telefon oder E-Mail. Bringen Sie, wenn möglich, Ihre Unterlagen mit. Wenn Sie eine Sprachmittlung brauchen, sagen Sie es uns bei der Terminvereinbarung.') +
            card('Integrationsbüro', ADDR.landratsamt, `Telefon: ${officePhone}<br />E-Mail: ${officeMail}`, 'Zimmer 104, erster Stock, barrierefreier Zugang über den Hof'),
        },
        en: {
          title: 'Integration office at the district administration',
          html:
            p('The integration office is the district’s first point of contact for all questions about settling in. We advise newly arrived people, employers, clubs and volunteers. Our services are free of charge.') +
            h2('How we can help') +
            list(['Orientation: which office is responsible for my request?', 'Arranging language mediators', 'Advice and support for volunteers and mentoring schemes', 'Intercultural opening of clubs and public administration']) +
            h2('Making an appointment') +
            p('You can come to our open consultation hours without an appointment. For longer conversations, please make an appointment by phone or e-mail. If possible, bring your documents with you. If you need a language mediator, please tell us when you make the appointment.') +
            card('Integration office', ADDR.landratsamt, `Phone: ${officePhone}<br />E-mail: ${officeMail}`, 'Room 104, first floor, step-free access via the courtyard'),
        },
        ar: {
          title: 'مكتب الاندماج في دائرة المقاطعة',
          html:
            p('مكتب الاندماج هو أول جهة في المقاطعة يمكنكم التوجه إليها بكل الأسئلة المتعلقة بالاستقرار. نقدم الاستشارة للقادمين الجدد وأصحاب العمل والجمعيات والمتطوعين. خدماتنا مجانية.') +
            h2('كيف نساعدكم') +
            list(['التوجيه: ما هي الجهة المسؤولة عن طلبي؟', 'توفير وسطاء لغويين', 'تقديم الاستشارة والمرافقة للمتطوعين ومشاريع الرعاية', 'الانفتاح الثقافي للجمعيات والإدارة']) +
            h2('حجز موعد') +
            p('يمكنكم الحضور إلى ساعات الاستشارة المفتوحة دون موعد. للمحادثات الأطول يرجى حجز موعد بالهاتف أو بالبريد الإلكتروني. أحضروا وثائقكم معكم إن أمكن. إذا كنتم بحاجة إلى وسيط لغوي، أخبرونا بذلك عند حجز الموعد.') +
            card('مكتب الاندماج', ADDR.landratsamt, `الهاتف: ${officePhone}<br />البريد الإلكتروني: ${officeMail}`, 'الغرفة 104، الطابق الأول، مدخل بدون درجات عبر الفناء'),
        },
        uk: {
          title: 'Бюро інтеграції в районній адміністрації',
          html:
            p('Бюро інтеграції — це перший контактний пункт району з усіх питань облаштування на новому місці. Ми консультуємо новоприбулих людей, роботодавців, спортивні та інші товариства, а також волонтерів. Наші послуги безкоштовні.') +
            h2('Чим ми допомагаємо') +
            list(['Орієнтація: яка установа відповідає за моє питання?', 'Залучення мовних посередників', 'Консультації та супровід волонтерів і програм наставництва', 'Міжкультурна відкритість товариств та адміністрації']) +
            h2('Запис на прийом') +
            p('На відкриті консультаційні години можна прийти без запису. Для тривалих розмов, будь ласка, домовтеся про зустріч телефоном або електронною поштою. За можливості візьміть із собою документи. Якщо вам потрібен мовний посередник, повідомте нас під час запису.') +
            card('Бюро інтеграції', ADDR.landratsamt, `Телефон: ${officePhone}<br />Ел. пошта: ${officeMail}`, 'Кімната 104, перший поверх, безбар’єрний вхід через подвір’я'),
        },
        'de-x-ls': {
          title: 'Das Integrations-Büro',
          html:
            p('Das Integrations-Büro ist im Land-Rats-Amt. Das Land-Rats-Amt ist die Verwaltung vom Landkreis. Das Integrations-Büro hilft Menschen. Die Menschen sind neu im Landkreis. Die Hilfe kostet nichts.') +
            h2('Wobei hilft das Büro?') +
            list(['Sie haben eine Frage. Wir sagen Ihnen: Wo bekommen Sie Hilfe?', 'Sie brauchen einen Sprach-Mittler. Ein Sprach-Mittler übersetzt für Sie.', 'Sie wollen anderen Menschen helfen. Wir zeigen Ihnen, wie das geht.']) +
            h2('Wie bekomme ich einen Termin?') +
            p('Sie können einfach vorbei-kommen. Oder Sie rufen an. Dann bekommen Sie einen Termin. Bringen Sie Ihre Papiere mit.') +
            card('Integrations-Büro', ADDR.landratsamt, `Telefon: ${officePhone}<br />E-Mail: ${officeMail}`, 'Zimmer 104'),
        },
      },
    },
    {
      key: 'migration-advice',
      icon: 'counselling',
      texts: {
        de: {
          title: 'Migrationsberatung',
          html:
            p('Die Migrationsberatung begleitet Sie in den ersten Jahren in Deutschland. Die Beraterinnen und Berater helfen bei Anträgen, Briefen von Behörden, Fragen zu Sprachkursen, Arbeit, Wohnung und Familie. Die Beratung ist kostenlos, vertraulich und unabhängig von Ihrem Aufenthaltsstatus.') +
            h2('Zwei Beratungsstellen') +
            list(['<strong>Migrationsberatung für Erwachsene (MBE)</strong> für Menschen ab 27 Jahren', '<strong>Jugendmigrationsdienst (JMD)</strong> für junge Menschen von 12 bis 26 Jahren']) +
            p('Beraten wird auf Deutsch, Englisch, Arabisch, Ukrainisch und Russisch. Für andere Sprachen organisieren wir eine Sprachmittlung.') +
            card('Migrationsberatung für Erwachsene', ADDR.mbe, `Telefon: ${tel('01234 567-410')}<br />E-Mail: ${mail('mbe@beispiel.example')}`) +
            card('Jugendmigrationsdienst', ADDR.jmd, `Telefon: ${tel('01234 567-420')}<br />E-Mail: ${mail('jmd@beispiel.example')}`),
        },
        en: {
          title: 'Migration advice',
          html:
            p('Migration advice services support you during your first years in Germany. The advisers help with applications, letters from authorities and questions about language courses, work, housing and family. The advice is free of charge, confidential and independent of your residence status.') +
            h2('Two advice centres') +
            list(['<strong>Migration advice for adults (MBE)</strong> for people aged 27 and over', '<strong>Youth migration service (JMD)</strong> for young people aged 12 to 26']) +
            p('Advice is given in German, English, Arabic, Ukrainian and Russian. For other languages we arrange a language mediator.') +
            card('Migration advice for adults', ADDR.mbe, `Phone: ${tel('01234 567-410')}<br />E-mail: ${mail('mbe@beispiel.example')}`) +
            card('Youth migration service', ADDR.jmd, `Phone: ${tel('01234 567-420')}<br />E-mail: ${mail('jmd@beispiel.example')}`),
        },
        ar: {
          title: 'استشارات الهجرة',
          html:
            p('ترافقكم خدمة استشارات الهجرة خلال سنواتكم الأولى في ألمانيا. يساعدكم المستشارون في تقديم الطلبات وفهم رسائل الدوائر الرسمية والإجابة عن الأسئلة المتعلقة بدورات اللغة والعمل والسكن والعائلة. الاستشارة مجانية وسرية ولا تتعلق بوضع إقامتكم.') +
            h2('مركزان للاستشارة') +
            list(['<strong>استشارات الهجرة للبالغين (MBE)</strong> للأشخاص من عمر 27 سنة فما فوق', '<strong>خدمة هجرة الشباب (JMD)</strong> للشباب من عمر 12 إلى 26 سنة']) +
            p('تقدم الاستشارة باللغات الألمانية والإنجليزية والعربية والأوكرانية والروسية. ولبقية اللغات ننظم وساطة لغوية.') +
            card('استشارات الهجرة للبالغين', ADDR.mbe, `الهاتف: ${tel('01234 567-410')}<br />البريد الإلكتروني: ${mail('mbe@beispiel.example')}`) +
            card('خدمة هجرة الشباب', ADDR.jmd, `الهاتف: ${tel('01234 567-420')}<br />البريد الإلكتروني: ${mail('jmd@beispiel.example')}`),
        },
        uk: {
          title: 'Міграційна консультація',
          html:
            p('Міграційна консультація супроводжує вас у перші роки в Німеччині. Консультанти допомагають із заявами, листами від установ, питаннями щодо мовних курсів, роботи, житла та сім’ї. Консультація безкоштовна, конфіденційна і не залежить від вашого статусу перебування.') +
            h2('Дві консультаційні служби') +
            list(['<strong>Міграційна консультація для дорослих (MBE)</strong> для людей від 27 років', '<strong>Молодіжна міграційна служба (JMD)</strong> для молоді від 12 до 26 років']) +
            p('Консультації проводяться німецькою, англійською, арабською, українською та російською мовами. Для інших мов ми залучаємо мовного посередника.') +
            card('Міграційна консультація для дорослих', ADDR.mbe, `Телефон: ${tel('01234 567-410')}<br />Ел. пошта: ${mail('mbe@beispiel.example')}`) +
            card('Молодіжна міграційна служба', ADDR.jmd, `Телефон: ${tel('01234 567-420')}<br />Ел. пошта: ${mail('jmd@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Migrations-Beratung',
          html:
            p('Sie sind neu in Deutschland. Dann haben Sie viele Fragen. Die Migrations-Beratung hilft Ihnen. Die Beratung kostet nichts. Die Beraterinnen erzählen nichts weiter.') +
            h2('Wobei hilft die Beratung?') +
            list(['bei Anträgen', 'bei Briefen von Ämtern', 'bei Fragen zu Sprach-Kursen', 'bei Fragen zu Arbeit und Wohnung']) +
            h2('Welche Beratung ist für mich?') +
            p('Sie sind 27 Jahre alt oder älter? Dann gehen Sie zur Migrations-Beratung für Erwachsene. Sie sind zwischen 12 und 26 Jahre alt? Dann gehen Sie zum Jugend-Migrations-Dienst.') +
            card('Migrations-Beratung für Erwachsene', ADDR.mbe, `Telefon: ${tel('01234 567-410')}`) +
            card('Jugend-Migrations-Dienst', ADDR.jmd, `Telefon: ${tel('01234 567-420')}`),
        },
      },
    },
    {
      key: 'emergency',
      icon: 'emergency',
      texts: {
        de: {
          title: 'Notfall und wichtige Telefonnummern',
          html:
            p('In einem Notfall zählt jede Minute. Die folgenden Nummern erreichen Sie in ganz Deutschland kostenlos, auch vom Handy ohne Guthaben. Sagen Sie am Telefon: Wo ist der Notfall? Was ist passiert? Wie viele Menschen sind verletzt?') +
            table(
              ['Wofür?', 'Nummer'],
              [
                ['Feuerwehr und Rettungsdienst', tel('112')],
                ['Polizei', tel('110')],
                ['Ärztlicher Bereitschaftsdienst (nachts und am Wochenende)', tel('116117')],
                ['Giftnotruf', tel('030 19240')],
                ['Hilfetelefon Gewalt gegen Frauen (auch in vielen Sprachen)', tel('116016')],
              ],
              'Notrufnummern',
            ) +
            h2('Krankenhaus') +
            p('Die Notaufnahme des Kreiskrankenhauses ist rund um die Uhr geöffnet. Bringen Sie Ihre Gesundheitskarte oder Ihren Behandlungsschein mit.') +
            card('Kreiskrankenhaus Beispielstadt, Notaufnahme', 'Klinikweg 1<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-999')}`),
        },
        en: {
          title: 'Emergencies and important phone numbers',
          html:
            p('In an emergency every minute counts. You can call the following numbers free of charge anywhere in Germany, even from a mobile phone without credit. On the phone, say: Where is the emergency? What happened? How many people are injured?') +
            table(
              ['What for?', 'Number'],
              [
                ['Fire brigade and ambulance', tel('112')],
                ['Police', tel('110')],
                ['On-call medical service (nights and weekends)', tel('116117')],
                ['Poison emergency line', tel('030 19240')],
                ['Helpline for women affected by violence (in many languages)', tel('116016')],
              ],
              'Emergency numbers',
            ) +
            h2('Hospital') +
            p('The emergency department of the district hospital is open around the clock. Bring your health insurance card or your treatment voucher.') +
            card('Beispielstadt District Hospital, emergency department', 'Klinikweg 1<br />12345 Beispielstadt', `Phone: ${tel('01234 567-999')}`),
        },
        ar: {
          title: 'الطوارئ وأرقام الهاتف المهمة',
          html:
            p('في حالة الطوارئ كل دقيقة مهمة. يمكنكم الاتصال بالأرقام التالية مجاناً في كل أنحاء ألمانيا، حتى من هاتف محمول بلا رصيد. قولوا على الهاتف: أين مكان الطوارئ؟ ماذا حدث؟ كم عدد المصابين؟') +
            table(
              ['لماذا؟', 'الرقم'],
              [
                ['الإطفاء والإسعاف', tel('112')],
                ['الشرطة', tel('110')],
                ['خدمة الطبيب المناوب (ليلاً وفي عطلة نهاية الأسبوع)', tel('116117')],
                ['طوارئ التسمم', tel('030 19240')],
                ['هاتف المساعدة للنساء المعرضات للعنف (بلغات عديدة)', tel('116016')],
              ],
              'أرقام الطوارئ',
            ) +
            h2('المستشفى') +
            p('قسم الطوارئ في مستشفى المقاطعة مفتوح على مدار الساعة. أحضروا بطاقة التأمين الصحي أو قسيمة العلاج.') +
            card('مستشفى مقاطعة بايشبيلشتات، قسم الطوارئ', 'Klinikweg 1<br />12345 Beispielstadt', `الهاتف: ${tel('01234 567-999')}`),
        },
        uk: {
          title: 'Надзвичайні ситуації та важливі номери телефонів',
          html:
            p('У надзвичайній ситуації важлива кожна хвилина. За наведеними номерами можна дзвонити безкоштовно по всій Німеччині, навіть з мобільного без коштів на рахунку. Скажіть по телефону: де сталася подія? Що сталося? Скільки людей постраждало?') +
            table(
              ['Для чого?', 'Номер'],
              [
                ['Пожежна служба та швидка допомога', tel('112')],
                ['Поліція', tel('110')],
                ['Чергова лікарська служба (вночі та у вихідні)', tel('116117')],
                ['Служба допомоги при отруєннях', tel('030 19240')],
                ['Гаряча лінія для жінок, які постраждали від насильства (багатьма мовами)', tel('116016')],
              ],
              'Номери екстрених служб',
            ) +
            h2('Лікарня') +
            p('Приймальне відділення районної лікарні працює цілодобово. Візьміть із собою картку медичного страхування або направлення на лікування.') +
            card('Районна лікарня Байшпільштадт, приймальне відділення', 'Klinikweg 1<br />12345 Beispielstadt', `Телефон: ${tel('01234 567-999')}`),
        },
        'de-x-ls': {
          title: 'Notfall: wichtige Telefon-Nummern',
          html:
            p('Ein Notfall ist eine gefährliche Situation. Zum Beispiel: Ein Mensch ist schwer verletzt. Oder es brennt. Dann rufen Sie sofort an. Der Anruf kostet nichts.') +
            table(
              ['Wen rufe ich an?', 'Nummer'],
              [
                ['Feuer-Wehr und Kranken-Wagen', tel('112')],
                ['Polizei', tel('110')],
                ['Arzt in der Nacht und am Wochen-Ende', tel('116117')],
              ],
              'Notruf-Nummern',
            ) +
            h2('Was sage ich am Telefon?') +
            list(['Wo ist der Notfall?', 'Was ist passiert?', 'Wie viele Menschen sind verletzt?']) +
            p('Dann warten Sie. Die Person am Telefon fragt Sie vielleicht noch etwas.'),
        },
      },
    },
  ],
};
