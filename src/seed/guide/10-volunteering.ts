import { ADDR, card, h2, h3, list, mail, p, tel, type DemoPage } from './types.js';

const faPhone = tel('01234 567-230');
const faMail = mail('ehrenamt@beispiel.example');

export const volunteering: DemoPage = {
  key: 'volunteering',
  icon: 'community',
  texts: {
    de: {
      title: 'Ehrenamt und Patenschaften',
      html:
        p('Im Landkreis Beispiel engagieren sich Hunderte Menschen ehrenamtlich für ein gutes Miteinander: in Willkommensinitiativen, Sportvereinen, Sprachcafés, Kleiderkammern und als Patinnen und Paten. Ehrenamt heißt: Sie helfen freiwillig und ohne Bezahlung, so viel Zeit Sie haben.') +
        h2('Netzwerke vor Ort') +
        p('In jeder Gemeinde gibt es ein Ehrenamts- oder Patennetzwerk. Die WIR-Koordination im Integrationsbüro baut diese Netzwerke auf, begleitet sie und verbindet Haupt- und Ehrenamtliche. Einmal im Quartal gibt es ein Netzwerktreffen mit Fortbildung.') +
        h2('Auch Zugewanderte engagieren sich') +
        p('Viele Menschen, die selbst neu hier waren, geben heute ihre Erfahrung weiter, zum Beispiel als Sprachmittlerin, Trainer oder Patin. Das ist eine große Bereicherung. Ehrenamt ist außerdem eine gute Gelegenheit, Deutsch zu sprechen und Kontakte zu knüpfen.') +
        card('Freiwilligenagentur Beispiel', ADDR.ehrenamt, `Telefon: ${faPhone}<br />E-Mail: ${faMail}`),
    },
    en: {
      title: 'Volunteering and mentoring',
      html:
        p('In the District of Beispiel, hundreds of people volunteer for good community relations: in welcome initiatives, sports clubs, language cafés, clothing banks and as mentors. Volunteering means that you help of your own free will and without pay, as much time as you have.') +
        h2('Local networks') +
        p('Every municipality has a volunteer or mentoring network. The WIR coordination at the integration office builds up these networks, supports them and brings professionals and volunteers together. Once a quarter there is a network meeting with training.') +
        h2('Immigrants volunteer too') +
        p('Many people who were once new here themselves now pass on their experience, for example as language mediators, coaches or mentors. This is a great enrichment. Volunteering is also a good opportunity to speak German and make contacts.') +
        card('Volunteer centre Beispiel', ADDR.ehrenamt, `Phone: ${faPhone}<br />E-mail: ${faMail}`),
    },
    ar: {
      title: 'العمل التطوعي ومشاريع الرعاية',
      html:
        p('في مقاطعة بايشبيل يتطوع مئات الأشخاص من أجل عيش مشترك جيد: في مبادرات الترحيب والنوادي الرياضية ومقاهي اللغة ومخازن الملابس وكرعاة (عرّابين) للقادمين الجدد. العمل التطوعي يعني أنكم تساعدون بإرادتكم ودون أجر، بقدر ما لديكم من وقت.') +
        h2('الشبكات المحلية') +
        p('في كل بلدية شبكة للتطوع أو للرعاية. يقوم تنسيق برنامج WIR في مكتب الاندماج ببناء هذه الشبكات ومرافقتها ويربط بين العاملين المحترفين والمتطوعين. ومرة كل ثلاثة أشهر يُعقد لقاء للشبكة مع تدريب.') +
        h2('القادمون الجدد يتطوعون أيضاً') +
        p('كثير من الأشخاص الذين كانوا جدداً هنا ينقلون اليوم خبرتهم، مثلاً كوسطاء لغويين أو مدربين أو رعاة. هذا إثراء كبير. والعمل التطوعي فرصة جيدة أيضاً للتحدث بالألمانية وبناء العلاقات.') +
        card('وكالة التطوع في بايشبيل', ADDR.ehrenamt, `الهاتف: ${faPhone}<br />البريد الإلكتروني: ${faMail}`),
    },
    uk: {
      title: 'Волонтерство та наставництво',
      html:
        p('У районі Байшпіль сотні людей волонтерять заради доброго співжиття: у вітальних ініціативах, спортивних клубах, мовних кафе, пунктах видачі одягу та як наставники. Волонтерство означає, що ви допомагаєте добровільно й без оплати — стільки часу, скільки маєте.') +
        h2('Місцеві мережі') +
        p('У кожній громаді є мережа волонтерів або наставників. Координація WIR у бюро інтеграції створює ці мережі, супроводжує їх і поєднує фахівців і волонтерів. Раз на квартал відбувається зустріч мережі з навчанням.') +
        h2('Мігранти теж волонтерять') +
        p('Багато людей, які колись самі були тут новими, сьогодні передають свій досвід — наприклад, як мовні посередники, тренери чи наставники. Це велике збагачення. Волонтерство — ще й гарна нагода говорити німецькою та заводити знайомства.') +
        card('Волонтерське агентство Байшпіль', ADDR.ehrenamt, `Телефон: ${faPhone}<br />Ел. пошта: ${faMail}`),
    },
    'de-x-ls': {
      title: 'Ehren-Amt: anderen Menschen helfen',
      html:
        p('Ehren-Amt bedeutet: Sie helfen anderen Menschen. Sie bekommen dafür kein Geld. Sie machen das freiwillig. Freiwillig heißt: Sie wollen es selbst.') +
        h2('Wo helfen Menschen im Ehren-Amt?') +
        list(['im Sport-Verein', 'im Sprach-Café', 'als Pate oder Patin. Ein Pate hilft einem Menschen. Der Mensch ist neu im Landkreis.']) +
        p('Auch Menschen aus anderen Ländern machen Ehren-Amt. Zum Beispiel als Sprach-Mittler. Das ist sehr wertvoll.') +
        p('Sie wollen auch helfen? Dann melden Sie sich bei der Freiwilligen-Agentur.') +
        card('Freiwilligen-Agentur', ADDR.ehrenamt, `Telefon: ${faPhone}`),
    },
  },
  children: [
    {
      key: 'mentoring',
      icon: 'help',
      texts: {
        de: {
          title: 'Patenschaften',
          html:
            p('Eine Patin oder ein Pate begleitet eine neu zugewanderte Person oder Familie für einige Monate im Alltag. Man trifft sich etwa einmal pro Woche: zum Beispiel für Behördengänge, zum Deutschüben, für die Suche nach einem Sportverein oder einfach für einen Spaziergang.') +
            h2('Sie möchten eine Patenschaft übernehmen?') +
            list(['Sie haben etwa zwei Stunden pro Woche Zeit.', 'Sie nehmen an einem kostenlosen Einführungsabend teil.', 'Sie bekommen Beratung, Austausch mit anderen Paten und Fortbildungen.', 'Sie sind während des Engagements unfall- und haftpflichtversichert.']) +
            h2('Sie wünschen sich eine Patin oder einen Paten?') +
            p('Melden Sie sich bei der Freiwilligenagentur oder bei der Migrationsberatung. Wir suchen eine Person, die zu Ihren Wünschen passt, wenn möglich auch mit gemeinsamer Sprache.') +
            h3('Wichtig') +
            p('Patinnen und Paten ersetzen keine Beratungsstelle. Bei rechtlichen Fragen verweisen sie an Fachleute.') +
            card('Patenschaftsprogramm', ADDR.ehrenamt, `Telefon: ${faPhone}<br />E-Mail: ${mail('paten@beispiel.example')}`),
        },
        en: {
          title: 'Mentoring schemes',
          html:
            p('A mentor accompanies a newly arrived person or family in everyday life for a few months. You meet about once a week: for example for appointments with authorities, to practise German, to look for a sports club or simply for a walk.') +
            h2('Would you like to become a mentor?') +
            list(['You have about two hours a week.', 'You attend a free introductory evening.', 'You receive advice, exchange with other mentors and training.', 'You are covered by accident and liability insurance while volunteering.']) +
            h2('Would you like a mentor?') +
            p('Contact the volunteer centre or the migration advice service. We will look for someone who matches your wishes, if possible someone who speaks your language.') +
            h3('Important') +
            p('Mentors do not replace an advice centre. For legal questions they refer you to professionals.') +
            card('Mentoring programme', ADDR.ehrenamt, `Phone: ${faPhone}<br />E-mail: ${mail('paten@beispiel.example')}`),
        },
        ar: {
          title: 'مشاريع الرعاية (العرّابون)',
          html:
            p('يرافق الراعي أو الراعية شخصاً أو عائلة من القادمين الجدد لبضعة أشهر في الحياة اليومية. تلتقون مرة في الأسبوع تقريباً: مثلاً لمراجعة الدوائر الرسمية أو للتدرب على الألمانية أو للبحث عن نادٍ رياضي أو ببساطة للتنزه.') +
            h2('هل تريدون أن تصبحوا رعاة؟') +
            list(['لديكم نحو ساعتين في الأسبوع.', 'تشاركون في أمسية تعريفية مجانية.', 'تحصلون على استشارة وتبادل خبرات مع رعاة آخرين ودورات تدريبية.', 'أنتم مؤمَّنون ضد الحوادث والمسؤولية المدنية خلال نشاطكم.']) +
            h2('هل ترغبون في راعٍ أو راعية؟') +
            p('تواصلوا مع وكالة التطوع أو مع استشارات الهجرة. سنبحث عن شخص يناسب رغباتكم، وإن أمكن يتحدث لغتكم أيضاً.') +
            h3('مهم') +
            p('الرعاة لا يحلّون محل مراكز الاستشارة. في المسائل القانونية يوجهونكم إلى المختصين.') +
            card('برنامج الرعاية', ADDR.ehrenamt, `الهاتف: ${faPhone}<br />البريد الإلكتروني: ${mail('paten@beispiel.example')}`),
        },
        uk: {
          title: 'Наставництво (Patenschaften)',
          html:
            p('Наставниця або наставник кілька місяців супроводжує новоприбулу людину чи сім’ю в повсякденному житті. Зустрічаються приблизно раз на тиждень: наприклад, щоб сходити до установи, попрактикувати німецьку, знайти спортивний клуб або просто прогулятися.') +
            h2('Хочете стати наставником?') +
            list(['Ви маєте близько двох годин на тиждень.', 'Ви відвідуєте безкоштовний вступний вечір.', 'Ви отримуєте консультації, обмін досвідом з іншими наставниками та навчання.', 'Під час волонтерства ви застраховані від нещасних випадків і цивільної відповідальності.']) +
            h2('Хочете мати наставника?') +
            p('Зверніться до волонтерського агентства або до міграційної консультації. Ми знайдемо людину, яка відповідає вашим побажанням, за можливості — зі спільною мовою.') +
            h3('Важливо') +
            p('Наставники не замінюють консультаційну службу. З юридичних питань вони скеровують до фахівців.') +
            card('Програма наставництва', ADDR.ehrenamt, `Телефон: ${faPhone}<br />Ел. пошта: ${mail('paten@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Paten-Schaften',
          html:
            p('Ein Pate ist ein Mensch. Er hilft einem anderen Menschen im Alltag. Der andere Mensch ist neu in Deutschland. Sie treffen sich einmal in der Woche.') +
            h2('Was macht ein Pate?') +
            list(['Er geht mit zum Amt.', 'Er übt mit Ihnen Deutsch.', 'Er zeigt Ihnen den Ort.']) +
            h2('Sie möchten einen Paten?') +
            p('Dann melden Sie sich bei der Freiwilligen-Agentur. Wir suchen einen Paten für Sie. Vielleicht spricht der Pate auch Ihre Sprache.') +
            h2('Sie möchten Pate werden?') +
            p('Sie brauchen etwa 2 Stunden Zeit in der Woche. Am Anfang gibt es einen Abend mit Informationen für Sie.') +
            card('Paten-Programm', ADDR.ehrenamt, `Telefon: ${faPhone}`),
        },
      },
    },
    {
      key: 'become-volunteer',
      icon: 'community',
      texts: {
        de: {
          title: 'Ehrenamtlich aktiv werden',
          html:
            p('Sie möchten sich engagieren, wissen aber noch nicht wo? Die Freiwilligenagentur berät Sie persönlich und vermittelt Sie an eine Aufgabe, die zu Ihren Interessen und Ihrer Zeit passt. Das Engagement kann einmalig sein oder regelmäßig.') +
            h2('Beispiele für Aufgaben') +
            list(['Hausaufgabenhilfe in der Stadtbücherei', 'Gesprächsrunden im Sprachcafé leiten', 'Fahrdienste zu Arztterminen', 'Mithilfe bei der Interkulturellen Woche', 'Trainerin oder Trainer im Sportverein']) +
            h2('Was Sie von uns bekommen') +
            p('Fortbildungen, zum Beispiel zu interkultureller Kommunikation oder Aufenthaltsrecht, Erstattung von Fahrtkosten, einen Ehrenamtsnachweis für Bewerbungen und nach drei Jahren Engagement die Ehrenamtskarte mit Vergünstigungen im ganzen Land.') +
            card('Freiwilligenagentur Beispiel', ADDR.ehrenamt, `Telefon: ${faPhone}<br />E-Mail: ${faMail}`, 'Beratung Di 10–12 Uhr und Do 15–18 Uhr'),
        },
        en: {
          title: 'Becoming a volunteer',
          html:
            p('Would you like to get involved but do not yet know where? The volunteer centre advises you personally and finds a task that suits your interests and the time you have. Your involvement can be a one-off or regular.') +
            h2('Examples of tasks') +
            list(['Homework help at the town library', 'Hosting conversation groups at the language café', 'Driving people to doctor’s appointments', 'Helping with the Intercultural Week', 'Coaching at a sports club']) +
            h2('What you get from us') +
            p('Training, for example in intercultural communication or residence law, reimbursement of travel costs, a certificate of volunteering for job applications and, after three years, the volunteer card with discounts throughout the state.') +
            card('Volunteer centre Beispiel', ADDR.ehrenamt, `Phone: ${faPhone}<br />E-mail: ${faMail}`, 'Advice Tue 10 am–12 noon and Thu 3–6 pm'),
        },
        ar: {
          title: 'كيف تصبحون متطوعين',
          html:
            p('هل تريدون المشاركة لكنكم لا تعرفون بعد أين؟ تقدم لكم وكالة التطوع استشارة شخصية وتجد لكم مهمة تناسب اهتماماتكم ووقتكم. يمكن أن تكون المشاركة لمرة واحدة أو بشكل منتظم.') +
            h2('أمثلة على المهام') +
            list(['المساعدة في الواجبات المدرسية في مكتبة المدينة', 'إدارة جلسات الحوار في مقهى اللغة', 'توصيل الأشخاص إلى مواعيد الطبيب', 'المساعدة في الأسبوع الثقافي المشترك', 'التدريب في نادٍ رياضي']) +
            h2('ماذا تحصلون منا') +
            p('دورات تدريبية، مثلاً في التواصل بين الثقافات أو قانون الإقامة، وتعويض تكاليف المواصلات، وشهادة تطوع لطلبات التوظيف، وبعد ثلاث سنوات من التطوع بطاقة المتطوع التي تمنح تخفيضات في الولاية كلها.') +
            card('وكالة التطوع في بايشبيل', ADDR.ehrenamt, `الهاتف: ${faPhone}<br />البريد الإلكتروني: ${faMail}`, 'الاستشارة: الثلاثاء 10–12 والخميس 15–18'),
        },
        uk: {
          title: 'Як стати волонтером',
          html:
            p('Хочете долучитися, але ще не знаєте де? Волонтерське агентство проконсультує вас особисто й підбере завдання відповідно до ваших інтересів і вільного часу. Участь може бути разовою або регулярною.') +
            h2('Приклади завдань') +
            list(['Допомога з домашніми завданнями в міській бібліотеці', 'Ведення розмовних груп у мовному кафе', 'Підвезення людей до лікаря', 'Допомога під час Міжкультурного тижня', 'Тренерська робота в спортивному клубі']) +
            h2('Що ви отримуєте від нас') +
            p('Навчання, наприклад з міжкультурної комунікації чи права перебування, відшкодування витрат на проїзд, довідку про волонтерство для резюме, а після трьох років — картку волонтера зі знижками по всій землі.') +
            card('Волонтерське агентство Байшпіль', ADDR.ehrenamt, `Телефон: ${faPhone}<br />Ел. пошта: ${faMail}`, 'Консультації: вт 10–12 і чт 15–18'),
        },
        'de-x-ls': {
          title: 'Im Ehren-Amt mitmachen',
          html:
            p('Sie möchten anderen Menschen helfen? Die Freiwilligen-Agentur sagt Ihnen: Wo können Sie helfen? Sie sagen, was Sie gern machen. Und wie viel Zeit Sie haben.') +
            h2('Das können Sie zum Beispiel machen') +
            list(['Kindern bei den Haus-Aufgaben helfen', 'im Sprach-Café mit Menschen sprechen', 'Menschen zum Arzt fahren', 'im Sport-Verein Kinder trainieren']) +
            h2('Was bekommen Sie?') +
            p('Sie bekommen kein Geld. Aber Sie lernen viel. Sie bekommen ein Papier über Ihre Hilfe. Das Papier hilft Ihnen bei einer Bewerbung.') +
            card('Freiwilligen-Agentur', ADDR.ehrenamt, `Telefon: ${faPhone}`),
        },
      },
    },
  ],
};
