import { ADDR, card, h2, h3, link, list, mail, p, table, tel, type DemoPage } from './types.js';

const kitaPhone = tel('01234 567-350');
const kitaMail = mail('kita@beispiel.example');
const schulPhone = tel('01234 567-360');
const schulMail = mail('schulamt@beispiel.example');
const kitaPortal = link('https://kita.beispiel.example', 'kita.beispiel.example');

export const children: DemoPage = {
  key: 'children',
  icon: 'family',
  texts: {
    de: {
      title: 'Kinder und Schule',
      html:
        p('Kinder haben in Deutschland ein Recht auf Bildung, und es gibt eine Schulpflicht. Im Landkreis Beispiel begleiten Kitas, Schulen und Beratungsstellen Ihre Kinder vom ersten Lebensjahr bis zum Schulabschluss.') +
        h2('Überblick') +
        table(
          ['Alter', 'Angebot'],
          [
            ['ab 1 Jahr', 'Krippe oder Tagesmutter'],
            ['3 bis 6 Jahre', 'Kindergarten (Kita)'],
            ['6 bis 10 Jahre', 'Grundschule'],
            ['ab 10 Jahren', 'weiterführende Schule'],
          ],
        ) +
        p('Kinder, die noch wenig Deutsch sprechen, besuchen zuerst Intensivklassen oder bekommen zusätzlichen Deutschunterricht. Das Bildungs- und Teilhabepaket bezahlt für Familien mit wenig Geld Schulbedarf, Mittagessen, Ausflüge und Nachhilfe.') +
        card('Jugendamt, Kita-Servicestelle', ADDR.jugendamt, `Telefon: ${kitaPhone}<br />E-Mail: ${kitaMail}`),
    },
    en: {
      title: 'Children and school',
      html:
        p('In Germany children have a right to education, and school attendance is compulsory. In the District of Beispiel, day-care centres, schools and advice services accompany your children from their first year until they leave school.') +
        h2('Overview') +
        table(
          ['Age', 'Service'],
          [
            ['from 1 year', 'crèche or childminder'],
            ['3 to 6 years', 'kindergarten (Kita)'],
            ['6 to 10 years', 'primary school'],
            ['from 10 years', 'secondary school'],
          ],
        ) +
        p('Children who speak little German first attend intensive classes or receive extra German lessons. For families with little money, the education and participation package pays for school supplies, lunch, trips and tutoring.') +
        card('Youth welfare office, Kita service point', ADDR.jugendamt, `Phone: ${kitaPhone}<br />E-mail: ${kitaMail}`),
    },
    ar: {
      title: 'الأطفال والمدرسة',
      html:
        p('للأطفال في ألمانيا حق في التعليم، والتعليم المدرسي إلزامي. في مقاطعة بايشبيل ترافق دور الحضانة والمدارس ومراكز الاستشارة أطفالكم من السنة الأولى من العمر حتى التخرج من المدرسة.') +
        h2('لمحة عامة') +
        table(
          ['العمر', 'العرض'],
          [
            ['من سنة واحدة', 'حضانة الرضع أو مربية أطفال'],
            ['من 3 إلى 6 سنوات', 'روضة الأطفال (كيتا)'],
            ['من 6 إلى 10 سنوات', 'المدرسة الابتدائية'],
            ['من 10 سنوات', 'المدرسة الثانوية'],
          ],
        ) +
        p('الأطفال الذين لا يتحدثون الألمانية جيداً بعد يلتحقون أولاً بصفوف مكثفة أو يحصلون على دروس ألمانية إضافية. وتدفع حزمة التعليم والمشاركة للعائلات ذات الدخل المحدود تكاليف المستلزمات المدرسية ووجبة الغداء والرحلات ودروس التقوية.') +
        card('مكتب رعاية الشباب، مركز خدمة الحضانات', ADDR.jugendamt, `الهاتف: ${kitaPhone}<br />البريد الإلكتروني: ${kitaMail}`),
    },
    uk: {
      title: 'Діти та школа',
      html:
        p('У Німеччині діти мають право на освіту, і навчання в школі обов’язкове. У районі Байшпіль дитячі садки, школи та консультаційні служби супроводжують ваших дітей від першого року життя до закінчення школи.') +
        h2('Огляд') +
        table(
          ['Вік', 'Заклад'],
          [
            ['з 1 року', 'ясла або денна няня'],
            ['3–6 років', 'дитячий садок (Kita)'],
            ['6–10 років', 'початкова школа'],
            ['з 10 років', 'середня школа'],
          ],
        ) +
        p('Діти, які ще погано говорять німецькою, спочатку навчаються в інтенсивних класах або отримують додаткові уроки німецької. Для сімей з невеликим доходом пакет «Освіта та участь» оплачує шкільне приладдя, обіди, екскурсії та репетиторство.') +
        card('Відомство у справах молоді, сервісний пункт дитсадків', ADDR.jugendamt, `Телефон: ${kitaPhone}<br />Ел. пошта: ${kitaMail}`),
    },
    'de-x-ls': {
      title: 'Kinder und Schule: Leicht erklärt',
      html:
        p('In Deutschland müssen alle Kinder zur Schule gehen. Das ist Pflicht. Die Schule kostet nichts.') +
        h2('Welches Kind geht wohin?') +
        list(['Kinder ab 1 Jahr können in die Krippe gehen.', 'Kinder ab 3 Jahren können in den Kinder-Garten gehen.', 'Kinder ab 6 Jahren gehen in die Grund-Schule.', 'Kinder ab 10 Jahren gehen in eine andere Schule.']) +
        p('Ihr Kind spricht noch nicht gut Deutsch? Dann bekommt es in der Schule extra Deutsch-Unterricht.') +
        p('Sie haben wenig Geld? Dann bekommen Sie Hilfe. Zum Beispiel Geld für Hefte und Stifte. Oder für das Mittag-Essen in der Schule.') +
        card('Jugend-Amt', ADDR.jugendamt, `Telefon: ${kitaPhone}`),
    },
  },
  children: [
    {
      key: 'kita',
      icon: 'family',
      texts: {
        de: {
          title: 'Kita und Kindertagespflege',
          html:
            p('Jedes Kind ab dem ersten Geburtstag hat einen Anspruch auf einen Platz in einer Kita oder bei einer Tagesmutter. In der Kita spielen, lernen und sprechen Kinder jeden Tag Deutsch. Das hilft ihnen später sehr in der Schule.') +
            h2('So bekommen Sie einen Platz') +
            list([`Registrieren Sie Ihr Kind im Kita-Portal des Landkreises: ${kitaPortal}.`, 'Wählen Sie bis zu drei Wunsch-Kitas aus.', 'Melden Sie Ihr Kind möglichst sechs Monate vor dem gewünschten Beginn an.', 'Die Kita lädt Sie zu einem Gespräch ein; danach gibt es eine Eingewöhnung von zwei bis vier Wochen.'], true) +
            h3('Kosten') +
            p('Die Gebühren hängen vom Einkommen ab. Das letzte Kita-Jahr vor der Schule ist beitragsfrei. Familien mit Bürgergeld oder Wohngeld zahlen keine Gebühren; das Mittagessen wird über das Bildungspaket bezahlt.') +
            card('Kita-Servicestelle', ADDR.jugendamt, `Telefon: ${kitaPhone}<br />E-Mail: ${kitaMail}`, 'Hilfe bei der Anmeldung: Mo und Do 9–12 Uhr'),
        },
        en: {
          title: 'Day care and childminders',
          html:
            p('From their first birthday every child is entitled to a place in a day-care centre (Kita) or with a childminder. At the Kita children play, learn and speak German every day. This helps them a lot later at school.') +
            h2('How to get a place') +
            list([`Register your child on the district’s Kita portal: ${kitaPortal}.`, 'Choose up to three preferred Kitas.', 'If possible, register your child six months before the desired start.', 'The Kita invites you for a talk; afterwards there is a settling-in period of two to four weeks.'], true) +
            h3('Costs') +
            p('Fees depend on your income. The last Kita year before school is free of charge. Families receiving citizen’s income or housing benefit pay no fees; lunch is paid for by the education package.') +
            card('Kita service point', ADDR.jugendamt, `Phone: ${kitaPhone}<br />E-mail: ${kitaMail}`, 'Help with registration: Mon and Thu 9 am–12 noon'),
        },
        ar: {
          title: 'الحضانة ورعاية الأطفال النهارية',
          html:
            p('يحق لكل طفل ابتداءً من عيد ميلاده الأول الحصول على مكان في حضانة (كيتا) أو لدى مربية أطفال. في الحضانة يلعب الأطفال ويتعلمون ويتحدثون الألمانية كل يوم. هذا يساعدهم كثيراً لاحقاً في المدرسة.') +
            h2('كيف تحصلون على مكان') +
            list([`سجّلوا طفلكم في بوابة الحضانات التابعة للمقاطعة: ${kitaPortal}.`, 'اختاروا حتى ثلاث حضانات مفضلة.', 'سجّلوا طفلكم إن أمكن قبل ستة أشهر من موعد البدء المرغوب.', 'تدعوكم الحضانة إلى محادثة، ثم تأتي فترة تعوّد مدتها من أسبوعين إلى أربعة أسابيع.'], true) +
            h3('التكاليف') +
            p('تتوقف الرسوم على الدخل. السنة الأخيرة في الحضانة قبل المدرسة مجانية. العائلات التي تحصل على دخل المواطن أو إعانة السكن لا تدفع رسوماً، وتُدفع وجبة الغداء عبر حزمة التعليم.') +
            card('مركز خدمة الحضانات', ADDR.jugendamt, `الهاتف: ${kitaPhone}<br />البريد الإلكتروني: ${kitaMail}`, 'المساعدة في التسجيل: الاثنين والخميس 9–12'),
        },
        uk: {
          title: 'Дитячий садок і денна няня',
          html:
            p('Кожна дитина від першого дня народження має право на місце в дитячому садку (Kita) або в денної няні. У садку діти щодня граються, навчаються й говорять німецькою. Це дуже допомагає їм згодом у школі.') +
            h2('Як отримати місце') +
            list([`Зареєструйте дитину на порталі дитсадків району: ${kitaPortal}.`, 'Оберіть до трьох бажаних садків.', 'За можливості реєструйте дитину за шість місяців до бажаного початку.', 'Садок запросить вас на розмову; після цього триває адаптація від двох до чотирьох тижнів.'], true) +
            h3('Вартість') +
            p('Плата залежить від доходу. Останній рік у садку перед школою безкоштовний. Сім’ї, які отримують громадянську або житлову допомогу, не платять; обіди оплачуються з освітнього пакета.') +
            card('Сервісний пункт дитсадків', ADDR.jugendamt, `Телефон: ${kitaPhone}<br />Ел. пошта: ${kitaMail}`, 'Допомога з реєстрацією: пн і чт 9–12'),
        },
        'de-x-ls': {
          title: 'Die Kita',
          html:
            p('Kita ist ein kurzes Wort für: Kinder-Tages-Stätte. In der Kita spielen Kinder zusammen. Sie lernen dort auch Deutsch. Kinder ab 1 Jahr dürfen in die Kita gehen.') +
            h2('Wie bekommt mein Kind einen Platz?') +
            list(['Sie melden Ihr Kind im Internet an.', 'Sie suchen sich Kitas aus.', 'Die Kita ruft Sie an.'], true) +
            p('Melden Sie Ihr Kind früh an. Am besten ein halbes Jahr vorher.') +
            h2('Was kostet die Kita?') +
            p('Das hängt von Ihrem Geld ab. Sie bekommen Bürger-Geld? Dann kostet die Kita nichts.') +
            card('Kita-Service-Stelle', ADDR.jugendamt, `Telefon: ${kitaPhone}`),
        },
        tr: {
          title: 'Kreş ve gündüz bakımı',
          html:
            p('Her çocuğun birinci yaş gününden itibaren bir kreşte (Kita) veya gündüz bakıcısında yer hakkı vardır. Kreşte çocuklar her gün oynar, öğrenir ve Almanca konuşur. Bu, daha sonra okulda onlara çok yardımcı olur.') +
            h2('Nasıl yer bulursunuz?') +
            list([`Çocuğunuzu ilçenin kreş portalına kaydedin: ${kitaPortal}.`, 'En fazla üç tercih ettiğiniz kreşi seçin.', 'Mümkünse çocuğunuzu istenen başlangıçtan altı ay önce kaydedin.', 'Kreş sizi bir görüşmeye davet eder; ardından iki ila dört haftalık bir alışma dönemi başlar.'], true) +
            h3('Ücretler') +
            p('Ücretler gelire bağlıdır. Okuldan önceki son kreş yılı ücretsizdir. Vatandaş parası (Bürgergeld) veya konut yardımı alan aileler ücret ödemez; öğle yemeği eğitim paketinden karşılanır.') +
            card('Kreş hizmet noktası', ADDR.jugendamt, `Telefon: ${kitaPhone}<br />E-posta: ${kitaMail}`, 'Kayıtta yardım: Pzt ve Per 9–12'),
        },
      },
    },
    {
      key: 'school',
      icon: 'education',
      texts: {
        de: {
          title: 'Schule',
          html:
            p('Die Schulpflicht beginnt im Jahr, in dem Ihr Kind sechs Jahre alt wird, und dauert mindestens neun Jahre. Der Schulbesuch an öffentlichen Schulen ist kostenlos. Neu zugezogene Kinder sollen so schnell wie möglich in die Schule gehen, meist innerhalb weniger Wochen.') +
            h2('Anmeldung') +
            p('Für Grundschulkinder ist die Grundschule in Ihrem Wohnort zuständig; melden Sie Ihr Kind dort direkt an. Für ältere Kinder berät das Staatliche Schulamt, welche Schule und welche Klasse passen. Bringen Sie Zeugnisse aus dem Herkunftsland mit, wenn Sie welche haben.') +
            h2('Deutsch in der Schule') +
            list(['Intensivklassen mit viel Deutschunterricht für Kinder ohne Deutschkenntnisse', 'Sprachförderung zusätzlich zum normalen Unterricht', 'Herkunftssprachlicher Unterricht in Arabisch, Türkisch und Russisch an einigen Schulen']) +
            p('Elternabende und Elterngespräche sind wichtig. Sie können eine Sprachmittlung über das Integrationsbüro anfragen.') +
            card('Staatliches Schulamt', ADDR.schulamt, `Telefon: ${schulPhone}<br />E-Mail: ${schulMail}`),
        },
        en: {
          title: 'School',
          html:
            p('Compulsory schooling starts in the year your child turns six and lasts at least nine years. Public schools are free of charge. Newly arrived children should start school as quickly as possible, usually within a few weeks.') +
            h2('Registration') +
            p('For primary school children, the primary school in your place of residence is responsible; register your child there directly. For older children, the state education authority advises on which school and which class are suitable. Bring school reports from your country of origin if you have any.') +
            h2('German at school') +
            list(['Intensive classes with lots of German lessons for children who do not speak German', 'Language support in addition to regular lessons', 'Heritage language lessons in Arabic, Turkish and Russian at some schools']) +
            p('Parents’ evenings and parent–teacher meetings are important. You can request a language mediator through the integration office.') +
            card('State education authority', ADDR.schulamt, `Phone: ${schulPhone}<br />E-mail: ${schulMail}`),
        },
        ar: {
          title: 'المدرسة',
          html:
            p('يبدأ التعليم الإلزامي في السنة التي يبلغ فيها طفلكم ست سنوات، ويستمر تسع سنوات على الأقل. الدراسة في المدارس الحكومية مجانية. يجب أن يلتحق الأطفال القادمون حديثاً بالمدرسة بأسرع ما يمكن، وعادة خلال بضعة أسابيع.') +
            h2('التسجيل') +
            p('بالنسبة لأطفال المرحلة الابتدائية تكون المدرسة الابتدائية في مكان سكنكم هي المسؤولة، فسجّلوا طفلكم فيها مباشرة. وبالنسبة للأطفال الأكبر سناً تقدم دائرة التعليم الحكومية الاستشارة حول المدرسة والصف المناسبين. أحضروا الشهادات المدرسية من بلدكم الأصلي إن وجدت.') +
            h2('اللغة الألمانية في المدرسة') +
            list(['صفوف مكثفة فيها الكثير من دروس الألمانية للأطفال الذين لا يعرفون الألمانية', 'دعم لغوي إضافة إلى الدروس العادية', 'دروس في لغة الأصل بالعربية والتركية والروسية في بعض المدارس']) +
            p('اجتماعات أولياء الأمور والمحادثات مع المعلمين مهمة. يمكنكم طلب وسيط لغوي عن طريق مكتب الاندماج.') +
            card('دائرة التعليم الحكومية', ADDR.schulamt, `الهاتف: ${schulPhone}<br />البريد الإلكتروني: ${schulMail}`),
        },
        uk: {
          title: 'Школа',
          html:
            p('Обов’язкове шкільне навчання починається в рік, коли дитині виповнюється шість років, і триває щонайменше дев’ять років. Навчання в державних школах безкоштовне. Новоприбулі діти мають якомога швидше піти до школи — зазвичай протягом кількох тижнів.') +
            h2('Зарахування') +
            p('Для дітей молодшого шкільного віку відповідає початкова школа за місцем проживання; записуйте дитину безпосередньо туди. Щодо старших дітей консультує Державне шкільне управління: яка школа й який клас підходять. Візьміть шкільні документи з країни походження, якщо вони є.') +
            h2('Німецька в школі') +
            list(['Інтенсивні класи з великою кількістю уроків німецької для дітей без знань мови', 'Мовна підтримка на додаток до звичайних уроків', 'Уроки рідної мови — арабської, турецької та російської — в деяких школах']) +
            p('Батьківські збори та розмови з учителями важливі. Ви можете замовити мовного посередника через бюро інтеграції.') +
            card('Державне шкільне управління', ADDR.schulamt, `Телефон: ${schulPhone}<br />Ел. пошта: ${schulMail}`),
        },
        'de-x-ls': {
          title: 'Die Schule',
          html:
            p('Alle Kinder ab 6 Jahren müssen in die Schule gehen. Mindestens 9 Jahre lang. Die Schule kostet kein Geld. Ihr Kind ist neu in Deutschland? Dann soll es schnell in die Schule gehen.') +
            h2('Wie melde ich mein Kind an?') +
            list(['Ihr Kind ist jünger als 10 Jahre? Dann gehen Sie zur Grund-Schule in Ihrem Ort.', 'Ihr Kind ist älter? Dann fragen Sie beim Schul-Amt. Das Schul-Amt sagt Ihnen: Diese Schule ist gut für Ihr Kind.']) +
            h2('Deutsch lernen in der Schule') +
            p('Ihr Kind spricht noch kein Deutsch? Dann kommt es zuerst in eine besondere Klasse. Dort lernt es viel Deutsch.') +
            card('Schul-Amt', ADDR.schulamt, `Telefon: ${schulPhone}`),
        },
      },
    },
    {
      key: 'homework-holidays',
      icon: 'education',
      texts: {
        de: {
          title: 'Hausaufgabenhilfe und Ferienangebote',
          html:
            p('Viele Kinder brauchen am Nachmittag Unterstützung bei den Hausaufgaben, vor allem wenn zu Hause wenig Deutsch gesprochen wird. Im Landkreis gibt es dafür kostenlose Angebote.') +
            h2('Hausaufgabenhilfe') +
            list(['<strong>Ganztagsschulen:</strong> Lernzeit mit Lehrkräften bis 15 Uhr', '<strong>Stadtbücherei:</strong> Hausaufgabentreff mit Ehrenamtlichen, Mo–Do 14–16 Uhr', '<strong>Jugendmigrationsdienst:</strong> Lernpatenschaften für Schülerinnen und Schüler ab Klasse 5', '<strong>Nachhilfe über das Bildungspaket:</strong> wenn die Versetzung gefährdet ist']) +
            h2('Ferien') +
            p('In den Sommerferien bietet der Kreisjugendring Ferienfreizeiten, Tagesausflüge und Sportcamps an. Für Familien mit wenig Einkommen gibt es Zuschüsse. Die Anmeldung beginnt jedes Jahr im März; die Plätze sind schnell vergeben.') +
            card('Kreisjugendring Beispiel', 'Jugendhaus Beispielstadt<br />Parkstraße 6<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-380')}<br />E-Mail: ${mail('ferien@beispiel.example')}`),
        },
        en: {
          title: 'Homework help and holiday activities',
          html:
            p('Many children need help with their homework in the afternoon, especially if little German is spoken at home. There are free services for this in the district.') +
            h2('Homework help') +
            list(['<strong>All-day schools:</strong> study time with teachers until 3 pm', '<strong>Town library:</strong> homework club with volunteers, Mon–Thu 2–4 pm', '<strong>Youth migration service:</strong> learning mentors for pupils from year 5', '<strong>Tutoring through the education package:</strong> if a child is at risk of having to repeat a year']) +
            h2('Holidays') +
            p('During the summer holidays the district youth council offers holiday camps, day trips and sports camps. Families on a low income can get grants. Registration opens every year in March; places fill up quickly.') +
            card('District youth council Beispiel', 'Jugendhaus Beispielstadt<br />Parkstraße 6<br />12345 Beispielstadt', `Phone: ${tel('01234 567-380')}<br />E-mail: ${mail('ferien@beispiel.example')}`),
        },
        ar: {
          title: 'المساعدة في الواجبات المدرسية وأنشطة العطل',
          html:
            p('يحتاج كثير من الأطفال بعد الظهر إلى مساعدة في الواجبات المدرسية، خاصة إذا كانت الألمانية قليلة الاستخدام في البيت. توجد في المقاطعة عروض مجانية لذلك.') +
            h2('المساعدة في الواجبات') +
            list(['<strong>مدارس اليوم الكامل:</strong> وقت للتعلم مع المعلمين حتى الساعة 15', '<strong>مكتبة المدينة:</strong> لقاء الواجبات مع متطوعين، الاثنين–الخميس 14–16', '<strong>خدمة هجرة الشباب:</strong> رعاية تعليمية للتلاميذ ابتداءً من الصف الخامس', '<strong>دروس تقوية عبر حزمة التعليم:</strong> إذا كان الانتقال إلى الصف التالي مهدداً']) +
            h2('العطل') +
            p('في العطلة الصيفية تقدم رابطة الشباب في المقاطعة مخيمات العطل والرحلات اليومية والمعسكرات الرياضية. وتوجد منح للعائلات ذات الدخل المحدود. يبدأ التسجيل كل عام في آذار/مارس، والأماكن تُحجز بسرعة.') +
            card('رابطة الشباب في مقاطعة بايشبيل', 'Jugendhaus Beispielstadt<br />Parkstraße 6<br />12345 Beispielstadt', `الهاتف: ${tel('01234 567-380')}<br />البريد الإلكتروني: ${mail('ferien@beispiel.example')}`),
        },
        uk: {
          title: 'Допомога з домашніми завданнями та канікули',
          html:
            p('Багатьом дітям після обіду потрібна допомога з домашніми завданнями, особливо якщо вдома мало говорять німецькою. У районі для цього є безкоштовні пропозиції.') +
            h2('Допомога з домашніми завданнями') +
            list(['<strong>Школи повного дня:</strong> час для навчання з учителями до 15 години', '<strong>Міська бібліотека:</strong> зустрічі з волонтерами для виконання завдань, пн–чт 14–16', '<strong>Молодіжна міграційна служба:</strong> навчальні наставники для учнів від 5 класу', '<strong>Репетиторство з освітнього пакета:</strong> якщо є ризик залишитися на другий рік']) +
            h2('Канікули') +
            p('Під час літніх канікул районна молодіжна рада пропонує табори, одноденні поїздки та спортивні табори. Для сімей з низьким доходом є дотації. Реєстрація починається щороку в березні; місця швидко закінчуються.') +
            card('Районна молодіжна рада Байшпіль', 'Jugendhaus Beispielstadt<br />Parkstraße 6<br />12345 Beispielstadt', `Телефон: ${tel('01234 567-380')}<br />Ел. пошта: ${mail('ferien@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Hilfe bei den Haus-Aufgaben',
          html:
            p('Ihr Kind braucht Hilfe bei den Haus-Aufgaben? Es gibt kostenlose Hilfe.') +
            list(['In der Stadt-Bücherei helfen Ehren-Amtliche. Von Montag bis Donnerstag. Von 14 Uhr bis 16 Uhr.', 'Manche Schulen haben am Nachmittag Lern-Zeit.', 'Das Bildungs-Paket bezahlt manchmal Nachhilfe. Nachhilfe ist extra Unterricht.']) +
            h2('In den Ferien') +
            p('In den Sommer-Ferien gibt es Ausflüge und Sport für Kinder. Sie haben wenig Geld? Dann bezahlen Sie weniger. Melden Sie Ihr Kind früh an. Die Anmeldung beginnt im März.') +
            card('Kreis-Jugend-Ring', 'Parkstraße 6<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-380')}`),
        },
      },
    },
  ],
};
