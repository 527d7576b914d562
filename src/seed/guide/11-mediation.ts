import { ADDR, card, h2, h3, list, mail, p, table, tel, type DemoPage } from './types.js';

const spPhone = tel('01234 567-240');
const spMail = mail('sprachpool@beispiel.example');

export const mediation: DemoPage = {
  key: 'mediation',
  icon: 'language',
  texts: {
    de: {
      title: 'Sprachmittlung',
      html:
        p('Wichtige Gespräche gelingen besser, wenn alle einander verstehen. Deshalb hat der Landkreis einen Sprachpool aufgebaut: Rund 80 geschulte Sprachmittlerinnen und Sprachmittler übersetzen mündlich in über 30 Sprachen. Sie begleiten Gespräche in Ämtern, Schulen, Kitas, Beratungsstellen und Arztpraxen.') +
        h2('Was Sprachmittlung ist und was nicht') +
        list(['Sprachmittler übertragen das Gesagte vollständig und neutral.', 'Sie sind zur Verschwiegenheit verpflichtet.', 'Sie beraten nicht und vertreten keine Seite.', 'Schriftliche, beglaubigte Übersetzungen von Urkunden machen sie nicht; dafür braucht es vereidigte Übersetzer.']) +
        p('Die Koordination des Sprachpools liegt beim Integrationsbüro. Auf den Unterseiten erfahren Sie, wie Sie eine Sprachmittlung anfragen und wie Sie selbst Sprachmittlerin oder Sprachmittler werden.') +
        card('Sprachpool des Landkreises', ADDR.sprachpool, `Telefon: ${spPhone}<br />E-Mail: ${spMail}`),
    },
    en: {
      title: 'Language mediation',
      html:
        p('Important conversations go better when everyone understands each other. That is why the district has set up a language pool: around 80 trained language mediators interpret orally in more than 30 languages. They accompany conversations at public offices, schools, day-care centres, advice centres and doctors’ practices.') +
        h2('What language mediation is and is not') +
        list(['Mediators convey everything that is said, completely and neutrally.', 'They are bound to confidentiality.', 'They do not give advice and do not take sides.', 'They do not produce written, certified translations of documents; for that you need sworn translators.']) +
        p('The integration office coordinates the language pool. On the subpages you can find out how to request a language mediator and how to become one yourself.') +
        card('Language pool of the district', ADDR.sprachpool, `Phone: ${spPhone}<br />E-mail: ${spMail}`),
    },
    ar: {
      title: 'الوساطة اللغوية',
      html:
        p('تنجح المحادثات المهمة بشكل أفضل عندما يفهم الجميع بعضهم بعضاً. لذلك أنشأت المقاطعة مجمعاً لغوياً: نحو 80 وسيطاً لغوياً مدرباً يترجمون شفهياً بأكثر من 30 لغة. يرافقون المحادثات في الدوائر الرسمية والمدارس ودور الحضانة ومراكز الاستشارة وعيادات الأطباء.') +
        h2('ما هي الوساطة اللغوية وما ليست هي') +
        list(['ينقل الوسطاء اللغويون كل ما يُقال بشكل كامل ومحايد.', 'هم ملزمون بالحفاظ على السرية.', 'لا يقدمون استشارات ولا ينحازون لأي طرف.', 'لا يقومون بترجمات مكتوبة ومصدقة للوثائق؛ لذلك تحتاجون إلى مترجمين محلّفين.']) +
        p('يتولى مكتب الاندماج تنسيق المجمع اللغوي. في الصفحات الفرعية تعرفون كيف تطلبون وسيطاً لغوياً وكيف تصبحون أنتم أنفسكم وسطاء لغويين.') +
        card('المجمع اللغوي في المقاطعة', ADDR.sprachpool, `الهاتف: ${spPhone}<br />البريد الإلكتروني: ${spMail}`),
    },
    uk: {
      title: 'Мовне посередництво',
      html:
        p('Важливі розмови вдаються краще, коли всі розуміють одне одного. Тому район створив мовний пул: близько 80 підготовлених мовних посередників усно перекладають понад 30 мовами. Вони супроводжують розмови в установах, школах, дитсадках, консультаційних центрах і лікарських практиках.') +
        h2('Що таке мовне посередництво, а що ні') +
        list(['Посередники передають сказане повністю й нейтрально.', 'Вони зобов’язані зберігати конфіденційність.', 'Вони не консультують і не стають на чийсь бік.', 'Вони не роблять письмових засвідчених перекладів документів — для цього потрібні присяжні перекладачі.']) +
        p('Мовний пул координує бюро інтеграції. На підсторінках ви дізнаєтеся, як замовити мовного посередника і як самому стати посередником.') +
        card('Мовний пул району', ADDR.sprachpool, `Телефон: ${spPhone}<br />Ел. пошта: ${spMail}`),
    },
    'de-x-ls': {
      title: 'Sprach-Mittlung',
      html:
        p('Ein Sprach-Mittler spricht 2 Sprachen. Er hilft bei einem Gespräch. Er sagt alles in der anderen Sprache. So verstehen sich alle.') +
        h2('Wo helfen Sprach-Mittler?') +
        list(['beim Amt', 'in der Schule', 'in der Kita', 'beim Arzt']) +
        h2('Das ist wichtig') +
        list(['Der Sprach-Mittler sagt alles genau so, wie es gesagt wurde.', 'Er erzählt nichts weiter.', 'Er hilft keiner Seite.']) +
        card('Sprach-Pool', ADDR.sprachpool, `Telefon: ${spPhone}`),
    },
  },
  children: [
    {
      key: 'request-mediator',
      icon: 'contact',
      texts: {
        de: {
          title: 'Sprachmittlung anfragen',
          html:
            p('Fachdienste des Landkreises, Schulen, Kitas und Beratungsstellen können beim Sprachpool eine Sprachmittlung anfragen. Auch Sie als Ratsuchende können uns ansprechen, wenn Sie zu einem wichtigen Termin gehen.') +
            h2('So fragen Sie an') +
            list(['Schreiben Sie eine E-Mail oder rufen Sie an, möglichst eine Woche vor dem Termin.', 'Nennen Sie Sprache, Datum, Uhrzeit, Ort und die voraussichtliche Dauer.', 'Sagen Sie, worum es ungefähr geht (zum Beispiel Elterngespräch, Arzttermin).', 'Wir bestätigen den Einsatz und nennen den Namen der Sprachmittlerin oder des Sprachmittlers.'], true) +
            h2('Kosten') +
            table(
              ['Wer fragt an?', 'Kosten'],
              [
                ['Ratsuchende, Schulen, Kitas', 'kostenlos'],
                ['Fachdienste des Landkreises', 'kostenlos'],
                ['Freie Träger und Arztpraxen', '25 Euro pro Stunde'],
              ],
            ) +
            h3('Kurzfristig') +
            p('Für dringende Fälle bieten wir eine Video- oder Telefonsprachmittlung an. Bitte sagen Sie Termine mindestens zwei Tage vorher ab.') +
            card('Sprachpool, Einsatzplanung', ADDR.sprachpool, `Telefon: ${spPhone}<br />E-Mail: ${spMail}`),
        },
        en: {
          title: 'Requesting a language mediator',
          html:
            p('District services, schools, day-care centres and advice centres can request a language mediator from the language pool. You can also contact us yourself if you are going to an important appointment.') +
            h2('How to request') +
            list(['Send an e-mail or call, if possible one week before the appointment.', 'State the language, date, time, place and expected duration.', 'Tell us roughly what it is about (for example a parent–teacher meeting, a doctor’s appointment).', 'We confirm the booking and give you the name of the language mediator.'], true) +
            h2('Costs') +
            table(
              ['Who is asking?', 'Costs'],
              [
                ['People seeking advice, schools, day-care centres', 'free of charge'],
                ['District services', 'free of charge'],
                ['Independent organisations and doctors’ practices', '25 euros per hour'],
              ],
            ) +
            h3('At short notice') +
            p('For urgent cases we offer mediation by video or phone. Please cancel appointments at least two days in advance.') +
            card('Language pool, scheduling', ADDR.sprachpool, `Phone: ${spPhone}<br />E-mail: ${spMail}`),
        },
        ar: {
          title: 'طلب وسيط لغوي',
          html:
            p('يمكن لدوائر المقاطعة والمدارس ودور الحضانة ومراكز الاستشارة طلب وسيط لغوي من المجمع اللغوي. ويمكنكم أنتم أيضاً التواصل معنا إذا كنتم ذاهبين إلى موعد مهم.') +
            h2('كيف تقدمون الطلب') +
            list(['أرسلوا بريداً إلكترونياً أو اتصلوا هاتفياً، ويفضل قبل الموعد بأسبوع.', 'اذكروا اللغة والتاريخ والوقت والمكان والمدة المتوقعة.', 'أخبرونا بموضوع الموعد بشكل تقريبي (مثلاً لقاء مع المعلمين أو موعد عند الطبيب).', 'نؤكد الحجز ونبلغكم باسم الوسيط أو الوسيطة.'], true) +
            h2('التكاليف') +
            table(
              ['من يقدم الطلب؟', 'التكاليف'],
              [
                ['طالبو الاستشارة والمدارس ودور الحضانة', 'مجاناً'],
                ['دوائر المقاطعة', 'مجاناً'],
                ['الجهات المستقلة وعيادات الأطباء', '25 يورو في الساعة'],
              ],
            ) +
            h3('في الحالات العاجلة') +
            p('في الحالات العاجلة نقدم وساطة لغوية عبر الفيديو أو الهاتف. يرجى إلغاء المواعيد قبل يومين على الأقل.') +
            card('المجمع اللغوي، تنظيم المواعيد', ADDR.sprachpool, `الهاتف: ${spPhone}<br />البريد الإلكتروني: ${spMail}`),
        },
        uk: {
          title: 'Як замовити мовного посередника',
          html:
            p('Служби району, школи, дитсадки та консультаційні центри можуть замовити мовного посередника в мовному пулі. Ви також можете звернутися до нас самі, якщо йдете на важливу зустріч.') +
            h2('Як подати запит') +
            list(['Напишіть листа або зателефонуйте, бажано за тиждень до зустрічі.', 'Вкажіть мову, дату, час, місце та орієнтовну тривалість.', 'Скажіть приблизно, про що йдеться (наприклад, розмова з учителем, прийом у лікаря).', 'Ми підтвердимо замовлення та назвемо ім’я посередника.'], true) +
            h2('Вартість') +
            table(
              ['Хто замовляє?', 'Вартість'],
              [
                ['Люди, які шукають допомоги, школи, дитсадки', 'безкоштовно'],
                ['Служби району', 'безкоштовно'],
                ['Незалежні організації та лікарські практики', '25 євро за годину'],
              ],
            ) +
            h3('Терміново') +
            p('Для термінових випадків ми пропонуємо посередництво відео- або телефонним зв’язком. Будь ласка, скасовуйте зустрічі щонайменше за два дні.') +
            card('Мовний пул, планування', ADDR.sprachpool, `Телефон: ${spPhone}<br />Ел. пошта: ${spMail}`),
        },
        'de-x-ls': {
          title: 'Einen Sprach-Mittler bestellen',
          html:
            p('Sie haben einen wichtigen Termin? Zum Beispiel beim Amt. Oder beim Arzt. Sie verstehen noch nicht gut Deutsch? Dann bestellen Sie einen Sprach-Mittler.') +
            h2('So geht es') +
            list(['Rufen Sie beim Sprach-Pool an. Oder schreiben Sie eine E-Mail.', 'Sagen Sie: Welche Sprache brauchen Sie? Wann ist der Termin? Wo ist der Termin?', 'Wir sagen Ihnen: Dieser Sprach-Mittler kommt.'], true) +
            p('Machen Sie das früh. Am besten eine Woche vor dem Termin. Für Sie kostet der Sprach-Mittler nichts.') +
            card('Sprach-Pool', ADDR.sprachpool, `Telefon: ${spPhone}<br />E-Mail: ${spMail}`),
        },
        fa: {
          title: 'درخواست میانجی زبانی',
          html:
            p('ادارات شهرستان، مدارس، مهدکودک‌ها و مراکز مشاوره می‌توانند از مخزن زبانی درخواست میانجی زبانی کنند. شما هم اگر به یک قرار ملاقات مهم می‌روید، می‌توانید خودتان با ما تماس بگیرید.') +
            h2('چگونه درخواست کنید') +
            list(['ایمیل بفرستید یا تماس بگیرید، در صورت امکان یک هفته پیش از قرار.', 'زبان، تاریخ، ساعت، مکان و مدت تقریبی را بگویید.', 'به طور کلی بگویید موضوع چیست (برای مثال گفت‌وگو با معلم، نوبت پزشک).', 'ما درخواست را تأیید می‌کنیم و نام میانجی زبانی را به شما اعلام می‌کنیم.'], true) +
            h2('هزینه‌ها') +
            table(
              ['چه کسی درخواست می‌کند؟', 'هزینه'],
              [
                ['مراجعان، مدارس، مهدکودک‌ها', 'رایگان'],
                ['ادارات شهرستان', 'رایگان'],
                ['سازمان‌های مستقل و مطب پزشکان', '۲۵ یورو در ساعت'],
              ],
            ) +
            h3('فوری') +
            p('برای موارد فوری، میانجی‌گری زبانی تصویری یا تلفنی ارائه می‌دهیم. لطفاً قرارها را دست‌کم دو روز زودتر لغو کنید.') +
            card('مخزن زبانی، برنامه‌ریزی', ADDR.sprachpool, `تلفن: ${spPhone}<br />ایمیل: ${spMail}`),
        },
      },
    },
    {
      key: 'become-mediator',
      icon: 'education',
      texts: {
        de: {
          title: 'Sprachmittlerin oder Sprachmittler werden',
          html:
            p('Sie sprechen neben Deutsch eine weitere Sprache sehr gut und möchten anderen Menschen helfen? Dann werden Sie Teil des Sprachpools. Besonders gesucht werden zurzeit Dari, Paschtu, Tigrinya, Kurmandschi und Somali.') +
            h2('Voraussetzungen') +
            list(['Deutschkenntnisse mindestens auf Niveau B2', 'sehr gute Kenntnisse in der zweiten Sprache', 'Zuverlässigkeit, Neutralität und Verschwiegenheit', 'Teilnahme an der kostenlosen Grundschulung']) +
            h2('Die Schulung') +
            p('Die Grundschulung umfasst sechs Abende. Themen sind die Rolle der Sprachmittlung, Dolmetschtechniken, Fachbegriffe aus Schule, Gesundheit und Behörden, Umgang mit belastenden Gesprächen und Schweigepflicht. Danach begleiten Sie zunächst erfahrene Kolleginnen und Kollegen.') +
            h3('Aufwandsentschädigung') +
            p('Für jeden Einsatz erhalten Sie eine Aufwandsentschädigung von 20 Euro pro Stunde und Ihre Fahrtkosten. Regelmäßige Treffen und Supervision gehören dazu.') +
            card('Sprachpool, Koordination', ADDR.sprachpool, `Telefon: ${spPhone}<br />E-Mail: ${spMail}`),
        },
        en: {
          title: 'Becoming a language mediator',
          html:
            p('Do you speak another language very well in addition to German and would like to help other people? Then join the language pool. We are currently especially looking for Dari, Pashto, Tigrinya, Kurmanji and Somali.') +
            h2('Requirements') +
            list(['German at level B2 or higher', 'very good command of the second language', 'reliability, neutrality and discretion', 'participation in the free basic training']) +
            h2('The training') +
            p('The basic training consists of six evenings. Topics include the role of language mediation, interpreting techniques, terminology from school, health and public authorities, dealing with stressful conversations and confidentiality. Afterwards you first accompany experienced colleagues.') +
            h3('Allowance') +
            p('For each assignment you receive an allowance of 20 euros per hour plus travel costs. Regular meetings and supervision are part of it.') +
            card('Language pool, coordination', ADDR.sprachpool, `Phone: ${spPhone}<br />E-mail: ${spMail}`),
        },
        ar: {
          title: 'كيف تصبحون وسطاء لغويين',
          html:
            p('هل تتحدثون لغة أخرى إلى جانب الألمانية بشكل جيد جداً وتريدون مساعدة الآخرين؟ إذن انضموا إلى المجمع اللغوي. نبحث حالياً بشكل خاص عن متحدثين بالدارية والبشتو والتغرينية والكرمانجية والصومالية.') +
            h2('الشروط') +
            list(['معرفة باللغة الألمانية بمستوى B2 على الأقل', 'معرفة ممتازة باللغة الثانية', 'الالتزام والحياد وكتمان السر', 'المشاركة في التدريب الأساسي المجاني']) +
            h2('التدريب') +
            p('يتكون التدريب الأساسي من ست أمسيات. تشمل المواضيع دور الوساطة اللغوية وتقنيات الترجمة الشفهية والمصطلحات في مجالات المدرسة والصحة والدوائر الرسمية والتعامل مع المحادثات المرهقة والالتزام بالسرية. بعد ذلك ترافقون في البداية زملاء ذوي خبرة.') +
            h3('التعويض') +
            p('تحصلون عن كل مهمة على تعويض قدره 20 يورو في الساعة إضافة إلى تكاليف المواصلات. وتشمل المشاركة لقاءات منتظمة وإشرافاً مهنياً.') +
            card('المجمع اللغوي، التنسيق', ADDR.sprachpool, `الهاتف: ${spPhone}<br />البريد الإلكتروني: ${spMail}`),
        },
        uk: {
          title: 'Як стати мовним посередником',
          html:
            p('Ви, крім німецької, дуже добре володієте ще однією мовою і хочете допомагати людям? Тоді долучайтеся до мовного пулу. Зараз особливо потрібні дарі, пушту, тигринья, курманджі та сомалі.') +
            h2('Вимоги') +
            list(['Німецька щонайменше на рівні B2', 'дуже добре знання другої мови', 'надійність, нейтральність і конфіденційність', 'участь у безкоштовному базовому навчанні']) +
            h2('Навчання') +
            p('Базове навчання складається з шести вечорів. Теми: роль мовного посередництва, техніки усного перекладу, терміни зі сфер школи, охорони здоров’я та установ, робота з важкими розмовами та конфіденційність. Після цього ви спершу супроводжуєте досвідчених колег.') +
            h3('Компенсація') +
            p('За кожне залучення ви отримуєте компенсацію 20 євро за годину та відшкодування проїзду. Регулярні зустрічі та супервізія також передбачені.') +
            card('Мовний пул, координація', ADDR.sprachpool, `Телефон: ${spPhone}<br />Ел. пошта: ${spMail}`),
        },
        'de-x-ls': {
          title: 'Sprach-Mittler werden',
          html:
            p('Sie sprechen gut Deutsch? Und Sie sprechen noch eine andere Sprache sehr gut? Dann können Sie Sprach-Mittler werden. Sie helfen dann anderen Menschen bei Gesprächen.') +
            h2('Was brauchen Sie?') +
            list(['Sie sprechen gut Deutsch. Mindestens Niveau B2.', 'Sie sind pünktlich und zuverlässig.', 'Sie erzählen nichts weiter.']) +
            h2('Die Schulung') +
            p('Am Anfang lernen Sie an 6 Abenden. Dort lernen Sie: Was macht ein Sprach-Mittler? Die Schulung kostet nichts.') +
            p('Für jede Stunde bekommen Sie 20 Euro. Und das Geld für die Fahrt.') +
            card('Sprach-Pool', ADDR.sprachpool, `Telefon: ${spPhone}`),
        },
      },
    },
  ],
};
