import { ADDR, card, h2, h3, link, list, mail, p, table, tel, type DemoPage } from './types.js';

const wPhone = tel('01234 567-900');
const wMail = mail('wohnen@beispiel.example');
const abfall = link('https://abfall.beispiel.example', 'abfall.beispiel.example');

export const housing: DemoPage = {
  key: 'housing',
  icon: 'housing',
  texts: {
    de: {
      title: 'Wohnen',
      html:
        p('Eine eigene Wohnung zu finden ist im Landkreis Beispiel nicht immer leicht, besonders in Beispielstadt. In den kleineren Gemeinden gibt es oft günstigere Wohnungen, und die Busverbindungen in die Stadt sind gut.') +
        h2('Was Sie wissen sollten') +
        list(['Die Miete besteht aus Kaltmiete und Nebenkosten (Heizung, Wasser, Müll).', 'Meist zahlen Sie eine Kaution von bis zu drei Monatsmieten.', 'Das Jobcenter oder das Sozialamt übernimmt die Miete nur bis zu einer bestimmten Höhe. Fragen Sie vor der Unterschrift nach.', 'Mit geringem Einkommen können Sie Wohngeld beantragen.']) +
        p('Der Fachdienst Wohnen berät Sie bei der Wohnungssuche, bei Fragen zum Mietvertrag und bei drohendem Wohnungsverlust. Wenn Sie Ihre Miete nicht bezahlen können, melden Sie sich sofort.') +
        card('Fachdienst Wohnen', ADDR.wohnen, `Telefon: ${wPhone}<br />E-Mail: ${wMail}`),
    },
    en: {
      title: 'Housing',
      html:
        p('Finding a flat of your own in the District of Beispiel is not always easy, especially in Beispielstadt. The smaller municipalities often have cheaper flats, and bus connections to town are good.') +
        h2('What you should know') +
        list(['The rent consists of the basic rent and service charges (heating, water, waste).', 'You usually pay a deposit of up to three months’ rent.', 'The job centre or the social welfare office only covers rent up to a certain amount. Ask before you sign.', 'On a low income you can apply for housing benefit (Wohngeld).']) +
        p('The housing service advises you on looking for a flat, on questions about your tenancy agreement and if you are at risk of losing your home. If you cannot pay your rent, get in touch immediately.') +
        card('Housing service', ADDR.wohnen, `Phone: ${wPhone}<br />E-mail: ${wMail}`),
    },
    ar: {
      title: 'السكن',
      html:
        p('ليس من السهل دائماً العثور على شقة خاصة في مقاطعة بايشبيل، خاصة في بايشبيلشتات. في البلديات الأصغر توجد غالباً شقق أرخص، ووسائل النقل بالحافلات إلى المدينة جيدة.') +
        h2('ما يجب أن تعرفوه') +
        list(['يتكون الإيجار من الإيجار الأساسي والتكاليف الإضافية (التدفئة والماء والنفايات).', 'تدفعون عادة تأميناً (كفالة) يصل إلى ثلاثة أشهر من الإيجار.', 'لا يتحمل مركز العمل أو دائرة الشؤون الاجتماعية الإيجار إلا حتى مبلغ معين. اسألوا قبل التوقيع.', 'إذا كان دخلكم منخفضاً يمكنكم طلب إعانة السكن (Wohngeld).']) +
        p('تقدم لكم دائرة السكن الاستشارة في البحث عن شقة وفي أسئلة عقد الإيجار وعند خطر فقدان السكن. إذا لم تستطيعوا دفع الإيجار، تواصلوا معنا فوراً.') +
        card('دائرة السكن', ADDR.wohnen, `الهاتف: ${wPhone}<br />البريد الإلكتروني: ${wMail}`),
    },
    uk: {
      title: 'Житло',
      html:
        p('Знайти власну квартиру в районі Байшпіль не завжди легко, особливо в Байшпільштадті. У менших громадах часто є дешевше житло, а автобусне сполучення з містом добре.') +
        h2('Що варто знати') +
        list(['Орендна плата складається з базової оренди та комунальних платежів (опалення, вода, сміття).', 'Зазвичай ви сплачуєте заставу в розмірі до трьох місячних орендних плат.', 'Джобцентр або соціальне відомство оплачують оренду лише до певної суми. Запитайте перед підписанням.', 'За низького доходу можна подати заяву на житлову допомогу (Wohngeld).']) +
        p('Служба з питань житла консультує щодо пошуку житла, договору оренди та загрози втрати житла. Якщо ви не можете сплатити оренду, звертайтеся негайно.') +
        card('Служба з питань житла', ADDR.wohnen, `Телефон: ${wPhone}<br />Ел. пошта: ${wMail}`),
    },
    'de-x-ls': {
      title: 'Wohnen: Leicht erklärt',
      html:
        p('Sie suchen eine Wohnung? Das ist manchmal schwer. In den kleinen Orten sind Wohnungen oft billiger als in der Stadt.') +
        h2('Das ist wichtig') +
        list(['Für die Wohnung bezahlen Sie jeden Monat Miete.', 'Dazu kommen Neben-Kosten. Zum Beispiel für Heizung und Wasser.', 'Am Anfang bezahlen Sie eine Kaution. Die Kaution ist Geld für den Vermieter. Sie bekommen das Geld zurück, wenn Sie ausziehen.', 'Sie bekommen Geld vom Job-Center? Dann fragen Sie dort zuerst: Ist die Wohnung nicht zu teuer?']) +
        p('Sie haben Probleme mit der Wohnung? Dann hilft Ihnen der Fach-Dienst Wohnen.') +
        card('Fach-Dienst Wohnen', ADDR.wohnen, `Telefon: ${wPhone}`),
    },
  },
  children: [
    {
      key: 'find-flat',
      icon: 'place',
      texts: {
        de: {
          title: 'Eine Wohnung finden',
          html:
            p('Freie Wohnungen finden Sie in Internetportalen, in der Zeitung, bei Wohnungsbaugesellschaften und über Bekannte. Die Wohnungsbaugesellschaft Beispiel vermietet viele günstige Wohnungen im ganzen Landkreis.') +
            h2('Tipps für die Suche') +
            list(['Reagieren Sie schnell auf Anzeigen und rufen Sie an.', 'Legen Sie eine Mappe an: Ausweis, Einkommensnachweise, Schufa-Auskunft und eine Bestätigung des Jobcenters über die Mietübernahme.', 'Gehen Sie pünktlich zur Besichtigung und stellen Sie Fragen.', 'Zahlen Sie nie Geld, bevor Sie die Wohnung gesehen und den Vertrag unterschrieben haben.']) +
            h3('Wohnberechtigungsschein') +
            p('Mit kleinem Einkommen bekommen Sie einen Wohnberechtigungsschein. Damit können Sie eine geförderte Sozialwohnung mieten. Den Antrag stellen Sie beim Fachdienst Wohnen.') +
            card('Wohnungsbaugesellschaft Beispiel', 'Lindenallee 20<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-920')}<br />E-Mail: ${mail('vermietung@beispiel.example')}`),
        },
        en: {
          title: 'Finding a flat',
          html:
            p('You can find vacant flats on internet portals, in the newspaper, through housing companies and through people you know. The Beispiel housing company rents out many affordable flats throughout the district.') +
            h2('Tips for your search') +
            list(['Respond quickly to adverts and call.', 'Prepare a folder: ID, proof of income, credit report (Schufa) and a confirmation from the job centre that it will cover the rent.', 'Be on time for viewings and ask questions.', 'Never pay any money before you have seen the flat and signed the contract.']) +
            h3('Housing entitlement certificate') +
            p('On a low income you can get a housing entitlement certificate (Wohnberechtigungsschein). It allows you to rent subsidised social housing. Apply at the housing service.') +
            card('Beispiel housing company', 'Lindenallee 20<br />12345 Beispielstadt', `Phone: ${tel('01234 567-920')}<br />E-mail: ${mail('vermietung@beispiel.example')}`),
        },
        ar: {
          title: 'العثور على شقة',
          html:
            p('تجدون الشقق الشاغرة في مواقع الإنترنت وفي الصحف ولدى شركات الإسكان وعن طريق المعارف. تؤجر شركة الإسكان بايشبيل كثيراً من الشقق بأسعار معقولة في كل أنحاء المقاطعة.') +
            h2('نصائح للبحث') +
            list(['تجاوبوا بسرعة مع الإعلانات واتصلوا هاتفياً.', 'جهّزوا ملفاً فيه: الهوية وإثباتات الدخل وتقرير الجدارة الائتمانية (Schufa) وتأكيد من مركز العمل بتحمل الإيجار.', 'احضروا المعاينة في الموعد واطرحوا الأسئلة.', 'لا تدفعوا أي مال قبل أن تروا الشقة وتوقعوا العقد.']) +
            h3('شهادة استحقاق السكن') +
            p('إذا كان دخلكم منخفضاً تحصلون على شهادة استحقاق السكن (Wohnberechtigungsschein). بها يمكنكم استئجار شقة اجتماعية مدعومة. يُقدَّم الطلب لدى دائرة السكن.') +
            card('شركة الإسكان بايشبيل', 'Lindenallee 20<br />12345 Beispielstadt', `الهاتف: ${tel('01234 567-920')}<br />البريد الإلكتروني: ${mail('vermietung@beispiel.example')}`),
        },
        uk: {
          title: 'Як знайти квартиру',
          html:
            p('Вільні квартири можна знайти на інтернет-порталах, у газетах, у житлових компаніях і через знайомих. Житлова компанія Байшпіль здає в оренду багато недорогих квартир по всьому району.') +
            h2('Поради для пошуку') +
            list(['Швидко реагуйте на оголошення й телефонуйте.', 'Підготуйте папку: посвідчення особи, підтвердження доходу, кредитну довідку (Schufa) та підтвердження джобцентру про оплату оренди.', 'Приходьте на огляд вчасно й ставте запитання.', 'Ніколи не платіть гроші, доки не побачили квартиру й не підписали договір.']) +
            h3('Довідка про право на соціальне житло') +
            p('За невеликого доходу ви можете отримати довідку про право на соціальне житло (Wohnberechtigungsschein). З нею можна орендувати субсидовану соціальну квартиру. Заява подається до служби з питань житла.') +
            card('Житлова компанія Байшпіль', 'Lindenallee 20<br />12345 Beispielstadt', `Телефон: ${tel('01234 567-920')}<br />Ел. пошта: ${mail('vermietung@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Eine Wohnung suchen',
          html:
            p('Wohnungen finden Sie im Internet. Oder in der Zeitung. Oder Sie fragen Freunde.') +
            h2('Tipps') +
            list(['Sie sehen eine Anzeige? Dann rufen Sie schnell an.', 'Sie können die Wohnung ansehen. Kommen Sie pünktlich.', 'Bezahlen Sie kein Geld vorher. Erst unterschreiben Sie den Vertrag. Dann bezahlen Sie.']) +
            h2('Eine Sozial-Wohnung') +
            p('Sozial-Wohnungen sind billiger. Sie haben wenig Geld? Dann dürfen Sie vielleicht eine Sozial-Wohnung mieten. Dafür brauchen Sie ein Papier vom Amt. Das Papier heißt: Wohn-Berechtigungs-Schein.') +
            card('Wohnungs-Bau-Gesellschaft', 'Lindenallee 20<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-920')}`),
        },
      },
    },
    {
      key: 'tenancy',
      icon: 'documents',
      texts: {
        de: {
          title: 'Mietvertrag, Nebenkosten und Hausordnung',
          html:
            p('Lesen Sie den Mietvertrag vor der Unterschrift genau. Darin stehen die Höhe der Miete, die Nebenkosten, die Kaution und die Kündigungsfrist. Als Mieterin oder Mieter können Sie in der Regel mit drei Monaten Frist kündigen.') +
            h2('Nebenkosten') +
            p('Jeden Monat zahlen Sie einen Abschlag für die Nebenkosten. Einmal im Jahr bekommen Sie eine Abrechnung. Haben Sie weniger verbraucht, bekommen Sie Geld zurück, sonst müssen Sie nachzahlen. Lüften Sie mehrmals täglich kurz und heizen Sie gleichmäßig, so sparen Sie Energie und vermeiden Schimmel.') +
            h2('Hausordnung') +
            list(['Ruhezeiten: meist von 22 bis 6 Uhr und am Sonntag', 'Treppenhaus und Gehweg werden oft abwechselnd gereinigt', 'Fahrräder und Kinderwagen nur an erlaubten Orten abstellen']) +
            p('Bei Streit mit dem Vermieter berät der Mieterverein, die Mitgliedschaft kostet wenige Euro im Monat.') +
            card('Mieterverein Beispiel', 'Marktplatz 9<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-940')}<br />E-Mail: ${mail('mieterverein@beispiel.example')}`),
        },
        en: {
          title: 'Tenancy agreement, service charges and house rules',
          html:
            p('Read the tenancy agreement carefully before you sign it. It states the rent, the service charges, the deposit and the notice period. As a tenant you can usually give three months’ notice.') +
            h2('Service charges') +
            p('Every month you pay an advance for service charges. Once a year you receive a statement. If you used less, you get money back; otherwise you have to pay extra. Air the rooms briefly several times a day and heat evenly: this saves energy and prevents mould.') +
            h2('House rules') +
            list(['Quiet hours: usually from 10 pm to 6 am and on Sundays', 'Tenants often take turns cleaning the stairwell and pavement', 'Leave bicycles and prams only in permitted places']) +
            p('If you have a dispute with your landlord, the tenants’ association can advise you; membership costs a few euros a month.') +
            card('Tenants’ association Beispiel', 'Marktplatz 9<br />12345 Beispielstadt', `Phone: ${tel('01234 567-940')}<br />E-mail: ${mail('mieterverein@beispiel.example')}`),
        },
        ar: {
          title: 'عقد الإيجار والتكاليف الإضافية ونظام البناية',
          html:
            p('اقرؤوا عقد الإيجار جيداً قبل التوقيع. فيه قيمة الإيجار والتكاليف الإضافية والكفالة ومدة الإشعار بالإلغاء. كمستأجرين يمكنكم عادة إنهاء العقد بإشعار مدته ثلاثة أشهر.') +
            h2('التكاليف الإضافية') +
            p('تدفعون كل شهر دفعة مسبقة للتكاليف الإضافية. ومرة في السنة تصلكم تسوية حساب. إذا كان استهلاككم أقل تستردون مالاً، وإلا عليكم دفع الفرق. افتحوا النوافذ لفترة قصيرة عدة مرات يومياً ودفّئوا بشكل منتظم، فبذلك توفرون الطاقة وتتجنبون العفن.') +
            h2('نظام البناية') +
            list(['أوقات الهدوء: عادة من الساعة 22 حتى 6 ويوم الأحد', 'غالباً ما يتناوب السكان على تنظيف الدرج والرصيف', 'ضعوا الدراجات وعربات الأطفال في الأماكن المسموح بها فقط']) +
            p('في حال الخلاف مع المؤجر تقدم جمعية المستأجرين الاستشارة، وتكلف العضوية بضعة يوروهات في الشهر.') +
            card('جمعية المستأجرين في بايشبيل', 'Marktplatz 9<br />12345 Beispielstadt', `الهاتف: ${tel('01234 567-940')}<br />البريد الإلكتروني: ${mail('mieterverein@beispiel.example')}`),
        },
        uk: {
          title: 'Договір оренди, комунальні платежі та правила будинку',
          html:
            p('Уважно прочитайте договір оренди перед підписанням. У ньому вказано розмір оренди, комунальні платежі, заставу та строк розірвання. Як орендар ви зазвичай можете розірвати договір, попередивши за три місяці.') +
            h2('Комунальні платежі') +
            p('Щомісяця ви сплачуєте аванс за комунальні послуги. Раз на рік ви отримуєте розрахунок. Якщо ви спожили менше, гроші повернуть, інакше доведеться доплатити. Кілька разів на день коротко провітрюйте й рівномірно опалюйте — так ви заощадите енергію та уникнете цвілі.') +
            h2('Правила будинку') +
            list(['Години тиші: зазвичай з 22 до 6 години та в неділю', 'Сходи й тротуар мешканці часто прибирають по черзі', 'Велосипеди й дитячі візки ставте лише в дозволених місцях']) +
            p('У разі суперечки з орендодавцем консультує спілка орендарів; членство коштує кілька євро на місяць.') +
            card('Спілка орендарів Байшпіль', 'Marktplatz 9<br />12345 Beispielstadt', `Телефон: ${tel('01234 567-940')}<br />Ел. пошта: ${mail('mieterverein@beispiel.example')}`),
        },
        'de-x-ls': {
          title: 'Der Miet-Vertrag und die Haus-Ordnung',
          html:
            p('Der Miet-Vertrag ist ein wichtiges Papier. Darin steht: So viel kostet die Wohnung. Lesen Sie den Vertrag genau. Sie verstehen etwas nicht? Dann fragen Sie, bevor Sie unterschreiben.') +
            h2('Neben-Kosten') +
            p('Sie bezahlen jeden Monat Geld für Heizung und Wasser. Einmal im Jahr bekommen Sie eine Rechnung. Dann bekommen Sie vielleicht Geld zurück. Oder Sie müssen noch etwas bezahlen.') +
            h2('Die Haus-Ordnung') +
            p('In der Haus-Ordnung stehen Regeln für alle im Haus. Zum Beispiel: Nachts ab 22 Uhr sind alle leise. Auch am Sonntag ist es ruhig.') +
            card('Mieter-Verein', 'Marktplatz 9<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-940')}`),
        },
      },
    },
    {
      key: 'waste',
      icon: 'info',
      missing: ['uk'],
      texts: {
        de: {
          title: 'Müll richtig trennen',
          html:
            p('In Deutschland wird Müll getrennt, damit er wiederverwertet werden kann. Jeder Haushalt im Landkreis hat mehrere Tonnen. Die Abfuhrtermine stehen im Abfallkalender, den Sie online oder in der App finden.') +
            table(
              ['Tonne', 'Was gehört hinein?'],
              [
                ['Gelbe Tonne', 'Verpackungen aus Plastik, Metall und Verbundstoffen, zum Beispiel Joghurtbecher, Dosen, Getränkekartons'],
                ['Blaue Tonne', 'Papier, Pappe, Zeitungen, Kartons'],
                ['Braune Tonne', 'Essensreste, Obst- und Gemüseschalen, Kaffeesatz, Gartenabfälle'],
                ['Schwarze Tonne', 'Restmüll, zum Beispiel Windeln, Staubsaugerbeutel, Asche'],
              ],
              'Welche Tonne für welchen Müll?',
            ) +
            p('Glasflaschen und Gläser bringen Sie nach Farben getrennt zum Glascontainer. Pfandflaschen geben Sie im Supermarkt zurück und bekommen Geld. Sperrmüll wie alte Möbel holt die Abfallwirtschaft zweimal im Jahr kostenlos ab, wenn Sie einen Termin anmelden.') +
            card('Abfallberatung', 'Abfallwirtschaft Landkreis Beispiel<br />Am Wertstoffhof 1<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-960')}<br />Internet: ${abfall}`),
        },
        en: {
          title: 'Sorting your rubbish correctly',
          html:
            p('In Germany rubbish is sorted so that it can be recycled. Every household in the district has several bins. Collection dates are in the waste calendar, which you can find online or in the app.') +
            table(
              ['Bin', 'What goes in?'],
              [
                ['Yellow bin', 'Packaging made of plastic, metal and composites, for example yoghurt pots, tins, drink cartons'],
                ['Blue bin', 'Paper, cardboard, newspapers, boxes'],
                ['Brown bin', 'Food leftovers, fruit and vegetable peel, coffee grounds, garden waste'],
                ['Black bin', 'Residual waste, for example nappies, vacuum cleaner bags, ash'],
              ],
              'Which bin for which rubbish?',
            ) +
            p('Take glass bottles and jars to the bottle bank, sorted by colour. Return deposit bottles at the supermarket and get money back. The waste service collects bulky waste such as old furniture free of charge twice a year if you book a date.') +
            card('Waste advice', 'Abfallwirtschaft Landkreis Beispiel<br />Am Wertstoffhof 1<br />12345 Beispielstadt', `Phone: ${tel('01234 567-960')}<br />Website: ${abfall}`),
        },
        ar: {
          title: 'فرز النفايات بشكل صحيح',
          html:
            p('في ألمانيا تُفرز النفايات كي يمكن إعادة تدويرها. لكل أسرة في المقاطعة عدة حاويات. مواعيد جمع النفايات موجودة في تقويم النفايات الذي تجدونه على الإنترنت أو في التطبيق.') +
            table(
              ['الحاوية', 'ماذا يوضع فيها؟'],
              [
                ['الحاوية الصفراء', 'العبوات البلاستيكية والمعدنية والمركبة، مثل علب اللبن والعلب المعدنية وعلب العصير الكرتونية'],
                ['الحاوية الزرقاء', 'الورق والكرتون والجرائد والصناديق'],
                ['الحاوية البنية', 'بقايا الطعام وقشور الفواكه والخضار وبقايا القهوة ونفايات الحديقة'],
                ['الحاوية السوداء', 'النفايات المتبقية، مثل الحفاضات وأكياس المكنسة الكهربائية والرماد'],
              ],
              'أي حاوية لأي نوع من النفايات؟',
            ) +
            p('ضعوا زجاجات ومرطبانات الزجاج في حاويات الزجاج مفروزة حسب اللون. أعيدوا زجاجات الرهن (Pfand) إلى السوبرماركت واستردوا المال. تجمع إدارة النفايات الأغراض الكبيرة مثل الأثاث القديم مجاناً مرتين في السنة إذا حجزتم موعداً.') +
            card('استشارات النفايات', 'Abfallwirtschaft Landkreis Beispiel<br />Am Wertstoffhof 1<br />12345 Beispielstadt', `الهاتف: ${tel('01234 567-960')}<br />الموقع: ${abfall}`),
        },
        'de-x-ls': {
          title: 'Müll trennen',
          html:
            p('In Deutschland kommt Müll in verschiedene Tonnen. Das heißt: Müll trennen. So kann man den Müll wieder benutzen.') +
            list(['<strong>Gelbe Tonne:</strong> Verpackungen aus Plastik. Und Dosen.', '<strong>Blaue Tonne:</strong> Papier', '<strong>Braune Tonne:</strong> Essens-Reste', '<strong>Schwarze Tonne:</strong> der andere Müll']) +
            p('Flaschen aus Glas bringen Sie zum Glas-Container. Manche Flaschen bringen Sie in den Super-Markt zurück. Dann bekommen Sie Geld. Das nennt man: Pfand.') +
            card('Abfall-Beratung', 'Am Wertstoffhof 1<br />12345 Beispielstadt', `Telefon: ${tel('01234 567-960')}`),
        },
      },
    },
  ],
};
