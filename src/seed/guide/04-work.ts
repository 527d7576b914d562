import { ADDR, card, h2, h3, link, list, mail, p, tel, type DemoPage } from './types.js';

const anerkennungPhone = tel('01234 567-620');
const anerkennungMail = mail('anerkennung@beispiel.example');
const agenturPhone = tel('01234 567-600');
const jobcenterPhone = tel('01234 567-650');
const portal = link('https://www.anerkennung-in-deutschland.de', 'www.anerkennung-in-deutschland.de');

export const work: DemoPage = {
  key: 'work',
  icon: 'work',
  texts: {
    de: {
      title: 'Arbeit und Anerkennung',
      html:
        p('Viele Betriebe im Landkreis Beispiel suchen Fachkräfte, besonders in der Pflege, im Handwerk, in der Logistik und in der Gastronomie. Wer hier arbeiten möchte, braucht eine Arbeitserlaubnis. Sie steht in Ihrem Aufenthaltstitel oder in einem Zusatzblatt.') +
        h2('So finden Sie Arbeit') +
        list(['Lassen Sie Ihren ausländischen Abschluss anerkennen, wenn Ihr Beruf das verlangt.', 'Melden Sie sich bei der Agentur für Arbeit oder beim Jobcenter.', 'Erstellen Sie einen Lebenslauf nach deutschem Muster; die Migrationsberatung hilft dabei.', 'Nutzen Sie Jobbörsen, Praktika und persönliche Kontakte.'], true) +
        p('Auch ohne Anerkennung können Sie in vielen Berufen arbeiten. Fragen Sie vor einer Unterschrift nach, wenn Sie einen Arbeitsvertrag nicht verstehen.') +
        card('Agentur für Arbeit Beispielstadt', ADDR.agentur, `Telefon: ${agenturPhone}`, 'Mo–Fr 8–12:30 Uhr, Do 14–18 Uhr'),
    },
    en: {
      title: 'Work and recognition of qualifications',
      html:
        p('Many companies in the District of Beispiel are looking for skilled workers, especially in care, skilled trades, logistics and catering. If you want to work here, you need a work permit. It is written in your residence permit or on a supplementary sheet.') +
        h2('How to find work') +
        list(['Have your foreign qualification recognised if your profession requires it.', 'Register with the employment agency or the job centre.', 'Write a CV in the German style; the migration advice service can help you.', 'Use job boards, internships and personal contacts.'], true) +
        p('Many jobs are open to you even without recognition. If you do not understand an employment contract, ask before you sign it.') +
        card('Employment agency Beispielstadt', ADDR.agentur, `Phone: ${agenturPhone}`, 'Mon–Fri 8 am–12:30 pm, Thu 2–6 pm'),
    },
    ar: {
      title: 'العمل والاعتراف بالمؤهلات',
      html:
        p('تبحث شركات كثيرة في مقاطعة بايشبيل عن أيدٍ عاملة ماهرة، خاصة في التمريض والحِرف والخدمات اللوجستية والمطاعم. من يريد العمل هنا يحتاج إلى تصريح عمل. يكون التصريح مدوناً في تصريح الإقامة أو في ورقة إضافية.') +
        h2('كيف تجدون عملاً') +
        list(['اطلبوا الاعتراف بشهادتكم الأجنبية إذا كانت مهنتكم تتطلب ذلك.', 'سجّلوا لدى وكالة العمل أو مركز العمل (جوب سنتر).', 'اكتبوا سيرة ذاتية على النمط الألماني؛ تساعدكم استشارات الهجرة في ذلك.', 'استفيدوا من منصات الوظائف والتدريب العملي والمعارف الشخصية.'], true) +
        p('يمكنكم العمل في كثير من المهن حتى دون اعتراف بالشهادة. إذا لم تفهموا عقد العمل، اسألوا قبل التوقيع.') +
        card('وكالة العمل في بايشبيلشتات', ADDR.agentur, `الهاتف: ${agenturPhone}`, 'الاثنين–الجمعة 8–12:30، الخميس 14–18'),
    },
    uk: {
      title: 'Робота та визнання кваліфікації',
      html:
        p('Багато підприємств району Байшпіль шукають фахівців, особливо в догляді, ремеслах, логістиці та ресторанному бізнесі. Щоб працювати тут, потрібен дозвіл на роботу. Він зазначений у вашому дозволі на проживання або в додатковому аркуші.') +
        h2('Як знайти роботу') +
        list(['Визнайте свій іноземний диплом, якщо цього вимагає ваша професія.', 'Зареєструйтеся в агентстві з працевлаштування або в джобцентрі.', 'Складіть резюме за німецьким зразком; міграційна консультація допоможе.', 'Користуйтеся біржами праці, практиками та особистими контактами.'], true) +
        p('Багато професій доступні й без визнання диплома. Якщо ви не розумієте трудового договору, запитайте, перш ніж підписувати.') +
        card('Агентство з працевлаштування Байшпільштадт', ADDR.agentur, `Телефон: ${agenturPhone}`, 'пн–пт 8–12:30, чт 14–18'),
    },
    'de-x-ls': {
      title: 'Arbeit finden',
      html:
        p('Sie möchten in Deutschland arbeiten? Dafür brauchen Sie eine Erlaubnis. Die Erlaubnis steht auf Ihrem Aufenthalts-Titel.') +
        h2('So finden Sie Arbeit') +
        list(['Sie haben einen Beruf gelernt? Dann lassen Sie Ihr Zeugnis prüfen. Das heißt: Anerkennung.', 'Gehen Sie zur Agentur für Arbeit. Oder zum Job-Center. Dort hilft man Ihnen bei der Suche.', 'Schreiben Sie einen Lebens-Lauf. Im Lebens-Lauf steht: Was haben Sie schon gemacht?']) +
        p('Sie bekommen einen Arbeits-Vertrag? Lesen Sie ihn genau. Sie verstehen etwas nicht? Dann fragen Sie. Unterschreiben Sie erst danach.') +
        card('Agentur für Arbeit', ADDR.agentur, `Telefon: ${agenturPhone}`),
    },
  },
  children: [
    {
      key: 'recognition',
      icon: 'documents',
      texts: {
        de: {
          title: 'Anerkennung ausländischer Berufsabschlüsse',
          html:
            p('In manchen Berufen dürfen Sie in Deutschland nur arbeiten, wenn Ihr Abschluss anerkannt ist. Das sind sogenannte reglementierte Berufe, zum Beispiel Ärztin, Pflegefachmann, Lehrerin oder Erzieher. In anderen Berufen hilft eine Anerkennung trotzdem: Arbeitgeber verstehen Ihre Qualifikation besser und Sie verdienen oft mehr.') +
            h2('So läuft das Verfahren') +
            list(['Beratung: Welche Stelle ist für meinen Beruf zuständig?', 'Antrag mit Zeugnissen, Fächerübersicht und Nachweisen der Berufserfahrung', 'Beglaubigte Übersetzungen der Unterlagen', 'Bescheid: volle, teilweise oder keine Gleichwertigkeit'], true) +
            p(`Bei teilweiser Gleichwertigkeit können Sie eine Anpassungsmaßnahme oder Prüfung machen. Die Kosten können gefördert werden. Alle zuständigen Stellen finden Sie im Portal ${portal}.`) +
            card('Beratungsstelle Anerkennung', ADDR.anerkennung, `Telefon: ${anerkennungPhone}<br />E-Mail: ${anerkennungMail}`, 'Beratung auf Deutsch, Englisch, Arabisch und Ukrainisch'),
        },
        en: {
          title: 'Recognition of foreign professional qualifications',
          html:
            p('In some professions you may only work in Germany if your qualification is recognised. These are regulated professions, for example doctor, nurse, teacher or nursery teacher. In other professions recognition still helps: employers understand your qualification better and you often earn more.') +
            h2('How the procedure works') +
            list(['Advice: which office is responsible for my profession?', 'Application with certificates, list of subjects and proof of work experience', 'Certified translations of the documents', 'Decision: full, partial or no equivalence'], true) +
            p(`If equivalence is partial, you can take an adaptation course or an examination. The costs can be subsidised. You can find all responsible offices on the portal ${portal}.`) +
            card('Recognition advice centre', ADDR.anerkennung, `Phone: ${anerkennungPhone}<br />E-mail: ${anerkennungMail}`, 'Advice in German, English, Arabic and Ukrainian'),
        },
        ar: {
          title: 'الاعتراف بالشهادات المهنية الأجنبية',
          html:
            p('في بعض المهن لا يُسمح لكم بالعمل في ألمانيا إلا إذا تم الاعتراف بشهادتكم. هذه هي المهن المنظمة قانونياً، مثل الطبيبة والممرض والمعلمة والمربي. وفي المهن الأخرى يفيد الاعتراف أيضاً: يفهم أصحاب العمل مؤهلاتكم بشكل أفضل وغالباً ما تحصلون على أجر أعلى.') +
            h2('كيف تسير الإجراءات') +
            list(['الاستشارة: ما هي الجهة المسؤولة عن مهنتي؟', 'تقديم الطلب مع الشهادات وكشف المواد وإثباتات الخبرة المهنية', 'ترجمات مصدقة للوثائق', 'القرار: معادلة كاملة أو جزئية أو عدم معادلة'], true) +
            p(`في حالة المعادلة الجزئية يمكنكم المشاركة في إجراء تأهيلي أو تقديم امتحان. يمكن دعم التكاليف. تجدون جميع الجهات المختصة على البوابة ${portal}.`) +
            card('مركز استشارات الاعتراف', ADDR.anerkennung, `الهاتف: ${anerkennungPhone}<br />البريد الإلكتروني: ${anerkennungMail}`, 'استشارة بالألمانية والإنجليزية والعربية والأوكرانية'),
        },
        uk: {
          title: 'Визнання іноземних професійних кваліфікацій',
          html:
            p('У деяких професіях працювати в Німеччині можна лише за умови визнання вашого диплома. Це так звані регламентовані професії, наприклад лікарка, медбрат, учителька або вихователь. В інших професіях визнання також допомагає: роботодавці краще розуміють вашу кваліфікацію, і ви часто заробляєте більше.') +
            h2('Як проходить процедура') +
            list(['Консультація: яка установа відповідає за мою професію?', 'Заява з дипломами, переліком предметів і підтвердженням досвіду роботи', 'Засвідчені переклади документів', 'Рішення: повна, часткова або відсутня рівноцінність'], true) +
            p(`У разі часткової рівноцінності можна пройти адаптаційний курс або скласти іспит. Витрати можуть бути профінансовані. Усі відповідальні установи ви знайдете на порталі ${portal}.`) +
            card('Консультаційний центр з питань визнання', ADDR.anerkennung, `Телефон: ${anerkennungPhone}<br />Ел. пошта: ${anerkennungMail}`, 'Консультації німецькою, англійською, арабською та українською'),
        },
        'de-x-ls': {
          title: 'Anerkennung: Ihr Zeugnis aus dem Heimat-Land',
          html:
            p('Sie haben in Ihrem Heimat-Land einen Beruf gelernt? Oder Sie haben studiert? Dann haben Sie ein Zeugnis. In Deutschland prüft ein Amt Ihr Zeugnis. Das Amt vergleicht: Ist Ihre Ausbildung so gut wie eine Ausbildung in Deutschland? Das nennt man: Anerkennung.') +
            h2('Warum ist das wichtig?') +
            p('Manche Berufe dürfen Sie nur mit Anerkennung machen. Zum Beispiel Arzt oder Lehrerin. Bei anderen Berufen hilft die Anerkennung. Sie bekommen dann oft mehr Geld.') +
            h2('Wer hilft mir?') +
            p('Die Beratungs-Stelle Anerkennung hilft Ihnen. Die Beratung kostet nichts.') +
            card('Beratungs-Stelle Anerkennung', ADDR.anerkennung, `Telefon: ${anerkennungPhone}`),
        },
      },
    },
    {
      key: 'job-search',
      icon: 'work',
      texts: {
        de: {
          title: 'Agentur für Arbeit und Jobcenter',
          html:
            p('Die Agentur für Arbeit und das Jobcenter helfen bei der Suche nach Arbeit und Ausbildung. Welche Stelle für Sie zuständig ist, hängt von Ihrer Situation ab.') +
            h2('Wer ist zuständig?') +
            list(['<strong>Agentur für Arbeit:</strong> wenn Sie Arbeitslosengeld bekommen, eine Berufsberatung möchten oder noch keine Leistungen beziehen', '<strong>Jobcenter:</strong> wenn Sie Bürgergeld bekommen, also Ihr Einkommen nicht zum Leben reicht']) +
            h2('Was Sie mitbringen sollten') +
            list(['Pass und Aufenthaltstitel', 'Meldebescheinigung', 'Zeugnisse und Lebenslauf, wenn vorhanden', 'Kontoverbindung']) +
            p('Melden Sie sich spätestens drei Monate vor dem Ende eines Arbeitsvertrags arbeitsuchend. Wenn Sie eine Einladung bekommen, gehen Sie unbedingt hin oder sagen Sie vorher ab.') +
            card('Jobcenter Landkreis Beispiel', ADDR.jobcenter, `Telefon: ${jobcenterPhone}<br />E-Mail: ${mail('jobcenter@beispiel.example')}`),
        },
        en: {
          title: 'Employment agency and job centre',
          html:
            p('The employment agency and the job centre help you look for work and training. Which office is responsible for you depends on your situation.') +
            h2('Who is responsible?') +
            list(['<strong>Employment agency:</strong> if you receive unemployment benefit, would like careers advice or do not yet receive any benefits', '<strong>Job centre:</strong> if you receive citizen’s income (Bürgergeld), that is, if your income is not enough to live on']) +
            h2('What to bring') +
            list(['Passport and residence permit', 'Certificate of registration', 'Certificates and CV, if you have them', 'Bank details']) +
            p('Register as a job seeker at the latest three months before an employment contract ends. If you receive an invitation, be sure to go or cancel in advance.') +
            card('Job centre, District of Beispiel', ADDR.jobcenter, `Phone: ${jobcenterPhone}<br />E-mail: ${mail('jobcenter@beispiel.example')}`),
        },
        ar: {
          title: 'وكالة العمل ومركز العمل (جوب سنتر)',
          html:
            p('تساعدكم وكالة العمل ومركز العمل (جوب سنتر) في البحث عن عمل أو تدريب مهني. الجهة المسؤولة عنكم تتوقف على وضعكم.') +
            h2('من هي الجهة المسؤولة؟') +
            list(['<strong>وكالة العمل:</strong> إذا كنتم تحصلون على إعانة البطالة أو تريدون استشارة مهنية أو لا تحصلون بعد على أي مساعدات', '<strong>مركز العمل (جوب سنتر):</strong> إذا كنتم تحصلون على دخل المواطن (Bürgergeld)، أي إذا كان دخلكم لا يكفي للمعيشة']) +
            h2('ما يجب إحضاره') +
            list(['جواز السفر وتصريح الإقامة', 'شهادة تسجيل السكن', 'الشهادات والسيرة الذاتية إن وُجدت', 'بيانات الحساب المصرفي']) +
            p('سجّلوا أنفسكم كباحثين عن عمل قبل انتهاء عقد العمل بثلاثة أشهر على الأقل. إذا وصلتكم دعوة، فاحضروا الموعد حتماً أو اعتذروا مسبقاً.') +
            card('مركز العمل في مقاطعة بايشبيل', ADDR.jobcenter, `الهاتف: ${jobcenterPhone}<br />البريد الإلكتروني: ${mail('jobcenter@beispiel.example')}`),
        },
        uk: {
          title: 'Агентство з працевлаштування та джобцентр',
          html:
            p('Агентство з працевлаштування та джобцентр допомагають шукати роботу й місце професійного навчання. Яка установа відповідає за вас, залежить від вашої ситуації.') +
            h2('Хто відповідає?') +
            list(['<strong>Агентство з працевлаштування:</strong> якщо ви отримуєте допомогу з безробіття, хочете профорієнтаційну консультацію або ще не отримуєте жодних виплат', '<strong>Джобцентр:</strong> якщо ви отримуєте громадянську допомогу (Bürgergeld), тобто вашого доходу не вистачає на життя']) +
            h2('Що взяти з собою') +
            list(['Паспорт і дозвіл на проживання', 'Довідку про реєстрацію', 'Дипломи та резюме, якщо є', 'Банківські реквізити']) +
            p('Станьте на облік як особа, що шукає роботу, щонайпізніше за три місяці до закінчення трудового договору. Якщо ви отримали запрошення, обов’язково прийдіть або заздалегідь скасуйте зустріч.') +
            card('Джобцентр району Байшпіль', ADDR.jobcenter, `Телефон: ${jobcenterPhone}<br />Ел. пошта: ${mail('jobcenter@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Agentur für Arbeit und Job-Center: Leicht erklärt',
          html:
            p('Die Agentur für Arbeit und das Job-Center sind Ämter. Sie helfen Ihnen: Sie finden Arbeit. Oder eine Ausbildung.') +
            h2('Wohin gehe ich?') +
            list(['Sie bekommen Bürger-Geld? Dann gehen Sie zum Job-Center. Bürger-Geld ist Geld vom Staat. Sie bekommen es, wenn Ihr Geld nicht zum Leben reicht.', 'Sie bekommen kein Bürger-Geld? Dann gehen Sie zur Agentur für Arbeit.']) +
            h2('Was bringe ich mit?') +
            list(['Ihren Pass', 'Ihren Aufenthalts-Titel', 'Ihre Zeugnisse']) +
            p('Sie bekommen einen Brief mit einem Termin? Dann gehen Sie unbedingt hin.') +
            card('Job-Center', ADDR.jobcenter, `Telefon: ${jobcenterPhone}`),
        },
      },
    },
    {
      key: 'work-rights',
      icon: 'law',
      missing: ['ar', 'uk'],
      texts: {
        de: {
          title: 'Arbeitsvertrag und Rechte bei der Arbeit',
          html:
            p('In Deutschland haben alle Beschäftigten die gleichen Rechte, egal woher sie kommen. Lassen Sie sich einen schriftlichen Arbeitsvertrag geben. Darin stehen Lohn, Arbeitszeit, Urlaub und Kündigungsfrist.') +
            h2('Das gilt für alle') +
            list(['Es gibt einen gesetzlichen Mindestlohn pro Stunde.', 'Bei einer Vollzeitstelle haben Sie mindestens 20 Urlaubstage im Jahr (bei fünf Arbeitstagen pro Woche).', 'Wenn Sie krank sind, bekommen Sie weiter Lohn. Sie brauchen ab dem vierten Tag eine Krankmeldung vom Arzt.', 'Ihr Arbeitgeber meldet Sie bei der Sozialversicherung an.']) +
            h3('Minijob') +
            p('Auch im Minijob gelten Mindestlohn, Urlaub und Lohnfortzahlung bei Krankheit. Achten Sie darauf, dass Ihre Arbeitszeit aufgeschrieben wird.') +
            p('Bei Problemen mit dem Arbeitgeber hilft die Migrationsberatung oder die Beratungsstelle Faire Arbeit.') +
            card('Beratungsstelle Faire Arbeit', 'Bahnhofstraße 12<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-630')}<br />E-Mail: ${mail('faire-arbeit@beispiel.example')}`),
        },
        en: {
          title: 'Employment contracts and your rights at work',
          html:
            p('In Germany all employees have the same rights, no matter where they come from. Ask for a written employment contract. It states your pay, working hours, holidays and notice period.') +
            h2('This applies to everyone') +
            list(['There is a statutory minimum wage per hour.', 'In a full-time job you have at least 20 days of paid holiday a year (with five working days a week).', 'If you are ill, you continue to be paid. From the fourth day you need a sick note from a doctor.', 'Your employer registers you with social insurance.']) +
            h3('Mini-jobs') +
            p('Minimum wage, holidays and sick pay also apply to mini-jobs. Make sure your working hours are recorded.') +
            p('If you have problems with your employer, the migration advice service or the Fair Work advice centre can help.') +
            card('Fair Work advice centre', 'Bahnhofstraße 12<br />12345 Beispielstadt', `Phone: ${tel('01234 567-630')}<br />E-mail: ${mail('faire-arbeit@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Ihre Rechte bei der Arbeit',
          html:
            p('Alle Menschen in Deutschland haben bei der Arbeit die gleichen Rechte. Egal, woher sie kommen.') +
            h2('Der Arbeits-Vertrag') +
            p('Sie bekommen einen Arbeits-Vertrag. Der Vertrag ist aus Papier. Im Vertrag steht: So viel Geld bekommen Sie. So viele Stunden arbeiten Sie.') +
            h2('Ihre Rechte') +
            list(['Sie bekommen mindestens den Mindest-Lohn. Das ist das wenigste Geld pro Stunde. Weniger ist verboten.', 'Sie haben Urlaub. Im Urlaub bekommen Sie auch Geld.', 'Sie sind krank? Dann bekommen Sie trotzdem Geld.']) +
            p('Sie haben Probleme bei der Arbeit? Dann hilft Ihnen die Beratungs-Stelle Faire Arbeit.') +
            card('Beratungs-Stelle Faire Arbeit', 'Bahnhofstraße 12<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-630')}`),
        },
      },
    },
  ],
};
