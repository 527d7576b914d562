import { ADDR, card, h2, link, list, mail, p, tel, type DemoPage } from './types.js';

const abPhone = tel('01234 567-700');
const abMail = mail('ausbildung@beispiel.example');
const boerse = link('https://lehrstellen.beispiel.example', 'lehrstellen.beispiel.example');

export const training: DemoPage = {
  key: 'training',
  icon: 'education',
  texts: {
    de: {
      title: 'Ausbildung und Beruf',
      html:
        p('Eine Berufsausbildung ist in Deutschland der häufigste Weg in einen Beruf. Es gibt über 300 Ausbildungsberufe, vom Kfz-Mechatroniker bis zur Kauffrau im Einzelhandel. Während der Ausbildung verdienen Sie bereits Geld.') +
        h2('Wege in die Ausbildung') +
        list(['<strong>Duale Ausbildung:</strong> Sie lernen im Betrieb und in der Berufsschule.', '<strong>Schulische Ausbildung:</strong> zum Beispiel in der Pflege oder in der Erziehung, an einer Fachschule.', '<strong>Einstiegsqualifizierung:</strong> ein bezahltes Praktikum von sechs bis zwölf Monaten vor der Ausbildung.']) +
        p('Für eine Ausbildung brauchen Sie meist einen Schulabschluss und Deutschkenntnisse auf Niveau B1. Das Ausbildungsbüro berät Sie, hilft bei der Bewerbung und vermittelt Kontakte zu Betrieben.') +
        card('Ausbildungsbüro', ADDR.ausbildung, `Telefon: ${abPhone}<br />E-Mail: ${abMail}`),
    },
    en: {
      title: 'Vocational training and careers',
      html:
        p('Vocational training is the most common way into a profession in Germany. There are more than 300 recognised training occupations, from car mechatronics technician to retail saleswoman. You already earn money during your training.') +
        h2('Routes into training') +
        list(['<strong>Dual training:</strong> you learn at a company and at vocational school.', '<strong>School-based training:</strong> for example in care or early childhood education, at a technical college.', '<strong>Entry qualification:</strong> a paid internship of six to twelve months before the training.']) +
        p('For training you usually need a school-leaving certificate and German at level B1. The training office advises you, helps with your application and puts you in touch with companies.') +
        card('Training office', ADDR.ausbildung, `Phone: ${abPhone}<br />E-mail: ${abMail}`),
    },
    ar: {
      title: 'التدريب المهني والعمل',
      html:
        p('التدريب المهني هو الطريق الأكثر شيوعاً إلى المهنة في ألمانيا. هناك أكثر من 300 مهنة تدريبية، من فني ميكاترونيك السيارات إلى موظفة المبيعات بالتجزئة. وخلال التدريب تحصلون على أجر.') +
        h2('طرق الوصول إلى التدريب المهني') +
        list(['<strong>التدريب المزدوج:</strong> تتعلمون في الشركة وفي المدرسة المهنية.', '<strong>التدريب المدرسي:</strong> مثلاً في التمريض أو التربية، في مدرسة متخصصة.', '<strong>التأهيل التمهيدي:</strong> تدريب عملي مدفوع الأجر من ستة إلى اثني عشر شهراً قبل التدريب المهني.']) +
        p('تحتاجون للتدريب المهني عادة إلى شهادة مدرسية ومعرفة باللغة الألمانية بمستوى B1. يقدم لكم مكتب التدريب المهني الاستشارة ويساعدكم في التقديم ويربطكم بالشركات.') +
        card('مكتب التدريب المهني', ADDR.ausbildung, `الهاتف: ${abPhone}<br />البريد الإلكتروني: ${abMail}`),
    },
    uk: {
      title: 'Професійне навчання та кар’єра',
      html:
        p('Професійне навчання — найпоширеніший шлях до професії в Німеччині. Існує понад 300 професій для навчання: від автомехатроніка до продавчині в роздрібній торгівлі. Під час навчання ви вже отримуєте гроші.') +
        h2('Шляхи до професійного навчання') +
        list(['<strong>Дуальне навчання:</strong> ви навчаєтеся на підприємстві та в професійній школі.', '<strong>Шкільне навчання:</strong> наприклад, у сфері догляду чи виховання, у фаховій школі.', '<strong>Вступна кваліфікація:</strong> оплачувана практика від шести до дванадцяти місяців перед навчанням.']) +
        p('Для навчання зазвичай потрібні шкільний атестат і німецька на рівні B1. Бюро з професійного навчання консультує, допомагає з документами для подання і налагоджує контакти з підприємствами.') +
        card('Бюро з професійного навчання', ADDR.ausbildung, `Телефон: ${abPhone}<br />Ел. пошта: ${abMail}`),
    },
    'de-x-ls': {
      title: 'Eine Ausbildung machen',
      html:
        p('In einer Ausbildung lernen Sie einen Beruf. Zum Beispiel: Koch. Oder Verkäuferin. Die Ausbildung dauert meistens 3 Jahre. Sie bekommen schon Geld in der Ausbildung.') +
        h2('Wo lerne ich?') +
        p('Sie lernen an 2 Orten. Sie arbeiten in einer Firma. Und Sie gehen in die Berufs-Schule.') +
        h2('Was brauche ich?') +
        list(['ein Zeugnis von der Schule', 'gute Deutsch-Kenntnisse']) +
        p('Das Ausbildungs-Büro hilft Ihnen. Dort bekommen Sie Hilfe bei der Bewerbung. Eine Bewerbung ist ein Brief an eine Firma. Darin schreiben Sie: Ich möchte bei Ihnen lernen.') +
        card('Ausbildungs-Büro', ADDR.ausbildung, `Telefon: ${abPhone}`),
    },
  },
  children: [
    {
      key: 'dual-training',
      icon: 'work',
      texts: {
        de: {
          title: 'Duale Ausbildung',
          html:
            p('In der dualen Ausbildung lernen Sie an zwei Orten: drei bis vier Tage pro Woche im Betrieb und ein bis zwei Tage in der Berufsschule. Die Ausbildung dauert meist drei Jahre und endet mit einer Prüfung bei der Kammer. Danach haben Sie einen anerkannten Berufsabschluss.') +
            h2('Gute Gründe für eine Ausbildung') +
            list(['Sie verdienen vom ersten Monat an eine Ausbildungsvergütung.', 'Viele Betriebe übernehmen ihre Auszubildenden nach der Prüfung.', 'Mit einer Ausbildung können Sie unter bestimmten Voraussetzungen eine Aufenthaltserlaubnis bekommen (Ausbildungsduldung).']) +
            h2('Bewerbung') +
            p('Bewerben Sie sich etwa ein Jahr vor dem Ausbildungsbeginn, meist ist das der 1. August oder der 1. September. Eine Bewerbung besteht aus Anschreiben, Lebenslauf und Zeugnissen. Ein Praktikum im Betrieb erhöht Ihre Chancen deutlich.') +
            card('Ausbildungsberatung der Kammern', ADDR.ausbildung, `Telefon: ${tel('01234 567-710')}<br />E-Mail: ${mail('kammer-ausbildung@beispiel.example')}`),
        },
        en: {
          title: 'Dual vocational training',
          html:
            p('In dual training you learn in two places: three to four days a week at the company and one to two days at vocational school. The training usually takes three years and ends with an examination at the chamber. After that you have a recognised vocational qualification.') +
            h2('Good reasons for training') +
            list(['You receive a training allowance from the first month.', 'Many companies keep their trainees after the final examination.', 'Under certain conditions, training can give you a right to stay (toleration for training, Ausbildungsduldung).']) +
            h2('Applying') +
            p('Apply about one year before the training starts, usually on 1 August or 1 September. An application consists of a cover letter, a CV and certificates. An internship at the company greatly improves your chances.') +
            card('Training advice of the chambers', ADDR.ausbildung, `Phone: ${tel('01234 567-710')}<br />E-mail: ${mail('kammer-ausbildung@beispiel.example')}`),
        },
        ar: {
          title: 'التدريب المهني المزدوج',
          html:
            p('في التدريب المزدوج تتعلمون في مكانين: ثلاثة إلى أربعة أيام في الأسبوع في الشركة، ويوماً أو يومين في المدرسة المهنية. يستغرق التدريب عادة ثلاث سنوات وينتهي بامتحان لدى الغرفة المهنية. بعد ذلك تحصلون على شهادة مهنية معترف بها.') +
            h2('أسباب وجيهة للتدريب المهني') +
            list(['تحصلون على أجر تدريب منذ الشهر الأول.', 'كثير من الشركات توظف متدربيها بعد الامتحان.', 'يمكن أن يمنحكم التدريب المهني بشروط معينة حق البقاء (التسامح لأجل التدريب، Ausbildungsduldung).']) +
            h2('التقديم') +
            p('قدموا طلباتكم قبل بداية التدريب بسنة تقريباً، وتكون البداية عادة في 1 آب/أغسطس أو 1 أيلول/سبتمبر. يتكون طلب التوظيف من رسالة تعريفية وسيرة ذاتية وشهادات. التدريب العملي في الشركة يزيد فرصكم كثيراً.') +
            card('استشارات التدريب في الغرف المهنية', ADDR.ausbildung, `الهاتف: ${tel('01234 567-710')}<br />البريد الإلكتروني: ${mail('kammer-ausbildung@beispiel.example')}`),
        },
        uk: {
          title: 'Дуальне професійне навчання',
          html:
            p('У дуальному навчанні ви вчитеся у двох місцях: три–чотири дні на тиждень на підприємстві та один–два дні в професійній школі. Навчання зазвичай триває три роки й закінчується іспитом у палаті. Після цього ви маєте визнану професійну кваліфікацію.') +
            h2('Чому варто навчатися') +
            list(['Ви отримуєте винагороду за навчання з першого місяця.', 'Багато підприємств беруть своїх учнів на роботу після іспиту.', 'За певних умов навчання може дати право на перебування (толерування на час навчання, Ausbildungsduldung).']) +
            h2('Подання заявки') +
            p('Подавайте документи приблизно за рік до початку навчання — зазвичай це 1 серпня або 1 вересня. Заявка складається із супровідного листа, резюме та атестатів. Практика на підприємстві значно підвищує ваші шанси.') +
            card('Консультації палат з питань навчання', ADDR.ausbildung, `Телефон: ${tel('01234 567-710')}<br />Ел. пошта: ${mail('kammer-ausbildung@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Die duale Ausbildung',
          html:
            p('Dual heißt: zwei. Sie lernen an 2 Orten. In einer Firma und in der Berufs-Schule. In der Firma arbeiten Sie. In der Schule lernen Sie Wissen für Ihren Beruf.') +
            h2('Wie lange dauert die Ausbildung?') +
            p('Meistens 3 Jahre. Am Ende machen Sie eine Prüfung. Dann haben Sie einen Berufs-Abschluss.') +
            h2('Gut zu wissen') +
            list(['Sie bekommen jeden Monat Geld.', 'Viele Firmen behalten Sie nach der Ausbildung.', 'Bewerben Sie sich früh. Die Ausbildung beginnt meistens im August oder September.']) +
            card('Ausbildungs-Beratung', ADDR.ausbildung, `Telefon: ${tel('01234 567-710')}`),
        },
      },
    },
    {
      key: 'apprenticeship-board',
      icon: 'internet',
      revision: [
        { find: 'Die nächste Ausbildungsmesse findet am Samstag, 14. März, von 10 bis 15 Uhr im Berufsschulzentrum statt.', replace: 'Die Ausbildungsmesse wird verlegt: Sie findet jetzt am Samstag, 9. Mai, von 10 bis 16 Uhr in der neuen Stadthalle statt. Erstmals gibt es eine Sprechstunde in Arabisch, Ukrainisch und Englisch.' },
      ],
      texts: {
        de: {
          title: 'Lehrstellenbörse',
          html:
            p(`In der Lehrstellenbörse des Landkreises finden Sie freie Ausbildungsplätze und Praktika von Betrieben aus der Region. Sie können nach Beruf, Ort und Beginn suchen und sich direkt online bewerben: ${boerse}.`) +
            h2('So nutzen Sie die Börse') +
            list(['Legen Sie ein kostenloses Profil an.', 'Laden Sie Lebenslauf und Zeugnisse hoch.', 'Speichern Sie Suchaufträge: Sie bekommen eine E-Mail, wenn ein passendes Angebot neu ist.', 'Bewerben Sie sich direkt beim Betrieb.'], true) +
            h2('Ausbildungsmesse') +
            p('Die nächste Ausbildungsmesse findet am Samstag, 14. März, von 10 bis 15 Uhr im Berufsschulzentrum statt. Über 60 Betriebe stellen sich vor. Bringen Sie Bewerbungsmappen mit; viele Betriebe führen direkt Gespräche.') +
            card('Lehrstellenbörse', ADDR.ausbildung, `Telefon: ${abPhone}<br />E-Mail: ${mail('lehrstellen@beispiel.example')}`, `Internet: ${boerse}`),
        },
        en: {
          title: 'Apprenticeship board',
          html:
            p(`The district’s apprenticeship board lists open training places and internships at companies in the region. You can search by occupation, place and start date and apply directly online: ${boerse}.`) +
            h2('How to use the board') +
            list(['Create a free profile.', 'Upload your CV and certificates.', 'Save searches: you get an e-mail when a matching offer is new.', 'Apply directly to the company.'], true) +
            h2('Training fair') +
            p('The next training fair takes place on Saturday, 14 March, from 10 am to 3 pm at the vocational school centre. More than 60 companies present themselves. Bring application folders; many companies hold interviews on the spot.') +
            card('Apprenticeship board', ADDR.ausbildung, `Phone: ${abPhone}<br />E-mail: ${mail('lehrstellen@beispiel.example')}`, `Website: ${boerse}`),
        },
        ar: {
          title: 'منصة أماكن التدريب المهني',
          html:
            p(`تجدون في منصة أماكن التدريب التابعة للمقاطعة أماكن التدريب المهني الشاغرة وفرص التدريب العملي في شركات المنطقة. يمكنكم البحث حسب المهنة والمكان وتاريخ البدء والتقديم مباشرة عبر الإنترنت: ${boerse}.`) +
            h2('كيف تستخدمون المنصة') +
            list(['أنشئوا ملفاً شخصياً مجانياً.', 'ارفعوا السيرة الذاتية والشهادات.', 'احفظوا طلبات البحث: تصلكم رسالة إلكترونية عند نشر عرض مناسب جديد.', 'قدموا طلباتكم مباشرة لدى الشركة.'], true) +
            h2('معرض التدريب المهني') +
            p('يقام معرض التدريب المهني القادم يوم السبت 14 آذار/مارس من الساعة 10 حتى 15 في مركز المدارس المهنية. تعرض أكثر من 60 شركة نفسها. أحضروا ملفات طلباتكم، فكثير من الشركات تجري مقابلات في المكان مباشرة.') +
            card('منصة أماكن التدريب', ADDR.ausbildung, `الهاتف: ${abPhone}<br />البريد الإلكتروني: ${mail('lehrstellen@beispiel.example')}`, `الموقع: ${boerse}`),
        },
        uk: {
          title: 'Біржа місць професійного навчання',
          html:
            p(`На біржі місць професійного навчання району ви знайдете вільні місця для навчання та практики на підприємствах регіону. Можна шукати за професією, місцем і датою початку та подавати заявку безпосередньо онлайн: ${boerse}.`) +
            h2('Як користуватися біржею') +
            list(['Створіть безкоштовний профіль.', 'Завантажте резюме та атестати.', 'Збережіть пошукові запити: ви отримаєте лист, щойно з’явиться відповідна пропозиція.', 'Подавайте заявку безпосередньо на підприємство.'], true) +
            h2('Ярмарок професійного навчання') +
            p('Наступний ярмарок відбудеться в суботу, 14 березня, з 10 до 15 години в центрі професійних шкіл. Понад 60 підприємств представлять себе. Візьміть із собою пакети документів — багато підприємств проводять співбесіди на місці.') +
            card('Біржа місць навчання', ADDR.ausbildung, `Телефон: ${abPhone}<br />Ел. пошта: ${mail('lehrstellen@beispiel.example')}`, `Сайт: ${boerse}`),
        },
        'de-x-ls': {
          title: 'Die Lehrstellen-Börse',
          html:
            p('Eine Lehr-Stelle ist ein Platz für eine Ausbildung. Die Lehrstellen-Börse ist eine Internet-Seite. Dort finden Sie freie Lehr-Stellen im Landkreis.') +
            h2('So geht es') +
            list(['Sie gehen auf die Internet-Seite.', 'Sie suchen einen Beruf.', 'Sie schreiben eine Bewerbung an die Firma.'], true) +
            h2('Die Ausbildungs-Messe') +
            p('Bei der Ausbildungs-Messe stellen sich viele Firmen vor. Sie können mit den Firmen sprechen. Die Messe ist am 14. März. Sie ist im Berufs-Schul-Zentrum.') +
            card('Lehrstellen-Börse', ADDR.ausbildung, `Telefon: ${abPhone}`, `Internet: ${boerse}`),
        },
      },
    },
    {
      key: 'training-support',
      icon: 'help',
      missing: ['de-x-ls'],
      texts: {
        de: {
          title: 'Hilfe während der Ausbildung',
          html:
            p('Eine Ausbildung auf Deutsch ist anspruchsvoll, besonders in der Berufsschule. Niemand muss das allein schaffen. Im Landkreis gibt es mehrere kostenlose Angebote, die Auszubildende und Betriebe unterstützen.') +
            h2('Angebote') +
            list(['<strong>Assistierte Ausbildung (AsA flex):</strong> Nachhilfe in Fachtheorie und Deutsch, Hilfe bei Problemen im Betrieb; beantragt bei der Agentur für Arbeit', '<strong>Ausbildungspaten:</strong> Ehrenamtliche begleiten Sie einmal pro Woche', '<strong>Lerngruppen in der Berufsschule:</strong> dienstags und donnerstags nach dem Unterricht', '<strong>Berufsausbildungsbeihilfe:</strong> Geld für Miete und Fahrtkosten, wenn die Vergütung nicht reicht']) +
            p('Wenn es Schwierigkeiten gibt, melden Sie sich früh. Eine Ausbildung abzubrechen sollte immer die letzte Möglichkeit sein. Oft hilft schon ein Gespräch zwischen Ihnen, dem Betrieb und der Berufsschule.') +
            card('Ausbildungsbegleitung', ADDR.ausbildung, `Telefon: ${tel('01234 567-720')}<br />E-Mail: ${mail('ausbildungsbegleitung@beispiel.example')}`),
        },
        en: {
          title: 'Support during your training',
          html:
            p('Training in German is demanding, especially at vocational school. Nobody has to manage it alone. The district offers several free services that support trainees and companies.') +
            h2('Services') +
            list(['<strong>Assisted training (AsA flex):</strong> tutoring in theory and German, help with problems at the company; apply at the employment agency', '<strong>Training mentors:</strong> volunteers support you once a week', '<strong>Study groups at vocational school:</strong> Tuesdays and Thursdays after lessons', '<strong>Vocational training grant:</strong> money for rent and travel costs if your allowance is not enough']) +
            p('If there are difficulties, get in touch early. Dropping out of training should always be the last resort. Often a conversation between you, the company and the vocational school is enough to help.') +
            card('Training support', ADDR.ausbildung, `Phone: ${tel('01234 567-720')}<br />E-mail: ${mail('ausbildungsbegleitung@beispiel.example')}`),
        },
        ar: {
          title: 'المساعدة خلال التدريب المهني',
          html:
            p('التدريب المهني باللغة الألمانية صعب، خاصة في المدرسة المهنية. لا أحد مضطر لمواجهة ذلك وحده. توجد في المقاطعة عدة عروض مجانية تدعم المتدربين والشركات.') +
            h2('العروض') +
            list(['<strong>التدريب المساعَد (AsA flex):</strong> دروس تقوية في النظرية المهنية والألمانية ومساعدة في مشاكل العمل؛ يُطلب من وكالة العمل', '<strong>رعاة التدريب:</strong> متطوعون يرافقونكم مرة في الأسبوع', '<strong>مجموعات التعلم في المدرسة المهنية:</strong> أيام الثلاثاء والخميس بعد الدروس', '<strong>منحة التدريب المهني:</strong> مال للإيجار وتكاليف المواصلات إذا لم يكفِ أجر التدريب']) +
            p('إذا واجهتم صعوبات، تواصلوا معنا مبكراً. يجب أن يكون ترك التدريب دائماً الخيار الأخير. غالباً ما يساعد حديث بينكم وبين الشركة والمدرسة المهنية.') +
            card('مرافقة التدريب المهني', ADDR.ausbildung, `الهاتف: ${tel('01234 567-720')}<br />البريد الإلكتروني: ${mail('ausbildungsbegleitung@beispiel.example')}`),
        },
        uk: {
          title: 'Допомога під час навчання',
          html:
            p('Професійне навчання німецькою — це непросто, особливо в професійній школі. Ніхто не мусить справлятися з цим сам. У районі є кілька безкоштовних пропозицій, які підтримують учнів і підприємства.') +
            h2('Пропозиції') +
            list(['<strong>Асистоване навчання (AsA flex):</strong> додаткові заняття з теорії та німецької, допомога з проблемами на підприємстві; заява подається до агентства з працевлаштування', '<strong>Наставники з навчання:</strong> волонтери підтримують вас раз на тиждень', '<strong>Навчальні групи в професійній школі:</strong> щовівторка й щочетверга після уроків', '<strong>Допомога на професійне навчання:</strong> гроші на оренду та проїзд, якщо винагороди не вистачає']) +
            p('Якщо виникають труднощі, звертайтеся рано. Переривати навчання слід лише в крайньому разі. Часто допомагає вже розмова між вами, підприємством і професійною школою.') +
            card('Супровід навчання', ADDR.ausbildung, `Телефон: ${tel('01234 567-720')}<br />Ел. пошта: ${mail('ausbildungsbegleitung@beispiel.example')}`),
        },
      },
    },
  ],
};
