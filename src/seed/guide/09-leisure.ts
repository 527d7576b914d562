import { ADDR, card, h2, h3, list, mail, p, services, tel, type DemoPage } from './types.js';

const ksbPhone = tel('01234 567-450');
const ksbMail = mail('sport@beispiel.example');
const bPhone = tel('01234 567-550');
const bMail = mail('buecherei@beispiel.example');

export const leisure: DemoPage = {
  key: 'leisure',
  icon: 'sport',
  texts: {
    de: {
      title: 'Freizeit und Sport',
      html:
        p('Im Landkreis Beispiel gibt es viele Möglichkeiten, die Freizeit zu gestalten und neue Menschen kennenzulernen: über 150 Sportvereine, Musikschulen, Chöre, Büchereien, Jugendtreffs und Feste in jedem Ort. Viele Angebote sind kostenlos oder sehr günstig.') +
        h2('Für die ganze Familie') +
        list(['Freibäder in Beispielstadt und Musterdorf, im Winter das Hallenbad', 'Wander- und Radwege rund um den Beispielsee', 'Spielplätze und Bolzplätze in allen Gemeinden', 'Stadtfest im Juni und Interkulturelle Woche im September']) +
        p('Mit dem Bildungs- und Teilhabepaket zahlt der Landkreis für Kinder und Jugendliche aus Familien mit wenig Einkommen bis zu 15 Euro im Monat für Vereinsbeiträge, Musikunterricht oder Freizeiten.') +
        card('Kreissportbund Beispiel', ADDR.sport, `Telefon: ${ksbPhone}<br />E-Mail: ${ksbMail}`),
    },
    en: {
      title: 'Leisure and sport',
      html:
        p('The District of Beispiel offers many ways to spend your free time and meet new people: more than 150 sports clubs, music schools, choirs, libraries, youth clubs and festivals in every town. Many activities are free or very cheap.') +
        h2('For the whole family') +
        list(['Outdoor pools in Beispielstadt and Musterdorf, the indoor pool in winter', 'Hiking and cycling paths around Lake Beispiel', 'Playgrounds and football pitches in every municipality', 'Town festival in June and Intercultural Week in September']) +
        p('Through the education and participation package, the district pays up to 15 euros a month for club fees, music lessons or holiday camps for children and young people from families on a low income.') +
        card('District sports federation Beispiel', ADDR.sport, `Phone: ${ksbPhone}<br />E-mail: ${ksbMail}`),
    },
    ar: {
      title: 'أوقات الفراغ والرياضة',
      html:
        p('في مقاطعة بايشبيل إمكانيات كثيرة لقضاء أوقات الفراغ والتعرف على أشخاص جدد: أكثر من 150 نادياً رياضياً ومدارس موسيقى وجوقات غناء ومكتبات ونوادٍ للشباب واحتفالات في كل بلدة. كثير من العروض مجانية أو رخيصة جداً.') +
        h2('للعائلة كلها') +
        list(['مسابح مكشوفة في بايشبيلشتات وموستردورف، والمسبح المغطى في الشتاء', 'طرق للمشي وركوب الدراجات حول بحيرة بايشبيل', 'ملاعب للأطفال وملاعب كرة قدم في كل البلديات', 'احتفال المدينة في حزيران/يونيو والأسبوع الثقافي المشترك في أيلول/سبتمبر']) +
        p('من خلال حزمة التعليم والمشاركة تدفع المقاطعة للأطفال والشباب من العائلات ذات الدخل المحدود حتى 15 يورو شهرياً لاشتراكات النوادي أو دروس الموسيقى أو المخيمات.') +
        card('الاتحاد الرياضي في مقاطعة بايشبيل', ADDR.sport, `الهاتف: ${ksbPhone}<br />البريد الإلكتروني: ${ksbMail}`),
    },
    uk: {
      title: 'Дозвілля та спорт',
      html:
        p('У районі Байшпіль є багато можливостей провести вільний час і познайомитися з новими людьми: понад 150 спортивних клубів, музичні школи, хори, бібліотеки, молодіжні клуби та свята в кожному населеному пункті. Багато пропозицій безкоштовні або дуже дешеві.') +
        h2('Для всієї родини') +
        list(['Відкриті басейни в Байшпільштадті та Мустердорфі, взимку — критий басейн', 'Пішохідні та велосипедні маршрути навколо озера Байшпіль', 'Дитячі та футбольні майданчики в усіх громадах', 'Міське свято в червні та Міжкультурний тиждень у вересні']) +
        p('Через пакет «Освіта та участь» район оплачує дітям і молоді з малозабезпечених сімей до 15 євро на місяць за членство в клубах, уроки музики або табори.') +
        card('Районна спортивна спілка Байшпіль', ADDR.sport, `Телефон: ${ksbPhone}<br />Ел. пошта: ${ksbMail}`),
    },
    'de-x-ls': {
      title: 'Freizeit und Sport: Leicht erklärt',
      html:
        p('Freizeit ist die Zeit ohne Arbeit und ohne Schule. Im Landkreis gibt es viel für Ihre Freizeit. Dabei lernen Sie auch neue Menschen kennen.') +
        h2('Was kann ich machen?') +
        list(['Sport im Verein. Ein Verein ist eine Gruppe. Die Menschen im Verein machen zusammen etwas. Zum Beispiel Fußball.', 'Schwimmen im Schwimm-Bad.', 'Bücher lesen in der Bücherei.', 'Feste besuchen.']) +
        p('Sie haben wenig Geld? Dann bezahlt der Landkreis für Ihre Kinder. Zum Beispiel für den Sport-Verein.') +
        card('Kreis-Sport-Bund', ADDR.sport, `Telefon: ${ksbPhone}`),
    },
  },
  children: [
    {
      key: 'sports-clubs',
      icon: 'sport',
      texts: {
        de: {
          title: 'Sportvereine',
          html:
            p('Sportvereine sind in Deutschland ein wichtiger Treffpunkt. Hier trainieren Kinder, Jugendliche und Erwachsene gemeinsam, ganz gleich, woher sie kommen. Fußball, Schwimmen, Kampfsport, Tanzen, Turnen und Laufen sind besonders beliebt.') +
            h2('Mitmachen') +
            list(['Fragen Sie nach einem kostenlosen Probetraining.', 'Der Jahresbeitrag liegt für Kinder meist zwischen 30 und 80 Euro.', 'Viele Vereine verleihen Sportkleidung und Schuhe.', 'Für Wettkämpfe brauchen Kinder oft einen Spielerpass; der Verein hilft beim Antrag.']) +
            h3('Sport für Frauen') +
            p('Es gibt eigene Schwimm- und Fitnesszeiten nur für Frauen, mit Trainerinnen und Kinderbetreuung. Die Interkulturelle Öffnung der Sportvereine wird vom Kreissportbund begleitet: Viele Vereine haben Ansprechpersonen für neue Mitglieder.') +
            services('sports-clubs') +
            card('Kreissportbund Beispiel, Integration durch Sport', ADDR.sport, `Telefon: ${ksbPhone}<br />E-Mail: ${ksbMail}`),
        },
        en: {
          title: 'Sports clubs',
          html:
            p('Sports clubs are an important meeting place in Germany. Children, young people and adults train together here, no matter where they come from. Football, swimming, martial arts, dancing, gymnastics and running are especially popular.') +
            h2('Joining in') +
            list(['Ask for a free trial session.', 'The annual fee for children is usually between 30 and 80 euros.', 'Many clubs lend sportswear and shoes.', 'For competitions children often need a player’s pass; the club helps with the application.']) +
            h3('Sport for women') +
            p('There are separate swimming and fitness sessions just for women, with female coaches and childcare. The district sports federation supports the intercultural opening of sports clubs: many clubs have contact persons for new members.') +
            services('sports-clubs') +
            card('District sports federation Beispiel, integration through sport', ADDR.sport, `Phone: ${ksbPhone}<br />E-mail: ${ksbMail}`),
        },
        ar: {
          title: 'النوادي الرياضية',
          html:
            p('النوادي الرياضية مكان لقاء مهم في ألمانيا. يتدرب فيها الأطفال والشباب والبالغون معاً، بغض النظر عن أصولهم. كرة القدم والسباحة والفنون القتالية والرقص والجمباز والجري من أكثر الرياضات شعبية.') +
            h2('المشاركة') +
            list(['اسألوا عن تدريب تجريبي مجاني.', 'يتراوح الاشتراك السنوي للأطفال عادة بين 30 و80 يورو.', 'كثير من النوادي تعير الملابس والأحذية الرياضية.', 'للمسابقات يحتاج الأطفال غالباً إلى بطاقة لاعب، ويساعد النادي في طلبها.']) +
            h3('الرياضة للنساء') +
            p('هناك أوقات خاصة للسباحة واللياقة البدنية للنساء فقط، مع مدربات ورعاية للأطفال. يرافق الاتحاد الرياضي في المقاطعة الانفتاح الثقافي للنوادي، ولدى كثير من النوادي أشخاص مسؤولون عن الأعضاء الجدد.') +
            services('sports-clubs') +
            card('الاتحاد الرياضي في مقاطعة بايشبيل، الاندماج عبر الرياضة', ADDR.sport, `الهاتف: ${ksbPhone}<br />البريد الإلكتروني: ${ksbMail}`),
        },
        uk: {
          title: 'Спортивні клуби',
          html:
            p('Спортивні клуби в Німеччині — важливе місце зустрічей. Тут разом тренуються діти, молодь і дорослі, незалежно від того, звідки вони. Особливо популярні футбол, плавання, бойові мистецтва, танці, гімнастика та біг.') +
            h2('Як долучитися') +
            list(['Запитайте про безкоштовне пробне тренування.', 'Річний внесок для дітей зазвичай становить від 30 до 80 євро.', 'Багато клубів позичають спортивний одяг і взуття.', 'Для змагань дітям часто потрібна картка гравця; клуб допоможе з оформленням.']) +
            h3('Спорт для жінок') +
            p('Є окремі години плавання та фітнесу лише для жінок, з тренерками та доглядом за дітьми. Районна спортивна спілка супроводжує міжкультурну відкритість клубів: у багатьох є контактні особи для нових членів.') +
            services('sports-clubs') +
            card('Районна спортивна спілка Байшпіль, інтеграція через спорт', ADDR.sport, `Телефон: ${ksbPhone}<br />Ел. пошта: ${ksbMail}`),
        },
        'de-x-ls': {
          title: 'Im Sport-Verein mitmachen',
          html:
            p('In Deutschland machen viele Menschen Sport im Verein. Zum Beispiel Fußball. Oder Schwimmen. Oder Tanzen. Im Verein finden Sie schnell Freunde.') +
            h2('So machen Sie mit') +
            list(['Sie gehen zum Verein. Sie fragen: Darf ich einmal mitmachen? Das kostet nichts.', 'Es gefällt Ihnen? Dann werden Sie Mitglied. Das kostet jedes Jahr etwas Geld.', 'Für Kinder aus Familien mit wenig Geld bezahlt der Landkreis.'], true) +
            p('Es gibt auch Sport nur für Frauen. Dort sind nur Frauen. Auch die Trainerin ist eine Frau.') +
            services('sports-clubs') +
            card('Kreis-Sport-Bund', ADDR.sport, `Telefon: ${ksbPhone}`),
        },
      },
    },
    {
      key: 'library-culture',
      icon: 'place',
      texts: {
        de: {
          title: 'Stadtbücherei und Kultur',
          html:
            p('Die Stadtbücherei Beispielstadt ist ein offener Ort für alle. Sie können dort lesen, lernen, WLAN nutzen und Menschen treffen, auch ohne Ausweis der Bücherei. Der Ausweis kostet für Erwachsene zehn Euro im Jahr, für Kinder und Jugendliche ist er kostenlos.') +
            h2('Besondere Angebote') +
            list(['Bücher, Filme und Hörbücher in über 20 Sprachen', 'Lernmaterial für Deutschkurse und Prüfungen', 'Vorlesestunde für Kinder, auch zweisprachig, jeden Samstag um 11 Uhr', 'Computerarbeitsplätze und Hilfe bei Bewerbungen']) +
            h2('Kultur im Landkreis') +
            p('Das Kulturhaus, das Kreismuseum und die Musikschule haben ermäßigte Preise für Menschen mit wenig Einkommen. Mit dem Kulturpass erhalten Sie kostenlose Karten für ausgewählte Konzerte und Theatervorstellungen.') +
            card('Stadtbücherei Beispielstadt', ADDR.buecherei, `Telefon: ${bPhone}<br />E-Mail: ${bMail}`, 'Di–Fr 10–18 Uhr, Sa 10–13 Uhr'),
        },
        en: {
          title: 'Town library and culture',
          html:
            p('Beispielstadt town library is an open place for everyone. You can read, study, use the Wi-Fi and meet people there, even without a library card. The card costs ten euros a year for adults and is free for children and young people.') +
            h2('Special services') +
            list(['Books, films and audiobooks in more than 20 languages', 'Learning materials for German courses and exams', 'Story time for children, also bilingual, every Saturday at 11 am', 'Computer workstations and help with job applications']) +
            h2('Culture in the district') +
            p('The culture centre, the district museum and the music school offer reduced prices for people on a low income. With the culture pass you get free tickets for selected concerts and theatre performances.') +
            card('Beispielstadt town library', ADDR.buecherei, `Phone: ${bPhone}<br />E-mail: ${bMail}`, 'Tue–Fri 10 am–6 pm, Sat 10 am–1 pm'),
        },
        ar: {
          title: 'مكتبة المدينة والثقافة',
          html:
            p('مكتبة مدينة بايشبيلشتات مكان مفتوح للجميع. يمكنكم فيها القراءة والتعلم واستخدام شبكة الإنترنت اللاسلكية ولقاء الناس، حتى دون بطاقة المكتبة. تكلف البطاقة للبالغين عشرة يورو في السنة، وهي مجانية للأطفال والشباب.') +
            h2('عروض خاصة') +
            list(['كتب وأفلام وكتب مسموعة بأكثر من 20 لغة', 'مواد تعليمية لدورات اللغة الألمانية والامتحانات', 'ساعة القراءة للأطفال، بلغتين أيضاً، كل يوم سبت الساعة 11', 'أجهزة كمبيوتر ومساعدة في طلبات التوظيف']) +
            h2('الثقافة في المقاطعة') +
            p('يقدم البيت الثقافي ومتحف المقاطعة ومدرسة الموسيقى أسعاراً مخفضة لذوي الدخل المحدود. وبجواز الثقافة تحصلون على تذاكر مجانية لحفلات وعروض مسرحية مختارة.') +
            card('مكتبة مدينة بايشبيلشتات', ADDR.buecherei, `الهاتف: ${bPhone}<br />البريد الإلكتروني: ${bMail}`, 'الثلاثاء–الجمعة 10–18، السبت 10–13'),
        },
        uk: {
          title: 'Міська бібліотека та культура',
          html:
            p('Міська бібліотека Байшпільштадта — відкрите місце для всіх. Тут можна читати, навчатися, користуватися Wi-Fi та зустрічатися з людьми навіть без читацького квитка. Квиток коштує для дорослих десять євро на рік, для дітей і молоді — безкоштовно.') +
            h2('Особливі пропозиції') +
            list(['Книжки, фільми та аудіокниги більш ніж 20 мовами', 'Навчальні матеріали для курсів німецької та іспитів', 'Година читання для дітей, також двомовна, щосуботи об 11', 'Комп’ютерні місця та допомога з резюме']) +
            h2('Культура в районі') +
            p('Будинок культури, районний музей і музична школа мають знижки для людей з невеликим доходом. З культурним пропуском ви отримуєте безкоштовні квитки на вибрані концерти та вистави.') +
            card('Міська бібліотека Байшпільштадт', ADDR.buecherei, `Телефон: ${bPhone}<br />Ел. пошта: ${bMail}`, 'вт–пт 10–18, сб 10–13'),
        },
        'de-x-ls': {
          title: 'Die Stadt-Bücherei',
          html:
            p('In der Bücherei gibt es viele Bücher. Sie können die Bücher lesen. Oder Sie nehmen die Bücher mit nach Hause. Das heißt: ausleihen. Dafür brauchen Sie einen Ausweis von der Bücherei.') +
            h2('Was kostet der Ausweis?') +
            p('Für Erwachsene kostet der Ausweis 10 Euro im Jahr. Für Kinder kostet er nichts.') +
            h2('Was gibt es noch?') +
            list(['Bücher in vielen Sprachen', 'Bücher zum Deutsch-Lernen', 'Computer und Internet', 'Vorlesen für Kinder. Jeden Samstag um 11 Uhr.']) +
            card('Stadt-Bücherei', ADDR.buecherei, `Telefon: ${bPhone}`),
        },
      },
    },
    {
      key: 'youth-clubs',
      icon: 'community',
      missing: ['en', 'de-x-ls'],
      texts: {
        de: {
          title: 'Jugendtreffs',
          html:
            p('In den Jugendtreffs des Landkreises können Jugendliche von 12 bis 21 Jahren ihre Freizeit verbringen, Freunde treffen und eigene Ideen umsetzen. Der Eintritt ist frei, und niemand muss Mitglied werden. Pädagogische Fachkräfte sind immer vor Ort und haben ein offenes Ohr für Sorgen und Fragen.') +
            h2('Was es gibt') +
            list(['Kicker, Billard, Spielkonsolen und Musikraum', 'Kochabende und Ausflüge', 'Bewerbungstraining und Hilfe bei den Hausaufgaben', 'Mädchentag jeden Mittwoch']) +
            h2('Orte und Zeiten') +
            list(['Jugendhaus Beispielstadt, Parkstraße 6: Mo–Fr 14–20 Uhr', 'Jugendraum Musterdorf, Dorfstraße 11: Di und Do 15–19 Uhr', 'Mobile Jugendarbeit: der Jugendbus kommt freitags in die kleineren Orte']) +
            card('Jugendhaus Beispielstadt', 'Parkstraße 6<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-390')}<br />E-Mail: ${mail('jugendhaus@beispiel.example')}`),
        },
        ar: {
          title: 'نوادي الشباب',
          html:
            p('في نوادي الشباب في المقاطعة يمكن للشباب من عمر 12 إلى 21 سنة قضاء أوقات فراغهم ولقاء الأصدقاء وتحقيق أفكارهم الخاصة. الدخول مجاني، ولا يلزم أن يصبح أحد عضواً. يوجد دائماً مختصون تربويون في المكان يستمعون إلى الهموم والأسئلة.') +
            h2('ماذا يوجد؟') +
            list(['كرة الطاولة والبلياردو وأجهزة الألعاب وغرفة الموسيقى', 'أمسيات طبخ ورحلات', 'تدريب على طلبات التوظيف ومساعدة في الواجبات المدرسية', 'يوم للفتيات كل أربعاء']) +
            h2('الأماكن والأوقات') +
            list(['بيت الشباب في بايشبيلشتات، Parkstraße 6: الاثنين–الجمعة 14–20', 'غرفة الشباب في موستردورف، Dorfstraße 11: الثلاثاء والخميس 15–19', 'العمل الشبابي المتنقل: تأتي حافلة الشباب أيام الجمعة إلى البلدات الأصغر']) +
            card('بيت الشباب في بايشبيلشتات', 'Parkstraße 6<br />12345 Beispielstadt', `الهاتف: ${tel('01234 567-390')}<br />البريد الإلكتروني: ${mail('jugendhaus@beispiel.example')}`),
        },
        uk: {
          title: 'Молодіжні клуби',
          html:
            p('У молодіжних клубах району молодь віком від 12 до 21 року може проводити вільний час, зустрічатися з друзями та втілювати власні ідеї. Вхід вільний, і ніхто не мусить ставати членом. На місці завжди є педагоги, які вислухають турботи й питання.') +
            h2('Що тут є') +
            list(['Настільний футбол, більярд, ігрові приставки та музична кімната', 'Вечори кулінарії та екскурсії', 'Тренінги з працевлаштування та допомога з домашніми завданнями', 'День для дівчат щосереди']) +
            h2('Місця та час') +
            list(['Молодіжний дім Байшпільштадт, Parkstraße 6: пн–пт 14–20', 'Молодіжна кімната Мустердорф, Dorfstraße 11: вт і чт 15–19', 'Мобільна молодіжна робота: молодіжний автобус щоп’ятниці приїжджає в менші населені пункти']) +
            card('Молодіжний дім Байшпільштадт', 'Parkstraße 6<br />12345 Beispielstadt', `Телефон: ${tel('01234 567-390')}<br />Ел. пошта: ${mail('jugendhaus@beispiel.example')}`),
        },
      },
    },
  ],
};
