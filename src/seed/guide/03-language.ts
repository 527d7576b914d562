import { ADDR, card, h2, h3, list, mail, p, table, tel, type DemoPage } from './types.js';

const vhsPhone = tel('01234 567-500');
const vhsMail = mail('deutsch@beispiel.example');
const vhsCard = (heading: string, phone: string, email: string) => card(heading, ADDR.vhs, `${phone}: ${vhsPhone}<br />${email}: ${vhsMail}`);

export const language: DemoPage = {
  key: 'language',
  icon: 'language',
  texts: {
    de: {
      title: 'Deutsch lernen',
      html:
        p('Deutsch ist der Schlüssel für Arbeit, Ausbildung und Kontakte im Alltag. Im Landkreis Beispiel gibt es Kurse für jedes Niveau: vom ersten Wort bis zur Fachsprache im Beruf. Viele Kurse sind kostenlos oder werden gefördert.') +
        h2('Welcher Kurs passt zu mir?') +
        list(['<strong>Integrationskurs:</strong> Sprache und Orientierung für den Alltag, bis Niveau B1', '<strong>Berufssprachkurs:</strong> Deutsch für den Beruf, ab Niveau B1', '<strong>Sprachcafé:</strong> Sprechen üben in lockerer Runde, ohne Anmeldung']) +
        p('Die Volkshochschule macht mit Ihnen einen kostenlosen Einstufungstest. Danach wissen Sie, welcher Kurs für Sie passt. Auch Kinderbetreuung während des Kurses ist an einigen Kursorten möglich.') +
        vhsCard('Volkshochschule Beispiel, Deutschkurse', 'Telefon', 'E-Mail'),
    },
    en: {
      title: 'Learning German',
      html:
        p('German is the key to work, training and everyday contacts. In the District of Beispiel there are courses for every level: from your first words to the technical language of your job. Many courses are free of charge or subsidised.') +
        h2('Which course is right for me?') +
        list(['<strong>Integration course:</strong> language and orientation for everyday life, up to level B1', '<strong>Job-related language course:</strong> German for work, from level B1', '<strong>Language café:</strong> practise speaking in a relaxed group, no registration needed']) +
        p('The adult education centre (Volkshochschule) will do a free placement test with you. Afterwards you know which course suits you. Childcare during the course is available at some course locations.') +
        vhsCard('Volkshochschule Beispiel, German courses', 'Phone', 'E-mail'),
    },
    ar: {
      title: 'تعلّم اللغة الألمانية',
      html:
        p('اللغة الألمانية هي مفتاح العمل والتدريب المهني والتواصل في الحياة اليومية. في مقاطعة بايشبيل توجد دورات لكل المستويات: من الكلمة الأولى حتى لغة الاختصاص في المهنة. كثير من الدورات مجانية أو مدعومة.') +
        h2('أي دورة تناسبني؟') +
        list(['<strong>دورة الاندماج:</strong> اللغة والتوجيه في الحياة اليومية، حتى المستوى B1', '<strong>دورة اللغة المهنية:</strong> الألمانية للعمل، ابتداءً من المستوى B1', '<strong>مقهى اللغة:</strong> تمرين المحادثة في جو مريح، دون تسجيل']) +
        p('تجري لكم الجامعة الشعبية (فولكس هوخ شوله) اختبار تحديد مستوى مجاني. بعد ذلك تعرفون الدورة المناسبة لكم. وفي بعض أماكن الدورات تتوفر رعاية للأطفال خلال الدرس.') +
        vhsCard('الجامعة الشعبية بايشبيل، دورات اللغة الألمانية', 'الهاتف', 'البريد الإلكتروني'),
    },
    uk: {
      title: 'Вивчення німецької мови',
      html:
        p('Німецька мова — ключ до роботи, професійного навчання та спілкування в повсякденному житті. У районі Байшпіль є курси для будь-якого рівня: від перших слів до професійної мови. Багато курсів безкоштовні або фінансуються державою.') +
        h2('Який курс мені підходить?') +
        list(['<strong>Інтеграційний курс:</strong> мова та орієнтація в повсякденному житті, до рівня B1', '<strong>Професійний мовний курс:</strong> німецька для роботи, від рівня B1', '<strong>Мовне кафе:</strong> практика розмовної мови в невимушеній атмосфері, без реєстрації']) +
        p('Народна вища школа (Volkshochschule) проведе з вами безкоштовний тест на визначення рівня. Після нього ви знатимете, який курс вам підходить. У деяких місцях під час курсу є догляд за дітьми.') +
        vhsCard('Народна вища школа Байшпіль, курси німецької', 'Телефон', 'Ел. пошта'),
    },
    'de-x-ls': {
      title: 'Deutsch lernen: Leicht erklärt',
      html:
        p('Sie möchten Deutsch lernen? Das ist wichtig. Mit Deutsch finden Sie leichter Arbeit. Und Sie können mit Ihren Nachbarn sprechen.') +
        h2('Es gibt verschiedene Kurse') +
        list(['Der <strong>Integrations-Kurs</strong> ist für Anfänger.', 'Der <strong>Berufs-Sprach-Kurs</strong> ist für die Arbeit.', 'Im <strong>Sprach-Café</strong> üben Sie Sprechen. Sie müssen sich nicht anmelden.']) +
        p('Welcher Kurs ist gut für Sie? Das finden Sie mit einem Test heraus. Der Test kostet nichts. Sie machen den Test bei der Volks-Hoch-Schule.') +
        vhsCard('Volks-Hoch-Schule', 'Telefon', 'E-Mail'),
    },
  },
  children: [
    {
      key: 'integration-course',
      icon: 'education',
      revision: [
        { find: 'Die nächsten Kurse beginnen im März und im September.', replace: 'Wegen der großen Nachfrage beginnt ab sofort jeden Monat ein neuer Kurs, auch als Abendkurs und als Kurs mit Kinderbetreuung.' },
        { find: 'Anmeldung bei der Volkshochschule.', replace: 'Anmeldung bei der Volkshochschule, seit Januar auch online über das Kursportal.' },
      ],
      texts: {
        de: {
          title: 'Integrationskurs',
          html:
            p('Der Integrationskurs besteht aus einem Sprachkurs und einem Orientierungskurs. Im Orientierungskurs lernen Sie viel über Geschichte, Politik, Recht und das Zusammenleben in Deutschland. Am Ende machen Sie die Prüfungen „Deutsch-Test für Zuwanderer“ und „Leben in Deutschland“.') +
            table(
              ['Kursart', 'Unterrichtsstunden', 'Für wen?'],
              [
                ['Allgemeiner Integrationskurs', '700', 'alle'],
                ['Alphabetisierungskurs', 'bis 1.300', 'Menschen, die lesen und schreiben lernen'],
                ['Jugendintegrationskurs', 'bis 1.000', 'junge Menschen bis 27 Jahre'],
                ['Intensivkurs', '430', 'Menschen, die schnell lernen'],
              ],
              'Kursarten im Überblick',
            ) +
            h2('Kosten und Anmeldung') +
            p('Oft bezahlt das Bundesamt für Migration und Flüchtlinge den Kurs. Sonst kostet eine Unterrichtsstunde 2,29 Euro. Die nächsten Kurse beginnen im März und im September. Anmeldung bei der Volkshochschule.') +
            vhsCard('Integrationskurse an der Volkshochschule', 'Telefon', 'E-Mail'),
        },
        en: {
          title: 'Integration course',
          html:
            p('The integration course consists of a language course and an orientation course. In the orientation course you learn a lot about history, politics, law and living together in Germany. At the end you take the exams “German Test for Immigrants” and “Life in Germany”.') +
            table(
              ['Type of course', 'Teaching hours', 'For whom?'],
              [
                ['General integration course', '700', 'everyone'],
                ['Literacy course', 'up to 1,300', 'people learning to read and write'],
                ['Youth integration course', 'up to 1,000', 'young people up to 27'],
                ['Intensive course', '430', 'fast learners'],
              ],
              'Types of course at a glance',
            ) +
            h2('Costs and registration') +
            p('Often the Federal Office for Migration and Refugees pays for the course. Otherwise one teaching hour costs 2.29 euros. The next courses start in March and September. Register at the adult education centre.') +
            vhsCard('Integration courses at the Volkshochschule', 'Phone', 'E-mail'),
        },
        ar: {
          title: 'دورة الاندماج',
          html:
            p('تتكون دورة الاندماج من دورة لغة ودورة توجيه. في دورة التوجيه تتعلمون الكثير عن التاريخ والسياسة والقانون والعيش المشترك في ألمانيا. وفي النهاية تقدمون امتحاني „اختبار اللغة الألمانية للمهاجرين“ و„الحياة في ألمانيا“.') +
            table(
              ['نوع الدورة', 'عدد الحصص', 'لمن؟'],
              [
                ['دورة الاندماج العامة', '700', 'للجميع'],
                ['دورة محو الأمية', 'حتى 1300', 'لمن يتعلم القراءة والكتابة'],
                ['دورة الاندماج للشباب', 'حتى 1000', 'للشباب حتى سن 27'],
                ['الدورة المكثفة', '430', 'لمن يتعلم بسرعة'],
              ],
              'أنواع الدورات باختصار',
            ) +
            h2('التكاليف والتسجيل') +
            p('غالباً ما يدفع المكتب الاتحادي للهجرة واللاجئين تكاليف الدورة. وإلا فإن الحصة الواحدة تكلف 2,29 يورو. تبدأ الدورات القادمة في آذار/مارس وأيلول/سبتمبر. التسجيل في الجامعة الشعبية.') +
            vhsCard('دورات الاندماج في الجامعة الشعبية', 'الهاتف', 'البريد الإلكتروني'),
        },
        uk: {
          title: 'Інтеграційний курс',
          html:
            p('Інтеграційний курс складається з мовного та орієнтаційного курсів. На орієнтаційному курсі ви багато дізнаєтеся про історію, політику, право та спільне життя в Німеччині. Наприкінці ви складаєте іспити «Німецька мова для іммігрантів» (DTZ) та «Життя в Німеччині».') +
            table(
              ['Вид курсу', 'Академічних годин', 'Для кого?'],
              [
                ['Загальний інтеграційний курс', '700', 'для всіх'],
                ['Курс з алфабетизації', 'до 1300', 'для тих, хто вчиться читати й писати'],
                ['Молодіжний інтеграційний курс', 'до 1000', 'для молоді до 27 років'],
                ['Інтенсивний курс', '430', 'для тих, хто швидко вчиться'],
              ],
              'Огляд видів курсів',
            ) +
            h2('Вартість і реєстрація') +
            p('Часто курс оплачує Федеральне відомство з питань міграції та біженців. Інакше одна академічна година коштує 2,29 євро. Наступні курси починаються в березні та вересні. Реєстрація в народній вищій школі.') +
            vhsCard('Інтеграційні курси в народній вищій школі', 'Телефон', 'Ел. пошта'),
        },
        'de-x-ls': {
          title: 'Der Integrations-Kurs',
          html:
            p('Im Integrations-Kurs lernen Sie Deutsch. Und Sie lernen viel über Deutschland. Zum Beispiel: Welche Regeln gibt es in Deutschland? Wie funktioniert die Politik?') +
            h2('Wie lange dauert der Kurs?') +
            p('Der Kurs hat meistens 700 Stunden. Manche Menschen lernen noch Lesen und Schreiben. Dann dauert der Kurs länger.') +
            h2('Was kostet der Kurs?') +
            p('Oft bezahlt der Staat den Kurs. Dann kostet er für Sie nichts. Am Ende vom Kurs gibt es eine Prüfung.') +
            h2('Wo melde ich mich an?') +
            p('Sie melden sich bei der Volks-Hoch-Schule an. Neue Kurse beginnen im März und im September.') +
            vhsCard('Volks-Hoch-Schule', 'Telefon', 'E-Mail'),
        },
        ru: {
          title: 'Интеграционный курс',
          html:
            p('Интеграционный курс состоит из языкового и ориентационного курсов. На ориентационном курсе вы многое узнаете об истории, политике, праве и совместной жизни в Германии. В конце вы сдаёте экзамены «Немецкий язык для иммигрантов» (DTZ) и «Жизнь в Германии».') +
            table(
              ['Вид курса', 'Учебных часов', 'Для кого?'],
              [
                ['Общий интеграционный курс', '700', 'для всех'],
                ['Курс алфабетизации', 'до 1300', 'для тех, кто учится читать и писать'],
                ['Молодёжный интеграционный курс', 'до 1000', 'для молодёжи до 27 лет'],
                ['Интенсивный курс', '430', 'для тех, кто учится быстро'],
              ],
              'Виды курсов',
            ) +
            h2('Стоимость и запись') +
            p('Часто курс оплачивает Федеральное ведомство по делам миграции и беженцев. В остальных случаях один учебный час стоит 2,29 евро. Следующие курсы начинаются в марте и сентябре. Запись в народном университете.') +
            vhsCard('Интеграционные курсы в народном университете', 'Телефон', 'Эл. почта'),
        },
      },
    },
    {
      key: 'job-language-course',
      icon: 'work',
      texts: {
        de: {
          title: 'Berufssprachkurse',
          html:
            p('Berufssprachkurse bereiten Sie auf Deutsch im Arbeitsleben vor. Sie lernen zum Beispiel, wie man E-Mails schreibt, telefoniert, an Besprechungen teilnimmt und Fachwörter verwendet. Es gibt Basiskurse bis zu den Niveaus B2, C1 und C2 sowie Spezialkurse für Pflege, Handel, Handwerk und akademische Heilberufe.') +
            h2('Voraussetzungen') +
            list(['Sie haben den Integrationskurs abgeschlossen oder Deutschkenntnisse auf Niveau B1', 'Sie sind arbeitsuchend, in Ausbildung oder beschäftigt', 'Sie haben eine Berechtigung vom Jobcenter, von der Agentur für Arbeit oder vom Bundesamt']) +
            h2('Kosten') +
            p('Für Arbeitsuchende ist der Kurs kostenlos. Wer arbeitet und gut verdient, zahlt einen Eigenanteil. Den Kurs können Sie auch berufsbegleitend am Abend oder am Samstag besuchen.') +
            card('Beratung zu Berufssprachkursen', ADDR.vhs, `Telefon: ${tel('01234 567-505')}<br />E-Mail: ${mail('beruf-deutsch@beispiel.example')}`),
        },
        en: {
          title: 'Job-related German courses',
          html:
            p('Job-related language courses prepare you for German at work. You learn, for example, how to write e-mails, make phone calls, take part in meetings and use technical terms. There are basic courses up to levels B2, C1 and C2 as well as special courses for care, retail, trades and academic health professions.') +
            h2('Requirements') +
            list(['You have completed the integration course or speak German at level B1', 'You are looking for work, in training or employed', 'You have an entitlement from the job centre, the employment agency or the Federal Office']) +
            h2('Costs') +
            p('The course is free for job seekers. People who work and earn well pay a share of the costs. You can also attend the course alongside your job in the evening or on Saturdays.') +
            card('Advice on job-related German courses', ADDR.vhs, `Phone: ${tel('01234 567-505')}<br />E-mail: ${mail('beruf-deutsch@beispiel.example')}`),
        },
        ar: {
          title: 'دورات اللغة المهنية',
          html:
            p('تُعدّكم دورات اللغة المهنية لاستخدام اللغة الألمانية في الحياة العملية. تتعلمون مثلاً كتابة الرسائل الإلكترونية وإجراء المكالمات الهاتفية والمشاركة في الاجتماعات واستخدام المصطلحات المهنية. هناك دورات أساسية حتى المستويات B2 وC1 وC2، ودورات خاصة للتمريض والتجارة والحِرف والمهن الصحية الأكاديمية.') +
            h2('الشروط') +
            list(['أنهيتم دورة الاندماج أو لديكم معرفة باللغة الألمانية بمستوى B1', 'تبحثون عن عمل أو في تدريب مهني أو تعملون', 'لديكم إذن من مركز العمل (جوب سنتر) أو من وكالة العمل أو من المكتب الاتحادي']) +
            h2('التكاليف') +
            p('الدورة مجانية للباحثين عن عمل. أما من يعمل ويتقاضى دخلاً جيداً فيدفع جزءاً من التكاليف. يمكنكم أيضاً حضور الدورة إلى جانب العمل مساءً أو يوم السبت.') +
            card('استشارة حول دورات اللغة المهنية', ADDR.vhs, `الهاتف: ${tel('01234 567-505')}<br />البريد الإلكتروني: ${mail('beruf-deutsch@beispiel.example')}`),
        },
        uk: {
          title: 'Професійні мовні курси',
          html:
            p('Професійні мовні курси готують вас до використання німецької мови на роботі. Ви вчитеся, наприклад, писати електронні листи, телефонувати, брати участь у нарадах і вживати фахові терміни. Є базові курси до рівнів B2, C1 і C2, а також спеціальні курси для догляду, торгівлі, ремесел та академічних медичних професій.') +
            h2('Умови') +
            list(['Ви закінчили інтеграційний курс або володієте німецькою на рівні B1', 'Ви шукаєте роботу, навчаєтеся за професією або працюєте', 'Ви маєте направлення від джобцентру, агентства з працевлаштування або Федерального відомства']) +
            h2('Вартість') +
            p('Для тих, хто шукає роботу, курс безкоштовний. Хто працює і добре заробляє, сплачує частину вартості. Курс можна відвідувати й паралельно з роботою — увечері або в суботу.') +
            card('Консультації щодо професійних мовних курсів', ADDR.vhs, `Телефон: ${tel('01234 567-505')}<br />Ел. пошта: ${mail('beruf-deutsch@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Deutsch für den Beruf',
          html:
            p('Sie können schon gut Deutsch? Und Sie wollen arbeiten? Dann ist ein Berufs-Sprach-Kurs gut für Sie. Dort lernen Sie Deutsch für die Arbeit.') +
            h2('Was lerne ich?') +
            list(['E-Mails schreiben', 'am Telefon sprechen', 'wichtige Wörter für Ihren Beruf']) +
            h2('Wer darf mitmachen?') +
            p('Sie brauchen das Sprach-Niveau B1. Das bedeutet: Sie verstehen viel im Alltag. Sie brauchen auch eine Erlaubnis. Die Erlaubnis bekommen Sie beim Job-Center. Oder bei der Agentur für Arbeit.') +
            p('Sie suchen Arbeit? Dann kostet der Kurs nichts.') +
            card('Beratung Berufs-Sprach-Kurse', ADDR.vhs, `Telefon: ${tel('01234 567-505')}`),
        },
      },
    },
    {
      key: 'language-cafe',
      icon: 'community',
      revision: [
        { find: 'jeden Dienstag von 17 bis 19 Uhr in der Stadtbücherei', replace: 'ab sofort jeden Mittwoch von 16 bis 18 Uhr im neuen Familienzentrum am Lindenplatz' },
        { find: ADDR.buecherei, replace: 'Familienzentrum Beispielstadt<br />Lindenplatz 2<br />12345 Beispielstadt' },
      ],
      texts: {
        de: {
          title: 'Sprachcafé',
          html:
            p('Im Sprachcafé treffen sich Menschen, die Deutsch lernen, mit Menschen, die Deutsch als Muttersprache sprechen. Bei Kaffee und Tee unterhalten Sie sich über Alltag, Hobbys und Fragen, die Sie gerade beschäftigen. Ehrenamtliche moderieren die Gesprächsrunden.') +
            h2('Wann und wo?') +
            p('Das Sprachcafé findet jeden Dienstag von 17 bis 19 Uhr in der Stadtbücherei statt. Sie brauchen keine Anmeldung und es kostet nichts. Kinder dürfen mitkommen; es gibt eine Spielecke.') +
            h3('Für wen?') +
            list(['für alle, die Deutsch sprechen üben möchten, egal auf welchem Niveau', 'für Einheimische, die neue Menschen kennenlernen möchten', 'für Ehrenamtliche, die mitmachen möchten']) +
            card('Sprachcafé', ADDR.buecherei, `Kontakt: ${mail('sprachcafe@beispiel.example')}`),
        },
        en: {
          title: 'Language café',
          html:
            p('At the language café, people who are learning German meet people whose native language is German. Over coffee and tea you talk about everyday life, hobbies and the questions on your mind. Volunteers host the conversation groups.') +
            h2('When and where?') +
            p('The language café takes place every Tuesday from 5 to 7 pm at the town library. No registration is needed and it is free of charge. Children are welcome; there is a play corner.') +
            h3('Who is it for?') +
            list(['anyone who wants to practise speaking German, at any level', 'locals who would like to meet new people', 'volunteers who would like to join in']) +
            card('Language café', ADDR.buecherei, `Contact: ${mail('sprachcafe@beispiel.example')}`),
        },
        ar: {
          title: 'مقهى اللغة',
          html:
            p('في مقهى اللغة يلتقي متعلمو اللغة الألمانية بأشخاص لغتهم الأم هي الألمانية. على فنجان قهوة أو شاي تتحدثون عن الحياة اليومية والهوايات والأسئلة التي تشغلكم. يدير المتطوعون جلسات الحوار.') +
            h2('متى وأين؟') +
            p('يقام مقهى اللغة كل يوم ثلاثاء من الساعة 17 حتى 19 في مكتبة المدينة. لا حاجة إلى التسجيل والمشاركة مجانية. يمكن إحضار الأطفال، فهناك ركن للعب.') +
            h3('لمن؟') +
            list(['لكل من يريد التدرب على التحدث بالألمانية، بأي مستوى', 'للسكان المحليين الذين يرغبون في التعرف على أشخاص جدد', 'للمتطوعين الذين يرغبون في المشاركة']) +
            card('مقهى اللغة', ADDR.buecherei, `للتواصل: ${mail('sprachcafe@beispiel.example')}`),
        },
        uk: {
          title: 'Мовне кафе',
          html:
            p('У мовному кафе люди, які вивчають німецьку, зустрічаються з тими, для кого німецька рідна. За кавою та чаєм ви розмовляєте про повсякденне життя, хобі та питання, які вас зараз хвилюють. Розмови модерують волонтери.') +
            h2('Коли і де?') +
            p('Мовне кафе відбувається щовівторка з 17 до 19 години в міській бібліотеці. Реєстрація не потрібна, участь безкоштовна. Можна приходити з дітьми — є ігровий куточок.') +
            h3('Для кого?') +
            list(['для всіх, хто хоче практикувати розмовну німецьку, на будь-якому рівні', 'для місцевих мешканців, які хочуть познайомитися з новими людьми', 'для волонтерів, які хочуть долучитися']) +
            card('Мовне кафе', ADDR.buecherei, `Контакт: ${mail('sprachcafe@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Das Sprach-Café',
          html:
            p('Im Sprach-Café üben Sie Deutsch sprechen. Dort treffen Sie andere Menschen. Manche lernen auch Deutsch. Andere sprechen schon immer Deutsch. Sie trinken zusammen Kaffee oder Tee. Und Sie reden miteinander.') +
            h2('Wann ist das Sprach-Café?') +
            p('Jeden Dienstag. Von 17 Uhr bis 19 Uhr.') +
            h2('Wo ist das Sprach-Café?') +
            p('In der Stadt-Bücherei. Eine Bücherei ist ein Haus mit vielen Büchern. Dort können Sie Bücher ausleihen.') +
            p('Sie müssen sich nicht anmelden. Es kostet nichts. Sie können Ihre Kinder mitbringen.') +
            card('Sprach-Café', ADDR.buecherei, `E-Mail: ${mail('sprachcafe@beispiel.example')}`),
        },
      },
    },
  ],
};
