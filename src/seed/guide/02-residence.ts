import { ADDR, card, h2, h3, link, list, mail, p, tel, type DemoPage } from './types.js';

const abhPhone = tel('01234 567-300');
const abhMail = mail('auslaenderbehoerde@beispiel.example');
const bbPhone = tel('01234 890-100');
const bbMail = mail('buergerbuero@beispiel.example');
const termine = link('https://termine.beispiel.example', 'termine.beispiel.example');

export const residence: DemoPage = {
  key: 'residence',
  icon: 'residence',
  texts: {
    de: {
      title: 'Aufenthalt und Behörden',
      html:
        p('Wer neu nach Deutschland kommt, hat in den ersten Wochen viele Behördengänge vor sich. Hier erfahren Sie, welche Stelle wofür zuständig ist und in welcher Reihenfolge Sie am besten vorgehen.') +
        h2('Die ersten Schritte') +
        list(['Wohnung beim Bürgerbüro Ihrer Gemeinde anmelden (innerhalb von zwei Wochen)', 'Bei der Ausländerbehörde den Aufenthaltstitel beantragen oder verlängern', 'Ein Bankkonto eröffnen und eine Krankenversicherung abschließen', 'Bei Bedarf Leistungen beim Jobcenter oder beim Sozialamt beantragen'], true) +
        p('Bewahren Sie alle Briefe von Behörden gut auf. Wenn Sie einen Brief nicht verstehen, hilft Ihnen die Migrationsberatung. Fristen in Briefen sind wichtig: Reagieren Sie immer rechtzeitig.') +
        card('Ausländerbehörde', ADDR.auslaender, `Telefon: ${abhPhone}<br />E-Mail: ${abhMail}`),
    },
    en: {
      title: 'Residence and public authorities',
      html:
        p('When you first arrive in Germany, you will have many appointments with public authorities in the first weeks. Here you can find out which office is responsible for what and in which order it is best to proceed.') +
        h2('The first steps') +
        list(['Register your address at the citizens’ office of your municipality (within two weeks)', 'Apply for or extend your residence permit at the immigration office', 'Open a bank account and take out health insurance', 'If needed, apply for benefits at the job centre or the social welfare office'], true) +
        p('Keep all letters from authorities in a safe place. If you do not understand a letter, the migration advice service will help you. Deadlines in letters are important: always respond in time.') +
        card('Immigration office', ADDR.auslaender, `Phone: ${abhPhone}<br />E-mail: ${abhMail}`),
    },
    ar: {
      title: 'الإقامة والدوائر الرسمية',
      html:
        p('من يصل حديثاً إلى ألمانيا تنتظره مراجعات كثيرة للدوائر الرسمية في الأسابيع الأولى. ستعرفون هنا أي جهة مسؤولة عن أي أمر وما هو الترتيب الأفضل للقيام بالخطوات.') +
        h2('الخطوات الأولى') +
        list(['تسجيل السكن في مكتب المواطنين في بلديتكم (خلال أسبوعين)', 'طلب تصريح الإقامة أو تمديده في دائرة الأجانب', 'فتح حساب مصرفي والاشتراك في تأمين صحي', 'عند الحاجة، تقديم طلب للحصول على مساعدات من مركز العمل (جوب سنتر) أو من دائرة الشؤون الاجتماعية'], true) +
        p('احتفظوا بكل رسائل الدوائر الرسمية في مكان آمن. إذا لم تفهموا رسالة ما، فإن استشارات الهجرة تساعدكم. المواعيد النهائية في الرسائل مهمة: ردّوا دائماً في الوقت المحدد.') +
        card('دائرة الأجانب', ADDR.auslaender, `الهاتف: ${abhPhone}<br />البريد الإلكتروني: ${abhMail}`),
    },
    uk: {
      title: 'Перебування та установи',
      html:
        p('Хто щойно приїхав до Німеччини, у перші тижні має відвідати багато установ. Тут ви дізнаєтеся, яка установа за що відповідає і в якому порядку краще діяти.') +
        h2('Перші кроки') +
        list(['Зареєструвати житло в бюро громадян вашої громади (протягом двох тижнів)', 'Подати заяву на дозвіл на проживання або продовжити його у відомстві у справах іноземців', 'Відкрити банківський рахунок і оформити медичне страхування', 'За потреби подати заяву на допомогу в джобцентрі або соціальному відомстві'], true) +
        p('Зберігайте всі листи від установ у надійному місці. Якщо ви не розумієте листа, вам допоможе міграційна консультація. Строки в листах важливі: завжди відповідайте вчасно.') +
        card('Відомство у справах іноземців', ADDR.auslaender, `Телефон: ${abhPhone}<br />Ел. пошта: ${abhMail}`),
    },
    'de-x-ls': {
      title: 'Aufenthalt und Ämter',
      html:
        p('Sie sind neu in Deutschland. Dann müssen Sie zu verschiedenen Ämtern. Ein Amt ist ein Büro vom Staat. Hier steht: Was machen Sie zuerst?') +
        list(['Sie melden Ihre Wohnung an. Das machen Sie im Bürger-Büro.', 'Sie gehen zur Ausländer-Behörde. Dort bekommen Sie die Erlaubnis für Ihren Aufenthalt.', 'Sie brauchen ein Konto bei einer Bank.', 'Sie brauchen eine Kranken-Versicherung.'], true) +
        h2('Briefe von Ämtern') +
        p('Heben Sie alle Briefe gut auf. Sie verstehen einen Brief nicht? Dann fragen Sie die Migrations-Beratung. Im Brief steht oft ein Datum. Bis zu diesem Datum müssen Sie antworten.'),
    },
  },
  children: [
    {
      key: 'immigration-office',
      icon: 'documents',
      revision: [
        { find: 'Termine vergeben wir telefonisch und per E-Mail.', replace: 'Seit dem 1. Oktober vergeben wir Termine nur noch online über das Terminportal. Wer kein Internet hat, bekommt einen Termin am Empfang in Haus B.' },
        { find: 'Mo, Di, Do 8–12 Uhr, Do 14–18 Uhr', replace: 'Mo–Fr 8–12 Uhr, Do 14–18 Uhr, nur mit Termin' },
      ],
      texts: {
        de: {
          title: 'Ausländerbehörde',
          html:
            p('Die Ausländerbehörde des Landkreises ist zuständig für alle Fragen zum Aufenthalt: Aufenthaltstitel, Verlängerungen, Arbeitserlaubnis, Familiennachzug und Verpflichtungserklärungen. Für die Städte und Gemeinden des Landkreises gibt es nur diese eine Ausländerbehörde.') +
            h2('Termin') +
            p('Termine vergeben wir telefonisch und per E-Mail.') +
            p('Bitte kommen Sie pünktlich und bringen Sie Ihren Pass, ein aktuelles biometrisches Foto und alle Schreiben der Behörde mit. Kommen Sie rechtzeitig, spätestens acht Wochen bevor Ihr Aufenthaltstitel abläuft.') +
            h3('Öffnungszeiten') +
            p('Mo, Di, Do 8–12 Uhr, Do 14–18 Uhr') +
            card('Ausländerbehörde Landkreis Beispiel', ADDR.auslaender, `Telefon: ${abhPhone}<br />E-Mail: ${abhMail}`, `Terminportal: ${termine}`),
        },
        en: {
          title: 'Immigration office',
          html:
            p('The district’s immigration office is responsible for all questions about residence: residence permits, extensions, work permits, family reunification and declarations of commitment. There is only this one immigration office for all towns and municipalities of the district.') +
            h2('Appointments') +
            p('We give appointments by phone and by e-mail.') +
            p('Please be on time and bring your passport, a recent biometric photo and all letters from the office. Come in good time, at the latest eight weeks before your residence permit expires.') +
            h3('Opening hours') +
            p('Mon, Tue, Thu 8 am–12 noon, Thu 2–6 pm') +
            card('Immigration office, District of Beispiel', ADDR.auslaender, `Phone: ${abhPhone}<br />E-mail: ${abhMail}`, `Appointment portal: ${termine}`),
        },
        ar: {
          title: 'دائرة الأجانب',
          html:
            p('دائرة الأجانب في المقاطعة مسؤولة عن جميع المسائل المتعلقة بالإقامة: تصاريح الإقامة وتمديدها وتصاريح العمل ولمّ شمل الأسرة وتعهدات الكفالة. توجد دائرة أجانب واحدة فقط لجميع مدن وبلديات المقاطعة.') +
            h2('المواعيد') +
            p('نعطي المواعيد عبر الهاتف والبريد الإلكتروني.') +
            p('يرجى الحضور في الموعد وإحضار جواز السفر وصورة بيومترية حديثة وجميع رسائل الدائرة. تعالوا مبكراً، أي قبل ثمانية أسابيع على الأقل من انتهاء تصريح إقامتكم.') +
            h3('أوقات الدوام') +
            p('الاثنين والثلاثاء والخميس 8–12، الخميس 14–18') +
            card('دائرة الأجانب في مقاطعة بايشبيل', ADDR.auslaender, `الهاتف: ${abhPhone}<br />البريد الإلكتروني: ${abhMail}`, `بوابة المواعيد: ${termine}`),
        },
        uk: {
          title: 'Відомство у справах іноземців',
          html:
            p('Відомство у справах іноземців району відповідає за всі питання перебування: дозволи на проживання, їх продовження, дозволи на роботу, возз’єднання сімей і гарантійні зобов’язання. Для всіх міст і громад району є лише це одне відомство.') +
            h2('Запис на прийом') +
            p('Ми записуємо на прийом телефоном та електронною поштою.') +
            p('Будь ласка, приходьте вчасно й беріть із собою паспорт, актуальне біометричне фото та всі листи від відомства. Звертайтеся завчасно — щонайпізніше за вісім тижнів до закінчення строку дії вашого дозволу.') +
            h3('Години роботи') +
            p('пн, вт, чт 8–12, чт 14–18') +
            card('Відомство у справах іноземців району Байшпіль', ADDR.auslaender, `Телефон: ${abhPhone}<br />Ел. пошта: ${abhMail}`, `Портал запису: ${termine}`),
        },
        'de-x-ls': {
          title: 'Die Ausländer-Behörde',
          html:
            p('Die Ausländer-Behörde ist ein Amt. Das Amt entscheidet: Dürfen Sie in Deutschland bleiben? Dürfen Sie hier arbeiten? Im Landkreis gibt es nur eine Ausländer-Behörde.') +
            h2('Einen Termin bekommen') +
            p('Sie rufen an. Oder Sie schreiben eine E-Mail. Dann bekommen Sie einen Termin.') +
            h2('Was bringe ich mit?') +
            list(['Ihren Pass', 'ein neues Foto von Ihnen', 'alle Briefe von der Ausländer-Behörde']) +
            p('Ihre Erlaubnis ist nur für eine bestimmte Zeit gültig. Kommen Sie früh genug. Kommen Sie 8 Wochen vor dem Ende.') +
            card('Ausländer-Behörde', ADDR.auslaender, `Telefon: ${abhPhone}`),
        },
      },
    },
    {
      key: 'registration',
      icon: 'housing',
      texts: {
        de: {
          title: 'Wohnsitz anmelden',
          html:
            p('Wer in eine Wohnung einzieht, muss sich innerhalb von zwei Wochen beim Bürgerbüro der Gemeinde anmelden. Das gilt auch, wenn Sie innerhalb des Landkreises umziehen. Die Anmeldung ist kostenlos.') +
            h2('Das brauchen Sie') +
            list(['Reisepass oder Personalausweis, für Kinder ebenfalls', 'die Wohnungsgeberbestätigung: ein Formular, das Ihre Vermieterin oder Ihr Vermieter ausfüllt', 'bei Verheirateten die Heiratsurkunde, bei Kindern die Geburtsurkunde']) +
            p('Nach der Anmeldung bekommen Sie eine Meldebescheinigung. Diese brauchen Sie zum Beispiel für die Bank, die Krankenkasse und die Ausländerbehörde. Die Ausländerbehörde erfährt Ihre neue Adresse automatisch, trotzdem sollten Sie Ihren Aufenthaltstitel ändern lassen.') +
            card('Bürgerbüro Beispielstadt', ADDR.buergerbuero, `Telefon: ${bbPhone}<br />E-Mail: ${bbMail}`, 'Mo–Fr 8–12 Uhr, Di 14–18 Uhr'),
        },
        en: {
          title: 'Registering your address',
          html:
            p('Anyone who moves into a flat must register at the municipality’s citizens’ office within two weeks. This also applies if you move within the district. Registration is free of charge.') +
            h2('What you need') +
            list(['Passport or identity card, also for children', 'the landlord’s confirmation (Wohnungsgeberbestätigung): a form your landlord fills in', 'for married couples the marriage certificate, for children the birth certificate']) +
            p('After registering you receive a certificate of registration (Meldebescheinigung). You need it, for example, for the bank, the health insurance fund and the immigration office. The immigration office is informed of your new address automatically; even so, you should have your residence permit updated.') +
            card('Citizens’ office Beispielstadt', ADDR.buergerbuero, `Phone: ${bbPhone}<br />E-mail: ${bbMail}`, 'Mon–Fri 8 am–12 noon, Tue 2–6 pm'),
        },
        ar: {
          title: 'تسجيل عنوان السكن',
          html:
            p('كل من ينتقل إلى مسكن جديد عليه أن يسجل نفسه في مكتب المواطنين التابع للبلدية خلال أسبوعين. ينطبق هذا أيضاً عند الانتقال داخل المقاطعة. التسجيل مجاني.') +
            h2('ما تحتاجون إليه') +
            list(['جواز السفر أو بطاقة الهوية، وللأطفال أيضاً', 'تأكيد المؤجر (Wohnungsgeberbestätigung): استمارة يملؤها صاحب السكن', 'للمتزوجين عقد الزواج، وللأطفال شهادة الميلاد']) +
            p('بعد التسجيل تحصلون على شهادة تسجيل السكن (Meldebescheinigung). تحتاجون إليها مثلاً في البنك وصندوق التأمين الصحي ودائرة الأجانب. تُبلَّغ دائرة الأجانب بعنوانكم الجديد تلقائياً، ومع ذلك يجب عليكم تعديل تصريح الإقامة.') +
            card('مكتب المواطنين في بايشبيلشتات', ADDR.buergerbuero, `الهاتف: ${bbPhone}<br />البريد الإلكتروني: ${bbMail}`, 'الاثنين–الجمعة 8–12، الثلاثاء 14–18'),
        },
        uk: {
          title: 'Реєстрація місця проживання',
          html:
            p('Хто в’їжджає в нове житло, має протягом двох тижнів зареєструватися в бюро громадян громади. Це стосується і переїзду в межах району. Реєстрація безкоштовна.') +
            h2('Що вам потрібно') +
            list(['Закордонний паспорт або посвідчення особи, також для дітей', 'підтвердження від орендодавця (Wohnungsgeberbestätigung): формуляр, який заповнює власник житла', 'для подружжя — свідоцтво про шлюб, для дітей — свідоцтво про народження']) +
            p('Після реєстрації ви отримаєте довідку про реєстрацію (Meldebescheinigung). Вона потрібна, наприклад, у банку, лікарняній касі та відомстві у справах іноземців. Відомство дізнається про вашу нову адресу автоматично, але дозвіл на проживання все одно слід оновити.') +
            card('Бюро громадян Байшпільштадт', ADDR.buergerbuero, `Телефон: ${bbPhone}<br />Ел. пошта: ${bbMail}`, 'пн–пт 8–12, вт 14–18'),
        },
        'de-x-ls': {
          title: 'Die Wohnung anmelden',
          html:
            p('Sie ziehen in eine Wohnung. Dann müssen Sie die Wohnung anmelden. Das nennt man: Wohnsitz anmelden. Sie haben dafür 2 Wochen Zeit. Die Anmeldung kostet nichts.') +
            h2('Wo melde ich mich an?') +
            p('Sie gehen zum Bürger-Büro von Ihrer Gemeinde.') +
            h2('Was bringe ich mit?') +
            list(['Ihren Pass', 'die Pässe von Ihren Kindern', 'ein Formular von Ihrem Vermieter. Der Vermieter ist die Person: Ihr gehört die Wohnung.']) +
            p('Danach bekommen Sie ein Papier. Das Papier heißt: Melde-Bescheinigung. Sie brauchen das Papier oft. Zum Beispiel bei der Bank.') +
            card('Bürger-Büro Beispielstadt', ADDR.buergerbuero, `Telefon: ${bbPhone}`),
        },
        tr: {
          title: 'İkamet kaydı',
          html:
            p('Yeni bir konuta taşınan herkes iki hafta içinde belediyenin Vatandaş Bürosu’na kayıt yaptırmak zorundadır. Bu, ilçe içinde taşınanlar için de geçerlidir. Kayıt ücretsizdir.') +
            h2('Gerekenler') +
            list(['Pasaport veya kimlik kartı, çocuklar için de', 'Ev sahibi onayı (Wohnungsgeberbestätigung): ev sahibinizin doldurduğu bir form', 'Evliler için evlilik cüzdanı, çocuklar için doğum belgesi']) +
            p('Kayıttan sonra bir kayıt belgesi (Meldebescheinigung) alırsınız. Bu belge örneğin banka, sağlık sigortası ve Yabancılar Dairesi için gereklidir. Yabancılar Dairesi yeni adresinizi otomatik olarak öğrenir; yine de oturma izninizi güncelletmelisiniz.') +
            card('Beispielstadt Vatandaş Bürosu', ADDR.buergerbuero, `Telefon: ${bbPhone}<br />E-posta: ${bbMail}`, 'Pzt–Cum 8–12, Sal 14–18'),
        },
      },
    },
    {
      key: 'residence-permit',
      icon: 'documents',
      texts: {
        de: {
          title: 'Aufenthaltstitel beantragen und verlängern',
          html:
            p('Ein Aufenthaltstitel ist die Erlaubnis, in Deutschland zu leben. Es gibt verschiedene Arten: zum Beispiel das Visum, die Aufenthaltserlaubnis, die Blaue Karte EU und die Niederlassungserlaubnis. Welcher Titel für Sie passt, hängt vom Zweck Ihres Aufenthalts ab, etwa Arbeit, Studium, Familie oder Schutz.') +
            h2('Verlängerung') +
            p('Stellen Sie den Antrag auf Verlängerung rechtzeitig vor Ablauf, am besten acht Wochen vorher. Solange über einen rechtzeitig gestellten Antrag noch nicht entschieden ist, erhalten Sie eine Fiktionsbescheinigung. Mit ihr gilt Ihr bisheriger Aufenthalt weiter.') +
            h2('Elektronischer Aufenthaltstitel') +
            p('Die meisten Titel werden als Karte im Scheckkartenformat ausgestellt. Die Herstellung dauert etwa vier bis sechs Wochen und kostet je nach Titel zwischen 50 und 100 Euro.') +
            p(`Mehr Informationen bietet das ${link('https://www.bamf.de', 'Bundesamt für Migration und Flüchtlinge')}.`),
        },
        en: {
          title: 'Applying for and extending a residence permit',
          html:
            p('A residence title is the permission to live in Germany. There are different kinds, for example the visa, the residence permit, the EU Blue Card and the settlement permit. Which title suits you depends on the purpose of your stay, such as work, studies, family or protection.') +
            h2('Extension') +
            p('Apply for an extension in good time before your permit expires, ideally eight weeks in advance. As long as no decision has been made on an application submitted in time, you receive a provisional certificate (Fiktionsbescheinigung). With it, your current residence status remains valid.') +
            h2('Electronic residence permit') +
            p('Most titles are issued as a card the size of a bank card. Production takes about four to six weeks and costs between 50 and 100 euros depending on the title.') +
            p(`More information is available from the ${link('https://www.bamf.de', 'Federal Office for Migration and Refugees')}.`),
        },
        ar: {
          title: 'طلب تصريح الإقامة وتمديده',
          html:
            p('تصريح الإقامة هو الإذن بالعيش في ألمانيا. هناك أنواع مختلفة منه، مثل التأشيرة وتصريح الإقامة والبطاقة الزرقاء الأوروبية وتصريح الإقامة الدائمة. يعتمد النوع المناسب لكم على هدف إقامتكم، مثل العمل أو الدراسة أو العائلة أو الحماية.') +
            h2('التمديد') +
            p('قدموا طلب التمديد قبل انتهاء التصريح بوقت كافٍ، ويفضل قبل ثمانية أسابيع. وطالما لم يُبت في طلب قُدّم في الوقت المحدد، تحصلون على شهادة مؤقتة (Fiktionsbescheinigung) تبقى بموجبها إقامتكم الحالية سارية.') +
            h2('تصريح الإقامة الإلكتروني') +
            p('تصدر معظم التصاريح على شكل بطاقة بحجم البطاقة المصرفية. يستغرق إصدارها نحو أربعة إلى ستة أسابيع وتكلف بين 50 و100 يورو حسب نوع التصريح.') +
            p(`لمزيد من المعلومات راجعوا موقع ${link('https://www.bamf.de', 'المكتب الاتحادي للهجرة واللاجئين')}.`),
        },
        uk: {
          title: 'Отримання та продовження дозволу на проживання',
          html:
            p('Дозвіл на перебування — це право жити в Німеччині. Існують різні види: наприклад, віза, посвідка на проживання, Блакитна карта ЄС і дозвіл на постійне проживання. Який документ підходить вам, залежить від мети перебування: робота, навчання, сім’я або захист.') +
            h2('Продовження') +
            p('Подавайте заяву на продовження завчасно, найкраще за вісім тижнів до закінчення строку. Поки рішення щодо вчасно поданої заяви не ухвалено, ви отримуєте тимчасову довідку (Fiktionsbescheinigung). З нею ваше перебування залишається законним.') +
            h2('Електронна посвідка') +
            p('Більшість документів видаються у вигляді картки розміром з банківську. Виготовлення триває приблизно чотири–шість тижнів і коштує від 50 до 100 євро залежно від виду дозволу.') +
            p(`Більше інформації надає ${link('https://www.bamf.de', 'Федеральне відомство з питань міграції та біженців')}.`),
        },
        'de-x-ls': {
          title: 'Aufenthalts-Titel: die Erlaubnis zum Leben in Deutschland',
          html:
            p('Ein Aufenthalts-Titel ist eine Erlaubnis. Sie dürfen dann in Deutschland leben. Es gibt verschiedene Aufenthalts-Titel. Zum Beispiel für Arbeit. Oder für das Studium. Oder für die Familie.') +
            h2('Die Erlaubnis verlängern') +
            p('Die Erlaubnis gilt nur eine bestimmte Zeit. Danach müssen Sie sie verlängern. Verlängern heißt: Sie bekommen mehr Zeit. Stellen Sie den Antrag früh. Am besten 8 Wochen vor dem Ende.') +
            p('Das Amt braucht manchmal lange für die Antwort. Dann bekommen Sie ein Papier. Mit dem Papier dürfen Sie weiter hier bleiben.') +
            h2('Die Karte') +
            p('Die Erlaubnis ist eine kleine Karte. Die Karte kostet Geld. Meistens 50 bis 100 Euro.'),
        },
      },
    },
  ],
};
