"""Plausible, correct translations of questionnaire messages in the five languages.

The translation checks must pass every one of them (no false positives); the mutation
tests break them, one rule at a time, and expect the matching finding. They follow
the conventions of docs/translating.md: UN terminology of locales/terminology.yaml,
the interface's answer labels, each language's quotation marks and reference style.
"""

from __future__ import annotations

N = "\u202f"  # the narrow no-break space of French typography

SAMPLES: list[dict[str, str]] = [
    {
        "en": "If the answer to question 3 is “Yes”, does participation in an organized criminal group consist of agreeing with one or more "
        "other persons to commit a serious crime in order to obtain, directly or indirectly, a financial or other material benefit "
        "(art. 5, para. 1 (a) (i))?",
        "fr": f"Si la réponse à la question 3 est «{N}Oui{N}», la participation à un groupe criminel organisé consiste-t-elle dans le fait "
        "de s’entendre avec une ou plusieurs personnes en vue de commettre une infraction grave à une fin liée directement ou "
        f"indirectement à l’obtention d’un avantage financier ou d’un autre avantage matériel (art. 5, par. 1 a) i)){N}?",
        "es": "Si la respuesta a la pregunta 3 es “Sí”, ¿consiste la participación en un grupo delictivo organizado en el acuerdo con una "
        "o más personas de cometer un delito grave con un propósito que guarde relación directa o indirecta con la obtención de un "
        "beneficio económico u otro beneficio de orden material (art. 5, párr. 1 a) i))?",
        "ru": "Если ответ на вопрос 3 — «Да», состоит ли участие в организованной преступной группе в сговоре с одним или несколькими "
        "лицами о совершении серьезного преступления с целью, прямо или косвенно связанной с получением финансовой или иной "
        "материальной выгоды (ст. 5, п. 1 (a) (i))?",
        "ar": "إذا كان الجواب عن السؤال 3 «نعم»، فهل تتمثل المشاركة في جماعة إجرامية منظمة في الاتفاق مع شخص آخر أو أكثر على ارتكاب "
        "جريمة خطيرة لغرض له صلة مباشرة أو غير مباشرة بالحصول على منفعة مالية أو منفعة مادية أخرى (المادة 5، الفقرة 1 (أ) '1')؟",
        "zh": "如果对问题3的回答为“是”，参加有组织犯罪集团是否包括为直接或间接获得金钱或其他物质利益而与一人或多人约定实施严重犯罪"
        "（第5条第1款(a)项㈠目）？",
    },
    {
        "en": "If the answer to question 3 (a) is “Yes in part” or “No”, please specify how participation in a criminal group is treated "
        "under your country’s framework.",
        "fr": f"Si la réponse à la question 3 (a) est «{N}Oui, en partie{N}» ou «{N}Non{N}», veuillez préciser comment la participation à "
        "un groupe criminel est traitée dans le cadre juridique de votre pays.",
        "es": "Si la respuesta a la pregunta 3 (a) es “Sí, en parte” o “No”, sírvase especificar cómo se trata la participación en un "
        "grupo delictivo en el marco jurídico de su país.",
        "ru": "Если ответ на вопрос 3 (a) — «Да, частично» или «Нет», просьба указать, как рассматривается участие в преступной группе "
        "в правовой системе вашей страны.",
        "ar": "إذا كان الجواب عن السؤال 3 (a) «نعم، جزئيا» أو «لا»، يرجى توضيح كيفية معاملة المشاركة في جماعة إجرامية في إطار "
        "بلدكم القانوني.",
        "zh": "如果对问题3(a)的回答为“部分是”或“否”，请具体说明贵国法律框架如何处理参加犯罪集团的行为。",
    },
    {
        "en": "Cluster I: criminalization and jurisdiction (arts. 2, 5, 6, 8, 9, 10, 15 and 23 of the Convention)",
        "fr": f"Groupe thématique I{N}: incrimination et compétence (art. 2, 5, 6, 8, 9, 10, 15 et 23 de la Convention)",
        "es": "Grupo temático I: penalización y jurisdicción (arts. 2, 5, 6, 8, 9, 10, 15 y 23 de la Convención)",
        "ru": "Тематический блок I: криминализация и юрисдикция (статьи 2, 5, 6, 8, 9, 10, 15 и 23 Конвенции)",
        "ar": "المجموعة المواضيعية الأولى: التجريم والولاية القضائية (المواد 2 و5 و6 و8 و9 و10 و15 و23 من الاتفاقية)",
        "zh": "第一专题组：刑事定罪和管辖权（《公约》第2、5、6、8、9、10、15和23条）",
    },
    {
        "en": "Self-assessment questionnaire for the United Nations Convention against Transnational Organized Crime and the Protocols "
        "thereto – Cluster I",
        "fr": "Questionnaire d’auto-évaluation concernant la Convention des Nations Unies contre la criminalité transnationale organisée "
        "et les Protocoles s’y rapportant – groupe thématique I",
        "es": "Cuestionario de autoevaluación relativo a la Convención de las Naciones Unidas contra la Delincuencia Organizada "
        "Transnacional y sus Protocolos – grupo temático I",
        "ru": "Вопросник для самооценки по Конвенции Организации Объединенных Наций против транснациональной организованной "
        "преступности и протоколам к ней – тематический блок I",
        "ar": "استبيان التقييم الذاتي بشأن اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكولات الملحقة بها – "
        "المجموعة المواضيعية الأولى",
        "zh": "联合国打击跨国有组织犯罪公约及其议定书自评调查表——第一专题组",
    },
    {"en": "Annex III", "fr": "Annexe III", "es": "Anexo III", "ru": "Приложение III", "ar": "المرفق الثالث", "zh": "附件三"},
    {
        "en": "Article 1, paragraph 2, of each of the Protocols states that the provisions of the Convention shall apply *mutatis "
        "mutandis* to the Protocols unless otherwise provided therein.",
        "fr": "Le paragraphe 2 de l’article premier de chacun des Protocoles dispose que les dispositions de la Convention s’appliquent "
        "*mutatis mutandis* aux Protocoles, sauf disposition contraire dans ceux-ci.",
        "es": "El párrafo 2 del artículo 1 de cada uno de los Protocolos establece que las disposiciones de la Convención se aplicarán "
        "*mutatis mutandis* a los Protocolos, a menos que en ellos se disponga otra cosa.",
        "ru": "В пункте 2 статьи 1 каждого из протоколов предусматривается, что положения Конвенции применяются *mutatis mutandis* к "
        "протоколам, если в них не предусмотрено иное.",
        "ar": "تنص الفقرة 2 من المادة 1 من كل من البروتوكولات على أن أحكام الاتفاقية تنطبق على البروتوكولات *مع مراعاة ما يقتضيه "
        "اختلاف الحال*، ما لم يُنص فيها على خلاف ذلك.",
        "zh": "各项议定书第1条第2款规定，除非其中另有规定，《公约》各项规定应*比照*适用于议定书。",
    },
    {
        "en": "Is the laundering of proceeds of crime criminalized under your country’s legal framework, in accordance with article 6, "
        "paragraph 1 (a), of the Convention (art. 6, paras. 1 (a) (i)–(ii))?",
        "fr": "Le blanchiment du produit du crime est-il érigé en infraction pénale en vertu du cadre juridique de votre pays, "
        f"conformément à l’alinéa a) du paragraphe 1 de l’article 6 de la Convention (art. 6, par. 1 a) i) et ii)){N}?",
        "es": "¿Está penalizado el blanqueo del producto del delito en el marco jurídico de su país, de conformidad con el artículo 6, "
        "párrafo 1 a), de la Convención (art. 6, párr. 1 a) i) y ii))?",
        "ru": "Криминализировано ли отмывание доходов от преступлений в правовой системе вашей страны в соответствии с пунктом 1 (a) "
        "статьи 6 Конвенции (ст. 6, п. 1 (a) (i) и (ii))?",
        "ar": "هل غسل عائدات الجرائم مجرَّم في الإطار القانوني لبلدكم، وفقا للفقرة 1 (أ) من المادة 6 من الاتفاقية (المادة 6، الفقرة 1 "
        "(أ) '1' و'2')؟",
        "zh": "贵国法律框架是否根据《公约》第6条第1款(a)项将对犯罪所得的洗钱行为定为刑事犯罪（第6条第1款(a)项㈠目至㈡目）？",
    },
    {
        "en": "Proceeds of crime (as defined in art. 2 (e))⁸ derived from offences covered by the Convention and the Protocols to which "
        "your State is a party or property the value of which corresponds to that of such proceeds (art. 12, para. 1 (a))?",
        "fr": "Le produit du crime (tel que défini à l’art. 2, al. e))⁸ tiré d’infractions visées par la Convention et les Protocoles "
        f"auxquels votre État est partie, ou des biens dont la valeur correspond à celle de ce produit (art. 12, par. 1 a)){N}?",
        "es": "¿El producto del delito (según se define en el art. 2 e))⁸ derivado de delitos comprendidos en la Convención y en los "
        "Protocolos en que su Estado es parte, o bienes cuyo valor corresponda al de dicho producto (art. 12, párr. 1 a))?",
        "ru": "Доходы от преступлений (как они определены в ст. 2 (e))⁸, полученные от преступлений, охватываемых Конвенцией и "
        "протоколами, участником которых является ваше государство, или имущество, стоимость которого соответствует стоимости "
        "таких доходов (ст. 12, п. 1 (a))?",
        "ar": "عائدات الجرائم (على النحو المعرّف في المادة 2 (هـ))⁸ المتأتية من الجرائم المشمولة بالاتفاقية والبروتوكولات التي تكون "
        "دولتكم طرفا فيها، أو الممتلكات التي تعادل قيمتها قيمة تلك العائدات (المادة 12، الفقرة 1 (أ))؟",
        "zh": "犯罪所得（如第2条(e)项所界定）⁸，产生于《公约》和贵国为缔约国的议定书所涵盖的犯罪，或价值与此种所得相当的财产"
        "（第12条第1款(a)项）？",
    },
    {
        "en": "If the answer to any of the questions 66 (f) (i)–(vi) is “Yes, in part” or “No”, please explain.",
        "fr": f"Si la réponse à l’une des questions 66 (f) (i) à (vi) est «{N}Oui, en partie{N}» ou «{N}Non{N}», veuillez expliquer.",
        "es": "Si la respuesta a alguna de las preguntas 66 (f) (i) a (vi) es “Sí, en parte” o “No”, sírvase explicar.",
        "ru": "Если ответ на какой-либо из вопросов 66 (f) (i)–(vi) — «Да, частично» или «Нет», просьба пояснить.",
        "ar": "إذا كان الجواب عن أي من الأسئلة 66 (f) (i)–(vi) «نعم، جزئيا» أو «لا»، يرجى التوضيح.",
        "zh": "如果对问题66(f)(i)至(vi)中任何一个问题的回答为“部分是”或“否”，请作出解释。",
    },
    {
        "en": "Is the act of falsifying or illicitly obliterating, removing or altering the marking(s) on firearms, when committed "
        "intentionally, criminalized under your country’s legal framework according to article 5, paragraph 1 (c), in conjunction "
        "with article 8 of the Firearms Protocol?⁶",
        "fr": "Le fait de falsifier ou d’effacer, d’enlever ou d’altérer de façon illicite la ou les marques apposées sur des armes à feu, "
        "lorsqu’il est commis intentionnellement, est-il érigé en infraction pénale en vertu du cadre juridique de votre pays "
        "conformément à l’alinéa c) du paragraphe 1 de l’article 5, lu conjointement avec l’article 8 du Protocole relatif aux "
        f"armes à feu{N}?⁶",
        "es": "¿Está penalizado en el marco jurídico de su país el acto de falsificar o borrar, suprimir o alterar ilícitamente la(s) "
        "marca(s) de las armas de fuego, cuando se cometa intencionalmente, de conformidad con el artículo 5, párrafo 1 c), leído "
        "conjuntamente con el artículo 8 del Protocolo sobre Armas de Fuego?⁶",
        "ru": "Криминализировано ли в правовой системе вашей страны совершаемое умышленно деяние, состоящее в фальсификации или "
        "незаконном уничтожении, удалении или изменении маркировки огнестрельного оружия, в соответствии с пунктом 1 (c) статьи 5 "
        "во взаимосвязи со статьей 8 Протокола об огнестрельном оружии?⁶",
        "ar": "هل يُجرَّم في الإطار القانوني لبلدكم فعل تزوير علامات الوسم على الأسلحة النارية أو طمسها أو إزالتها أو تحويرها بصورة غير "
        "مشروعة، عند ارتكابه عمدا، وفقا للفقرة 1 (ج) من المادة 5، مقروءة بالاقتران مع المادة 8 من بروتوكول الأسلحة النارية؟⁶",
        "zh": "故意伪造或非法涂改、消除或改动枪支上的标识的行为，是否根据第5条第1款(c)项并结合《枪支议定书》第8条在贵国法律框架下"
        "被定为刑事犯罪？⁶",
    },
    {
        "en": "Please explain.",
        "fr": "Veuillez expliquer.",
        "es": "Sírvase explicar.",
        "ru": "Просьба пояснить.",
        "ar": "يرجى التوضيح.",
        "zh": "请作出解释。",
    },
    {
        "en": "II. Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the "
        "United Nations Convention against Transnational Organized Crime",
        "fr": "II. Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à "
        "prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants",
        "es": "II. Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños, que complementa "
        "la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
        "ru": "II. Протокол о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее, "
        "дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности",
        "ar": "ثانيا- بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، المكمل لاتفاقية الأمم المتحدة لمكافحة "
        "الجريمة المنظمة عبر الوطنية",
        "zh": "二. 联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书",
    },
    {
        "en": "Article 18. Mutual legal assistance",
        "fr": "Article 18. Entraide judiciaire",
        "es": "Artículo 18. Asistencia judicial recíproca",
        "ru": "Статья 18. Взаимная правовая помощь",
        "ar": "المادة 18- المساعدة القانونية المتبادلة",
        "zh": "第十八条 司法协助",
    },
    {
        "en": "The review of articles 8 and 9 of the Convention is only for those States parties to the Organized Crime Convention that "
        "are not parties to the United Nations Convention against Corruption.",
        "fr": "L’examen des articles 8 et 9 de la Convention ne concerne que les États Parties à la Convention contre la criminalité "
        "organisée qui ne sont pas parties à la Convention des Nations Unies contre la corruption.",
        "es": "El examen de los artículos 8 y 9 de la Convención solo se aplica a los Estados Parte en la Convención contra la "
        "Delincuencia Organizada que no son partes en la Convención de las Naciones Unidas contra la Corrupción.",
        "ru": "Обзор осуществления статей 8 и 9 Конвенции проводится только в отношении тех государств – участников Конвенции против "
        "организованной преступности, которые не являются участниками Конвенции Организации Объединенных Наций против коррупции.",
        "ar": "لا يُستعرض تنفيذ المادتين 8 و9 من الاتفاقية إلا بالنسبة للدول الأطراف في اتفاقية الجريمة المنظمة التي ليست أطرافا في "
        "اتفاقية الأمم المتحدة لمكافحة الفساد.",
        "zh": "对《公约》第8条和第9条的审议仅适用于非《联合国反腐败公约》缔约国的《有组织犯罪公约》缔约国。",
    },
    {
        "en": "“Child” means any person under 18 years of age (art. 3, para. (d))?",
        "fr": f"Le terme «{N}enfant{N}» désigne-t-il toute personne âgée de moins de 18 ans (art. 3, al. d)){N}?",
        "es": "¿Por “niño” se entiende toda persona menor de 18 años (art. 3 d))?",
        "ru": "Означает ли «ребенок» любое лицо в возрасте до 18 лет (ст. 3, п. (d))?",
        "ar": "هل يُقصد بتعبير «طفل» أي شخص دون سن 18 عاما (المادة 3، الفقرة (د))؟",
        "zh": "“儿童”是否系指任何18岁以下者（第3条(d)项）？",
    },
    {
        "en": "States are invited to share examples of their positive experiences or good practices in applying the Convention "
        "regarding any other type of assistance provided under article 18, paragraph 3 (i).",
        "fr": "Les États sont invités à faire part d’exemples de données d’expérience positives ou de bonnes pratiques concernant "
        "l’application de la Convention pour tout autre type d’assistance prévu à l’alinéa i) du paragraphe 3 de l’article 18.",
        "es": "Se invita a los Estados a que compartan ejemplos de sus experiencias positivas o buenas prácticas en la aplicación de "
        "la Convención respecto de cualquier otro tipo de asistencia prestada con arreglo al artículo 18, párrafo 3 i).",
        "ru": "Государствам предлагается поделиться примерами позитивного опыта или успешной практики применения Конвенции в "
        "отношении любых других видов помощи, предусмотренных пунктом 3 (i) статьи 18.",
        "ar": "الدول مدعوة إلى تقديم أمثلة على تجاربها الإيجابية أو ممارساتها الجيدة في تطبيق الاتفاقية فيما يتعلق بأي نوع آخر من "
        "المساعدة المقدمة بموجب الفقرة 3 (ط) من المادة 18.",
        "zh": "请各国分享在适用《公约》方面与根据第18条第3款(i)项提供的任何其他类型协助有关的积极经验或良好做法的实例。",
    },
    {
        "en": "Other (please specify)",
        "fr": "Autre (veuillez préciser)",
        "es": "Otros (sírvase especificar)",
        "ru": "Другое (просьба уточнить)",
        "ar": "غير ذلك (يرجى التحديد)",
        "zh": "其他（请具体说明）",
    },
    {
        "en": "Article 6. Confiscation, seizure and disposal¹³",
        "fr": "Article 6. Confiscation, saisie et disposition¹³",
        "es": "Artículo 6. Decomiso, incautación y disposición¹³",
        "ru": "Статья 6. Конфискация, изъятие и утилизация¹³",
        "ar": "المادة 6- المصادرة والضبط والتصرف¹³",
        "zh": "第6条 没收、扣押和处置¹³",
    },
    {
        "en": "Income or other benefits derived from items described under questions 1 (a), (c) and (d) (art. 12, para. 5)?",
        "fr": f"Les revenus ou autres avantages tirés des éléments décrits aux questions 1 (a), (c) et (d) (art. 12, par. 5){N}?",
        "es": "¿Ingresos u otros beneficios derivados de los elementos descritos en las preguntas 1 (a), (c) y (d) (art. 12, párr. 5)?",
        "ru": "Доходы или другие выгоды, полученные от объектов, указанных в вопросах 1 (a), (c) и (d) (ст. 12, п. 5)?",
        "ar": "الإيرادات أو المنافع الأخرى المتأتية من البنود المبينة في الأسئلة 1 (a) و(c) و(d) (المادة 12، الفقرة 5)؟",
        "zh": "从问题1(a)、(c)和(d)所述项目中产生的收入或其他收益（第12条第5款）？",
    },
    {
        "en": "Is the dual criminality requirement established under your domestic legal framework for granting an extradition request "
        "(art. 16, para. 1)?",
        "fr": "L’exigence de double incrimination est-elle prévue dans votre cadre juridique interne pour faire droit à une demande "
        f"d’extradition (art. 16, par. 1){N}?",
        "es": "¿Se exige la doble incriminación en su marco jurídico interno para conceder una solicitud de extradición (art. 16, párr. 1)?",
        "ru": "Установлено ли в вашей внутренней правовой системе требование обоюдного признания деяния преступлением для "
        "удовлетворения просьбы о выдаче (ст. 16, п. 1)?",
        "ar": "هل يشترط إطاركم القانوني الداخلي ازدواجية التجريم للموافقة على طلب تسليم المجرمين (المادة 16، الفقرة 1)؟",
        "zh": "贵国国内法律框架是否规定了准予引渡请求的双重犯罪要求（第16条第1款）？",
    },
    {
        "en": "Cluster IV: international cooperation, mutual legal assistance and confiscation (arts. 12, 13, 14, 16, 17, 18 and 21 of "
        "the Convention)",
        "fr": f"Groupe thématique IV{N}: coopération internationale, entraide judiciaire et confiscation (art. 12, 13, 14, 16, 17, 18 et "
        "21 de la Convention)",
        "es": "Grupo temático IV: cooperación internacional, asistencia judicial recíproca y decomiso (arts. 12, 13, 14, 16, 17, 18 y 21 "
        "de la Convención)",
        "ru": "Тематический блок IV: международное сотрудничество, взаимная правовая помощь и конфискация (статьи 12, 13, 14, 16, 17, "
        "18 и 21 Конвенции)",
        "ar": "المجموعة المواضيعية الرابعة: التعاون الدولي والمساعدة القانونية المتبادلة والمصادرة (المواد 12 و13 و14 و16 و17 و18 "
        "و21 من الاتفاقية)",
        "zh": "第四专题组：国际合作、司法协助和没收（《公约》第12、13、14、16、17、18和21条）",
    },
    {
        "en": "Does your country's legal framework allow for bank secrecy to be used as grounds to decline to act under the provisions "
        "of article 12, paragraph 6?",
        "fr": "Le cadre juridique de votre pays permet-il d’invoquer le secret bancaire pour refuser de donner effet aux dispositions du "
        f"paragraphe 6 de l’article 12{N}?",
        "es": "¿Permite el marco jurídico de su país invocar el secreto bancario para negarse a actuar en virtud de lo dispuesto en el "
        "artículo 12, párrafo 6?",
        "ru": "Допускает ли правовая система вашей страны ссылку на банковскую тайну в качестве основания для отказа от принятия мер "
        "согласно положениям пункта 6 статьи 12?",
        "ar": "هل يسمح الإطار القانوني لبلدكم بالاحتجاج بالسرية المصرفية كسبب لرفض التصرف بموجب أحكام الفقرة 6 من المادة 12؟",
        "zh": "贵国法律框架是否允许以银行保密为由拒绝根据第12条第6款的规定采取行动？",
    },
    {
        "en": "States are invited to provide, on a voluntary basis, additional details on their domestic record-keeping system, such "
        "as (i) on how information is maintained (e.g., manually or digitalized and in a centralized system or divided among "
        "different institutions); and (ii) which entity or entities have the legal obligation to ensure that information on "
        "firearms and, where possible and feasible, their parts and components and ammunition is maintained.",
        "fr": "Les États sont invités à fournir, à titre volontaire, des précisions supplémentaires sur leur système national de "
        "conservation des informations, par exemple i) sur la manière dont les informations sont conservées (par exemple, "
        f"manuellement ou sous forme numérique, et dans un système centralisé ou réparti entre différentes institutions){N}; et "
        "ii) sur l’entité ou les entités ayant l’obligation légale de veiller à la conservation des informations sur les armes à "
        "feu et, lorsque cela est possible et faisable, sur leurs pièces et éléments et munitions.",
        "es": "Se invita a los Estados a que proporcionen, con carácter voluntario, más detalles sobre su sistema nacional de "
        "registros, por ejemplo, i) sobre la forma en que se conserva la información (p. ej., manualmente o en formato digital y "
        "en un sistema centralizado o repartido entre distintas instituciones); y ii) sobre la entidad o entidades que tienen la "
        "obligación jurídica de velar por que se conserve la información sobre las armas de fuego y, cuando sea posible y "
        "factible, sobre sus piezas y componentes y municiones.",
        "ru": "Государствам предлагается представить на добровольной основе дополнительную информацию о своей национальной "
        "системе хранения информации, например (i) о том, как хранится информация (например, вручную или в цифровом виде, в "
        "централизованной системе или распределенно в различных учреждениях); и (ii) о том, на какое учреждение или учреждения "
        "возложено юридическое обязательство обеспечивать хранение информации об огнестрельном оружии и, когда это возможно и "
        "практически осуществимо, его составных частях и компонентах, а также боеприпасах.",
        "ar": "الدول مدعوة إلى أن تقدم، على أساس طوعي، تفاصيل إضافية عن نظامها الوطني لحفظ السجلات، مثل '1' كيفية حفظ المعلومات "
        "(مثلا يدويا أو رقميا، وفي نظام مركزي أو موزعة على مؤسسات مختلفة)؛ و'2' الجهة أو الجهات التي يقع عليها الالتزام القانوني "
        "بضمان حفظ المعلومات عن الأسلحة النارية، وكذلك عن أجزائها ومكوناتها والذخيرة، حيثما كان ذلك ممكنا وعمليا.",
        "zh": "请各国在自愿基础上提供关于本国记录保管制度的更多详细信息，例如㈠如何保存信息（例如以人工或数字化方式保存，以及保存在"
        "集中系统中还是分散在不同机构）；㈡哪个或哪些实体负有确保保存枪支以及在可能和可行的情况下保存其零部件和弹药信息的法律义务。",
    },
    {
        "en": "Has your country designated a central authority pursuant to article 18, paragraph 13 (art. 18, para. 13)?",
        "fr": f"Votre pays a-t-il désigné une autorité centrale conformément au paragraphe 13 de l’article 18 (art. 18, par. 13){N}?",
        "es": "¿Ha designado su país una autoridad central de conformidad con el artículo 18, párrafo 13 (art. 18, párr. 13)?",
        "ru": "Назначила ли ваша страна центральный орган в соответствии с пунктом 13 статьи 18 (ст. 18, п. 13)?",
        "ar": "هل عيَّن بلدكم سلطة مركزية عملا بالفقرة 13 من المادة 18 (المادة 18، الفقرة 13)؟",
        "zh": "贵国是否已根据第18条第13款指定一个中心当局（第18条第13款）？",
    },
    {
        "en": "States will be reviewed on the basis of the information that they have provided to the reviewing States parties, in "
        "accordance with section V of the procedures and rules for the functioning of the Mechanism for the Review of the "
        "Implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto. If they "
        "have not yet provided the relevant documents to the Secretariat, States are called upon to upload either any laws, "
        "regulations, cases and other documents or brief descriptions of them that are of relevance for responding to the "
        "questionnaire to the knowledge management portal known as Sharing Electronic Resources and Laws on Crime (SHERLOC).",
        "fr": "Les États seront examinés sur la base des informations qu’ils ont communiquées aux États Parties examinateurs, "
        "conformément à la section V des procédures et règles applicables au fonctionnement du Mécanisme d’examen de "
        "l’application de la Convention des Nations Unies contre la criminalité transnationale organisée et des Protocoles s’y "
        "rapportant. S’ils n’ont pas encore fourni les documents pertinents au Secrétariat, les États sont appelés à verser sur "
        "le portail de gestion des connaissances appelé Sharing Electronic Resources and Laws on Crime (SHERLOC) les lois, "
        "règlements, affaires et autres documents utiles pour répondre au questionnaire, ou une brève description de ceux-ci.",
        "es": "Los Estados serán examinados sobre la base de la información que hayan proporcionado a los Estados Parte examinadores, "
        "de conformidad con la sección V de los procedimientos y normas para el funcionamiento del Mecanismo de Examen de la "
        "Aplicación de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos. Si "
        "aún no han facilitado los documentos pertinentes a la Secretaría, se exhorta a los Estados a que carguen las leyes, "
        "reglamentos, causas y demás documentos, o breves descripciones de ellos, que sean pertinentes para responder al "
        "cuestionario en el portal de gestión de conocimientos denominado Sharing Electronic Resources and Laws on Crime (SHERLOC).",
        "ru": "Государства будут проходить обзор на основе информации, представленной ими проводящим обзор государствам-участникам, в "
        "соответствии с разделом V процедур и правил функционирования Механизма обзора хода осуществления Конвенции "
        "Организации Объединенных Наций против транснациональной организованной преступности и протоколов к ней. Если "
        "государства еще не представили соответствующие документы в Секретариат, им предлагается загрузить любые законы, "
        "нормативные акты, материалы судебных дел и другие документы, имеющие отношение к ответам на вопросник, или их краткое "
        "описание на портал управления знаниями, известный как «Обмен электронными ресурсами и законодательной информацией о "
        "преступности» (SHERLOC).",
        "ar": "ستُستعرض الدول على أساس المعلومات التي قدمتها إلى الدول الأطراف المستعرِضة، وفقا للفرع الخامس من الإجراءات والقواعد "
        "الخاصة بعمل آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكولات الملحقة بها. "
        "والدول مدعوة، إن لم تكن قد قدمت الوثائق ذات الصلة إلى الأمانة بعد، إلى أن تحمّل على بوابة إدارة المعارف المعروفة باسم "
        "«تبادل الموارد الإلكترونية والقوانين المتعلقة بالجريمة» (SHERLOC) أي قوانين أو لوائح أو قضايا أو وثائق أخرى ذات صلة "
        "بالرد على الاستبيان، أو وصفا موجزا لها.",
        "zh": "将根据各国向审议缔约国提供的信息，按照联合国打击跨国有组织犯罪公约及其议定书实施情况审议机制的运作程序和规则第五节"
        "对各国进行审议。如果各国尚未向秘书处提供相关文件，请各国将与答复调查表相关的任何法律、法规、案例和其他文件或其简要说明"
        "上传至名为“犯罪问题电子资源和法律共享门户”（SHERLOC）的知识管理门户。",
    },
    {
        "en": "States parties are invited to provide information on contact details of focal points/coordinator/authorities for the "
        "purposes of the implementation of the Trafficking in Persons Protocol.",
        "fr": "Les États Parties sont invités à fournir les coordonnées des points de contact, coordonnateurs ou autorités aux fins de "
        "l’application du Protocole relatif à la traite des personnes.",
        "es": "Se invita a los Estados Parte a que proporcionen información sobre los datos de contacto de los coordinadores, puntos "
        "de contacto o autoridades a efectos de la aplicación del Protocolo contra la Trata de Personas.",
        "ru": "Государствам-участникам предлагается представить контактные данные координаторов или органов, отвечающих за "
        "осуществление Протокола о торговле людьми.",
        "ar": "الدول الأطراف مدعوة إلى تقديم معلومات عن بيانات الاتصال الخاصة بجهات الوصل أو المنسقين أو السلطات المعنية لأغراض "
        "تنفيذ بروتوكول الاتجار بالأشخاص.",
        "zh": "请缔约国提供为执行《贩运人口议定书》而设的联络点/协调人/主管机关的联系方式。",
    },
    {
        "en": "In which areas would border, immigration and law enforcement officials in your country need more capacity-building?",
        "fr": "Dans quels domaines faudrait-il renforcer davantage les capacités des agents des services frontaliers, des services "
        f"d’immigration et des services de détection et de répression de votre pays{N}?",
        "es": "¿En qué ámbitos necesitarían los funcionarios de fronteras, de inmigración y encargados de hacer cumplir la ley de su "
        "país una mayor creación de capacidad?",
        "ru": "В каких областях сотрудникам пограничных, иммиграционных и правоохранительных органов вашей страны необходимо "
        "дополнительное наращивание потенциала?",
        "ar": "ما هي المجالات التي يحتاج فيها موظفو الحدود والهجرة وإنفاذ القانون في بلدكم إلى مزيد من بناء القدرات؟",
        "zh": "贵国边境、移民和执法官员在哪些领域需要更多的能力建设？",
    },
]
"""Each sample: the English source and a good translation in each language."""

