import { ADDR, card, h2, h3, list, mail, p, tel, type DemoPage } from './types.js';

const gaPhone = tel('01234 567-800');
const gaMail = mail('gesundheitsamt@beispiel.example');
const pszPhone = tel('01234 567-850');
const pszMail = mail('psz@beispiel.example');

export const health: DemoPage = {
  key: 'health',
  icon: 'health',
  texts: {
    de: {
      title: 'Gesundheit',
      html:
        p('In Deutschland muss jeder Mensch krankenversichert sein. Mit der Versicherung bezahlen Sie Arztbesuche, Krankenhaus und die meisten Medikamente nicht selbst. Für manche Leistungen gibt es eine kleine Zuzahlung, zum Beispiel zehn Euro pro Tag im Krankenhaus.') +
        h2('Wohin gehe ich?') +
        list(['<strong>Hausarztpraxis:</strong> bei Krankheit zuerst; sie überweist Sie bei Bedarf an Fachärzte', '<strong>Kinderarztpraxis:</strong> für Kinder und Jugendliche, auch für Vorsorgeuntersuchungen', '<strong>Apotheke:</strong> Medikamente mit Rezept und Beratung', '<strong>Notaufnahme:</strong> nur bei akuten, schweren Notfällen']) +
        p('Das Gesundheitsamt berät kostenlos zu Impfungen, Schwangerschaft und ansteckenden Krankheiten. Auf den Unterseiten finden Sie Hilfe bei seelischen Belastungen und Informationen zu Krankenversicherung und Arztbesuch.') +
        card('Gesundheitsamt Beispiel', ADDR.gesundheitsamt, `Telefon: ${gaPhone}<br />E-Mail: ${gaMail}`),
    },
    en: {
      title: 'Health',
      html:
        p('In Germany everyone must have health insurance. With insurance you do not pay for doctor’s visits, hospital stays and most medicines yourself. For some services there is a small co-payment, for example ten euros per day in hospital.') +
        h2('Where do I go?') +
        list(['<strong>GP practice:</strong> go here first when you are ill; they refer you to specialists if needed', '<strong>Paediatric practice:</strong> for children and young people, also for check-ups', '<strong>Pharmacy:</strong> prescription medicines and advice', '<strong>Emergency department:</strong> only for acute, serious emergencies']) +
        p('The public health office offers free advice on vaccinations, pregnancy and infectious diseases. On the subpages you will find help with psychological stress and information on health insurance and seeing a doctor.') +
        card('Public health office Beispiel', ADDR.gesundheitsamt, `Phone: ${gaPhone}<br />E-mail: ${gaMail}`),
    },
    ar: {
      title: 'الصحة',
      html:
        p('في ألمانيا يجب أن يكون لكل شخص تأمين صحي. بفضل التأمين لا تدفعون بأنفسكم تكاليف زيارة الطبيب والمستشفى ومعظم الأدوية. لبعض الخدمات مساهمة صغيرة، مثلاً عشرة يورو عن كل يوم في المستشفى.') +
        h2('إلى أين أذهب؟') +
        list(['<strong>عيادة طبيب الأسرة:</strong> أولاً عند المرض؛ يحيلكم عند الحاجة إلى أطباء مختصين', '<strong>عيادة طب الأطفال:</strong> للأطفال والشباب، وللفحوص الوقائية أيضاً', '<strong>الصيدلية:</strong> الأدوية بوصفة طبية والاستشارة', '<strong>قسم الطوارئ:</strong> فقط في حالات الطوارئ الحادة والخطيرة']) +
        p('يقدم مكتب الصحة استشارات مجانية حول التطعيمات والحمل والأمراض المعدية. في الصفحات الفرعية تجدون المساعدة في حالات الضغط النفسي ومعلومات عن التأمين الصحي وزيارة الطبيب.') +
        card('مكتب الصحة في بايشبيل', ADDR.gesundheitsamt, `الهاتف: ${gaPhone}<br />البريد الإلكتروني: ${gaMail}`),
    },
    uk: {
      title: 'Здоров’я',
      html:
        p('У Німеччині кожна людина повинна мати медичне страхування. Завдяки страховці ви не платите самі за візити до лікаря, лікарню та більшість ліків. За деякі послуги стягується невелика доплата, наприклад десять євро за день у лікарні.') +
        h2('Куди звертатися?') +
        list(['<strong>Сімейний лікар:</strong> у разі хвороби — насамперед сюди; за потреби вас направлять до фахівців', '<strong>Педіатр:</strong> для дітей і підлітків, також для профілактичних оглядів', '<strong>Аптека:</strong> ліки за рецептом і консультації', '<strong>Приймальне відділення:</strong> лише в гострих, серйозних випадках']) +
        p('Відомство охорони здоров’я безкоштовно консультує щодо щеплень, вагітності та інфекційних хвороб. На підсторінках ви знайдете допомогу при психологічному навантаженні та інформацію про медичне страхування й візит до лікаря.') +
        card('Відомство охорони здоров’я Байшпіль', ADDR.gesundheitsamt, `Телефон: ${gaPhone}<br />Ел. пошта: ${gaMail}`),
    },
    'de-x-ls': {
      title: 'Gesundheit: Leicht erklärt',
      html:
        p('In Deutschland brauchen alle Menschen eine Kranken-Versicherung. Die Kranken-Versicherung bezahlt für Sie. Zum Beispiel den Arzt. Oder das Kranken-Haus.') +
        h2('Sie sind krank. Wohin gehen Sie?') +
        list(['Sie gehen zuerst zum Haus-Arzt.', 'Ihr Kind ist krank? Dann gehen Sie zum Kinder-Arzt.', 'Medikamente bekommen Sie in der Apotheke.', 'Es ist sehr schlimm? Dann gehen Sie ins Kranken-Haus. Oder Sie rufen 112 an.']) +
        p('Das Gesundheits-Amt hilft Ihnen auch. Zum Beispiel bei Fragen zu Impfungen. Eine Impfung schützt vor Krankheiten.') +
        card('Gesundheits-Amt', ADDR.gesundheitsamt, `Telefon: ${gaPhone}`),
    },
  },
  children: [
    {
      key: 'health-insurance',
      icon: 'health',
      texts: {
        de: {
          title: 'Krankenversicherung und Arztbesuch',
          html:
            p('Sobald Sie eine Arbeit haben, meldet Ihr Arbeitgeber Sie bei der Krankenkasse an, die Sie gewählt haben. Wenn Sie Bürgergeld bekommen, übernimmt das Jobcenter die Anmeldung. Asylsuchende erhalten in den ersten Monaten einen Behandlungsschein vom Sozialamt.') +
            h2('Die Gesundheitskarte') +
            p('Von Ihrer Krankenkasse bekommen Sie eine elektronische Gesundheitskarte mit Foto. Nehmen Sie sie zu jedem Arztbesuch mit. Familienmitglieder ohne eigenes Einkommen sind oft kostenlos mitversichert.') +
            h2('Einen Termin bekommen') +
            list(['Rufen Sie in der Praxis an oder buchen Sie online.', 'Sagen Sie, wenn Sie eine Sprachmittlung brauchen.', 'Bei starken Beschwerden kommen Sie in die offene Sprechstunde.', 'Facharzttermine vermittelt die Terminservicestelle unter 116117.']) +
            p('Wenn Sie einen Termin nicht wahrnehmen können, sagen Sie ihn bitte ab. Manche Praxen berechnen sonst eine Gebühr.'),
        },
        en: {
          title: 'Health insurance and seeing a doctor',
          html:
            p('As soon as you have a job, your employer registers you with the health insurance fund you have chosen. If you receive citizen’s income, the job centre registers you. Asylum seekers receive a treatment voucher from the social welfare office in the first months.') +
            h2('The health card') +
            p('Your health insurance fund gives you an electronic health card with your photo. Take it to every doctor’s appointment. Family members without their own income are often insured with you free of charge.') +
            h2('Getting an appointment') +
            list(['Call the practice or book online.', 'Tell them if you need a language mediator.', 'If you are in great pain, come to the open consultation hours.', 'The appointment service at 116117 arranges appointments with specialists.']) +
            p('If you cannot keep an appointment, please cancel it. Otherwise some practices charge a fee.'),
        },
        ar: {
          title: 'التأمين الصحي وزيارة الطبيب',
          html:
            p('بمجرد أن تحصلوا على عمل يسجلكم صاحب العمل في صندوق التأمين الصحي الذي اخترتموه. إذا كنتم تحصلون على دخل المواطن فإن مركز العمل (جوب سنتر) يتولى التسجيل. يحصل طالبو اللجوء في الأشهر الأولى على قسيمة علاج من دائرة الشؤون الاجتماعية.') +
            h2('بطاقة التأمين الصحي') +
            p('يعطيكم صندوق التأمين الصحي بطاقة صحية إلكترونية عليها صورتكم. خذوها معكم في كل زيارة للطبيب. أفراد الأسرة الذين ليس لهم دخل خاص غالباً ما يكونون مؤمَّنين معكم مجاناً.') +
            h2('الحصول على موعد') +
            list(['اتصلوا بالعيادة أو احجزوا عبر الإنترنت.', 'أخبروهم إذا كنتم بحاجة إلى وسيط لغوي.', 'إذا كانت الأعراض شديدة فتعالوا في ساعات الاستقبال المفتوحة.', 'تنظم خدمة المواعيد على الرقم 116117 مواعيد لدى الأطباء المختصين.']) +
            p('إذا لم تتمكنوا من الحضور إلى موعد، فيرجى إلغاؤه. بعض العيادات تفرض رسوماً إذا لم تفعلوا ذلك.'),
        },
        uk: {
          title: 'Медичне страхування та візит до лікаря',
          html:
            p('Щойно ви знайдете роботу, роботодавець зареєструє вас у лікарняній касі, яку ви обрали. Якщо ви отримуєте громадянську допомогу, реєстрацію здійснює джобцентр. Шукачі притулку в перші місяці отримують направлення на лікування від соціального відомства.') +
            h2('Картка медичного страхування') +
            p('Лікарняна каса видає вам електронну картку медичного страхування з фото. Беріть її на кожен прийом до лікаря. Члени сім’ї без власного доходу часто застраховані разом із вами безкоштовно.') +
            h2('Як записатися на прийом') +
            list(['Зателефонуйте до практики або запишіться онлайн.', 'Скажіть, якщо вам потрібен мовний посередник.', 'Якщо вам дуже погано, приходьте у відкриті години прийому.', 'Запис до вузьких спеціалістів організовує служба за номером 116117.']) +
            p('Якщо ви не можете прийти, будь ласка, скасуйте запис. Інакше деякі практики стягують плату.'),
        },
        'de-x-ls': {
          title: 'Kranken-Versicherung und Arzt-Besuch',
          html:
            p('Sie haben eine Arbeit? Dann meldet Ihr Chef Sie bei der Kranken-Kasse an. Die Kranken-Kasse ist die Kranken-Versicherung. Sie bekommen Bürger-Geld? Dann macht das Job-Center die Anmeldung.') +
            h2('Die Karte von der Kranken-Kasse') +
            p('Sie bekommen eine Karte. Auf der Karte ist Ihr Foto. Nehmen Sie die Karte immer zum Arzt mit.') +
            h2('Einen Termin beim Arzt bekommen') +
            list(['Rufen Sie beim Arzt an.', 'Sie sprechen noch nicht gut Deutsch? Dann sagen Sie das am Telefon.', 'Sie können nicht kommen? Dann sagen Sie den Termin ab.']),
        },
      },
    },
    {
      key: 'psychosocial-help',
      icon: 'counselling',
      texts: {
        de: {
          title: 'Psychosoziale Hilfe',
          html:
            p('Flucht, Krieg, Trennung von der Familie und der Neuanfang in einem fremden Land können sehr belasten. Schlafstörungen, Angst, Traurigkeit oder Albträume sind häufige Reaktionen. Sie sind nicht allein, und es gibt Hilfe.') +
            h2('Das Psychosoziale Zentrum') +
            p('Das Psychosoziale Zentrum bietet Beratung, Gruppen und Psychotherapie für geflüchtete und zugewanderte Menschen. Die Gespräche finden, wenn nötig, mit Sprachmittlung statt. Alles ist kostenlos und vertraulich; die Mitarbeitenden geben nichts an Behörden weiter.') +
            h3('Angebote') +
            list(['offene Sprechstunde dienstags 10–12 Uhr, ohne Termin', 'Gruppen für Frauen, für Männer und für Jugendliche', 'Stabilisierung und Therapie, auch für Kinder', 'Beratung für Ehrenamtliche und Fachkräfte']) +
            p(`In einer akuten Krise rufen Sie die Telefonseelsorge an, rund um die Uhr: ${tel('0800 1110111')}. In Lebensgefahr wählen Sie ${tel('112')}.`) +
            card('Psychosoziales Zentrum Beispiel', ADDR.psz, `Telefon: ${pszPhone}<br />E-Mail: ${pszMail}`),
        },
        en: {
          title: 'Psychosocial support',
          html:
            p('Flight, war, separation from your family and a new start in a foreign country can be a heavy burden. Trouble sleeping, fear, sadness or nightmares are common reactions. You are not alone, and help is available.') +
            h2('The psychosocial centre') +
            p('The psychosocial centre offers counselling, groups and psychotherapy for refugees and immigrants. Where needed, conversations take place with a language mediator. Everything is free and confidential; the staff do not pass anything on to the authorities.') +
            h3('Services') +
            list(['open consultation hours on Tuesdays 10 am–12 noon, no appointment needed', 'groups for women, for men and for young people', 'stabilisation and therapy, also for children', 'advice for volunteers and professionals']) +
            p(`In an acute crisis, call the telephone counselling service around the clock: ${tel('0800 1110111')}. If a life is in danger, dial ${tel('112')}.`) +
            card('Psychosocial centre Beispiel', ADDR.psz, `Phone: ${pszPhone}<br />E-mail: ${pszMail}`),
        },
        ar: {
          title: 'الدعم النفسي والاجتماعي',
          html:
            p('يمكن أن يشكّل اللجوء والحرب والانفصال عن العائلة والبداية الجديدة في بلد غريب عبئاً كبيراً. اضطرابات النوم والخوف والحزن والكوابيس ردود فعل شائعة. لستم وحدكم، والمساعدة متاحة.') +
            h2('المركز النفسي الاجتماعي') +
            p('يقدم المركز النفسي الاجتماعي الاستشارة والمجموعات والعلاج النفسي للاجئين والمهاجرين. تجري المحادثات عند الحاجة بمساعدة وسيط لغوي. كل ذلك مجاني وسري، ولا ينقل العاملون أي شيء إلى الدوائر الرسمية.') +
            h3('العروض') +
            list(['ساعات استقبال مفتوحة يوم الثلاثاء 10–12، دون موعد', 'مجموعات للنساء وللرجال وللشباب', 'التثبيت النفسي والعلاج، للأطفال أيضاً', 'استشارة للمتطوعين والمختصين']) +
            p(`في الأزمات الحادة اتصلوا بخط الدعم النفسي الهاتفي على مدار الساعة: ${tel('0800 1110111')}. وعند وجود خطر على الحياة اتصلوا بالرقم ${tel('112')}.`) +
            card('المركز النفسي الاجتماعي في بايشبيل', ADDR.psz, `الهاتف: ${pszPhone}<br />البريد الإلكتروني: ${pszMail}`),
        },
        uk: {
          title: 'Психосоціальна допомога',
          html:
            p('Втеча, війна, розлука з родиною та новий початок у чужій країні можуть дуже обтяжувати. Порушення сну, страх, смуток або кошмари — часті реакції. Ви не самі, і допомога є.') +
            h2('Психосоціальний центр') +
            p('Психосоціальний центр пропонує консультації, групи та психотерапію для біженців і мігрантів. За потреби розмови проходять за участю мовного посередника. Усе безкоштовно й конфіденційно; працівники нічого не передають до установ.') +
            h3('Пропозиції') +
            list(['відкриті консультаційні години щовівторка 10–12, без запису', 'групи для жінок, для чоловіків і для молоді', 'стабілізація та терапія, також для дітей', 'консультації для волонтерів і фахівців']) +
            p(`У гострій кризі телефонуйте на лінію психологічної підтримки цілодобово: ${tel('0800 1110111')}. Якщо є загроза життю, набирайте ${tel('112')}.`) +
            card('Психосоціальний центр Байшпіль', ADDR.psz, `Телефон: ${pszPhone}<br />Ел. пошта: ${pszMail}`),
        },
        'de-x-ls': {
          title: 'Hilfe für die Seele',
          html:
            p('Vielleicht haben Sie schlimme Dinge erlebt. Zum Beispiel Krieg oder Flucht. Das kann die Seele krank machen. Dann schlafen Sie vielleicht schlecht. Oder Sie haben oft Angst. Oder Sie sind oft traurig. Das ist nicht Ihre Schuld. Es gibt Hilfe.') +
            h2('Das Psycho-soziale Zentrum') +
            p('Dort sprechen Fach-Leute mit Ihnen. Die Fach-Leute helfen Ihnen. Es gibt auch einen Sprach-Mittler. Die Hilfe kostet nichts. Die Fach-Leute erzählen nichts weiter. Auch nicht den Ämtern.') +
            p('Sie können jeden Dienstag ohne Termin kommen. Von 10 Uhr bis 12 Uhr.') +
            p(`Es geht Ihnen sehr schlecht? Dann rufen Sie an: ${tel('0800 1110111')}. Dort ist Tag und Nacht jemand für Sie da.`) +
            card('Psycho-soziales Zentrum', ADDR.psz, `Telefon: ${pszPhone}`),
        },
      },
    },
    {
      key: 'pregnancy',
      icon: 'family',
      texts: {
        de: {
          title: 'Schwangerschaft und Geburt',
          html:
            p('Während der Schwangerschaft haben Sie Anspruch auf regelmäßige Vorsorgeuntersuchungen bei einer Frauenärztin oder einem Frauenarzt. Die Krankenkasse bezahlt sie. Sie bekommen einen Mutterpass, in dem alle Untersuchungen stehen. Nehmen Sie ihn immer mit.') +
            h2('Unterstützung') +
            list(['<strong>Hebamme:</strong> begleitet Sie vor und nach der Geburt, auch zu Hause; suchen Sie früh eine Hebamme', '<strong>Schwangerenberatung:</strong> hilft bei Fragen zu Geld, Anträgen und Familienplanung, auch anonym', '<strong>Elterngeld und Kindergeld:</strong> Geld für Familien nach der Geburt, Antrag nach der Geburt stellen']) +
            p('Arbeitende Frauen sind sechs Wochen vor und acht Wochen nach der Geburt im Mutterschutz. Der Arbeitgeber darf Ihnen in der Schwangerschaft nicht kündigen.') +
            card('Schwangerenberatung', ADDR.gesundheitsamt, `Telefon: ${tel('01234 567-820')}<br />E-Mail: ${mail('schwangerenberatung@beispiel.example')}`),
        },
        en: {
          title: 'Pregnancy and birth',
          html:
            p('During pregnancy you are entitled to regular check-ups with a gynaecologist. The health insurance fund pays for them. You receive a maternity record (Mutterpass) in which all examinations are entered. Always take it with you.') +
            h2('Support') +
            list(['<strong>Midwife:</strong> supports you before and after the birth, also at home; look for a midwife early', '<strong>Pregnancy counselling:</strong> helps with questions about money, applications and family planning, also anonymously', '<strong>Parental allowance and child benefit:</strong> money for families after the birth; apply after the baby is born']) +
            p('Working women are on maternity leave six weeks before and eight weeks after the birth. Your employer may not dismiss you during pregnancy.') +
            card('Pregnancy counselling', ADDR.gesundheitsamt, `Phone: ${tel('01234 567-820')}<br />E-mail: ${mail('schwangerenberatung@beispiel.example')}`),
        },
        ar: {
          title: 'الحمل والولادة',
          html:
            p('خلال الحمل يحق لكِ إجراء فحوص وقائية منتظمة لدى طبيبة أو طبيب نسائية. يدفع صندوق التأمين الصحي تكاليفها. تحصلين على دفتر الأمومة (Mutterpass) الذي تُسجَّل فيه كل الفحوص. احمليه معكِ دائماً.') +
            h2('الدعم') +
            list(['<strong>القابلة:</strong> ترافقكِ قبل الولادة وبعدها، في البيت أيضاً؛ ابحثي عن قابلة مبكراً', '<strong>استشارات الحوامل:</strong> تساعد في أسئلة المال والطلبات وتنظيم الأسرة، ويمكن أيضاً دون ذكر الاسم', '<strong>إعانة الوالدين وإعانة الأطفال:</strong> مال للعائلات بعد الولادة، يُقدَّم الطلب بعد الولادة']) +
            p('تحصل النساء العاملات على إجازة أمومة مدتها ستة أسابيع قبل الولادة وثمانية أسابيع بعدها. لا يجوز لصاحب العمل فصلكِ خلال الحمل.') +
            card('استشارات الحوامل', ADDR.gesundheitsamt, `الهاتف: ${tel('01234 567-820')}<br />البريد الإلكتروني: ${mail('schwangerenberatung@beispiel.example')}`),
        },
        uk: {
          title: 'Вагітність і пологи',
          html:
            p('Під час вагітності ви маєте право на регулярні профілактичні огляди в гінеколога. Їх оплачує лікарняна каса. Ви отримаєте карту вагітної (Mutterpass), куди вносять усі обстеження. Завжди беріть її з собою.') +
            h2('Підтримка') +
            list(['<strong>Акушерка:</strong> супроводжує вас до і після пологів, також удома; шукайте акушерку завчасно', '<strong>Консультація для вагітних:</strong> допомагає з питаннями щодо грошей, заяв і планування сім’ї, також анонімно', '<strong>Батьківська допомога та допомога на дитину:</strong> гроші для сімей після народження дитини; заяву подають після пологів']) +
            p('Працюючі жінки перебувають у декретній відпустці шість тижнів до і вісім тижнів після пологів. Роботодавець не має права звільнити вас під час вагітності.') +
            card('Консультація для вагітних', ADDR.gesundheitsamt, `Телефон: ${tel('01234 567-820')}<br />Ел. пошта: ${mail('schwangerenberatung@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Sie bekommen ein Baby',
          html:
            p('Sie sind schwanger? Dann gehen Sie regelmäßig zur Frauen-Ärztin. Die Ärztin untersucht Sie und das Baby. Das bezahlt die Kranken-Kasse.') +
            h2('Wer hilft mir?') +
            list(['Eine Hebamme. Eine Hebamme hilft Frauen vor und nach der Geburt. Sie kommt auch zu Ihnen nach Hause.', 'Die Schwangeren-Beratung. Dort bekommen Sie Hilfe bei Anträgen. Und bei Fragen zu Geld.']) +
            h2('Geld für Familien') +
            p('Nach der Geburt bekommen Sie Geld für Ihr Kind. Das heißt Kinder-Geld. Dafür müssen Sie einen Antrag stellen.') +
            card('Schwangeren-Beratung', ADDR.gesundheitsamt, `Telefon: ${tel('01234 567-820')}`),
        },
      },
    },
  ],
};