VARIANTS: list[tuple[str, str]] = [
    (
        "ru",
        "Если на вопрос 3 дан ответ «Да», состоит ли участие в организованной преступной группе в договоренности с одним или "
        "несколькими лицами о совершении серьезного преступления, с тем чтобы получить, прямо или косвенно, финансовую или иную "
        "материальную выгоду (статья 5, пункт 1 (a)(i))?",
    ),
    (
        "ru",
        "Если ответом на вопрос 3 является «Да», то заключается ли участие в организованной преступной группе в сговоре с одним "
        "или несколькими лицами о совершении серьезного преступления в целях получения прямо или косвенно финансовой или иной "
        "материальной выгоды (подпункт a) i) пункта 1 статьи 5)?",
    ),
    (
        "ar",
        "إذا كانت الإجابة عن السؤال 3 «نعم»، فهل تتمثل المشاركة في جماعة إجرامية منظمة في الاتفاق مع شخص آخر أو أكثر على ارتكاب "
        "جريمة خطيرة من أجل الحصول، بشكل مباشر أو غير مباشر، على منفعة مالية أو منفعة مادية أخرى (المادة ٥، الفقرة ١ (أ) '١')؟",
    ),
    (
        "ar",
        "إذا كان الجواب عن السؤال 3 بـ«نعم»، فهل تشمل المشاركة في جماعةٍ إجراميةٍ منظمةٍ الاتفاقَ مع شخص آخر أو أكثر على ارتكاب "
        "جريمة خطيرة لغرض الحصول على منفعة مالية أو منفعة مادية أخرى بشكل مباشر أو غير مباشر (الفقرة 1 (أ) ‘1’ من المادة 5)؟",
    ),
    (
        "zh",
        "如对问题3的答复是“是”，参加有组织犯罪集团是否包括为直接或间接获得金钱或其他物质利益而与一人或多人约定实施严重犯罪"
        "（第五条第一款(a)项(一)目）？",
    ),
    (
        "zh",
        "如果问题3的答复为“是”，那么参加有组织犯罪集团是否系指为直接或间接获得金钱或其他物质利益而与一人或多人约定实施一项严重"
        "犯罪（第5条第1款（a）项㈠目）？",
    ),
    (
        "es",
        "Si la respuesta a la pregunta 3 es “Sí”, ¿la participación en un grupo delictivo organizado consiste en ponerse de acuerdo "
        "con una o más personas para cometer un delito grave con miras a obtener, directa o indirectamente, un beneficio económico "
        "u otro beneficio de orden material (artículo 5, párrafo 1, apartado a) i))?",
    ),
    (
        "fr",
        f"Dans l’affirmative (réponse «{N}Oui{N}» à la question 3), la participation à un groupe criminel organisé consiste-t-elle à "
        "s’entendre avec une ou plusieurs autres personnes en vue de commettre une infraction grave pour en tirer, directement ou "
        f"indirectement, un avantage financier ou un autre avantage matériel (art. 5, par. 1, al. a) i)){N}?",
    ),
]
"""Other good renderings of the first sample: other wording, Eastern Arabic digits, ‘1’, 第五条, （a）, (一)."""
