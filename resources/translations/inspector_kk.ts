<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>AssignmentsView</name>
    <message>
        <source>No inspections are planned for you.</source>
        <translation>Сізге жоспарланған тексеру жоқ.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <source>Kind of inspection</source>
        <translation>Тексеру түрі</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескерту</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Басталды</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Жоспарланған</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>Тексеруді бастау</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Резервтік көшірмелер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Қашан жасалды</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Тексерулер</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Жіберілмеген</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фотолар</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Қазір көшірме жасау</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Қалпына келтіру…</translation>
    </message>
    <message>
        <source>Keep the last</source>
        <translation>Сақталатын соңғы көшірмелер саны</translation>
    </message>
    <message>
        <source>Also copy to a folder…</source>
        <translation>Қалтаға да көшіру…</translation>
    </message>
    <message>
        <source>Laptop only</source>
        <translation>Тек ноутбукта</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>жаңарту алдында</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>күнделікті</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>қолмен</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>қалпына келтіру алдында</translation>
    </message>
    <message>
        <source>A copy also goes to: %1</source>
        <translation>Көшірме мұнда да жазылады: %1</translation>
    </message>
    <message>
        <source>Backups are kept on this laptop only</source>
        <translation>Резервтік көшірмелер тек осы ноутбукта сақталады</translation>
    </message>
    <message>
        <source>Folder for copies of the backups</source>
        <translation>Резервтік көшірмелердің көшірмесіне арналған қалта</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Резервтік көшірме жасалуда…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Резервтік көшірме жасалды: %1</translation>
    </message>
    <message>
        <source>Checking the backup and backing up the current data…</source>
        <translation>Көшірме тексерілуде, ағымдағы деректердің көшірмесі жасалуда…</translation>
    </message>
    <message>
        <source>The backup is whole; the current data was backed up first.</source>
        <translation>Көшірме бүтін; ағымдағы деректердің көшірмесі алдын ала жасалды.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Резервтік көшірмені қалпына келтіру</translation>
    </message>
    <message>
        <source>The backup will be put in place when the app starts again.</source>
        <translation>Көшірме бағдарлама қайта іске қосылғанда орнына қойылады.</translation>
    </message>
    <message>
        <source>Restore the backup of %1?</source>
        <translation>%1 күнгі резервтік көшірмені қалпына келтіру керек пе?</translation>
    </message>
    <message>
        <source>These inspections have changes not sent to the server; they would be lost:</source>
        <translation>Мына тексерулерде серверге жіберілмеген өзгерістер бар; олар жоғалады:</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…және тағы %1</translation>
    </message>
    <message>
        <source>No work that was not sent to the server would be lost.</source>
        <translation>Серверге жіберілмеген жұмыс жоғалмайды.</translation>
    </message>
    <message>
        <source>The app will close; the backup is put in place when you start it again and enter the passphrase.</source>
        <translation>Бағдарлама жабылады; оны қайта іске қосып, құпия фразаны енгізгенде көшірме орнына қойылады.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Close the message</source>
        <translation>Хабарламаны жабу</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>The supervisor left a comment on this item.</source>
        <translation>Басшы осы тармаққа ескертпе қалдырды.</translation>
    </message>
    <message>
        <source>photos: %1</source>
        <translation>фото: %1</translation>
    </message>
    <message>
        <source>This violation needs photo evidence: add a photo.</source>
        <translation>Бұл бұзушылыққа фотодәлел қажет: фото қосыңыз.</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Complies  [1]</source>
        <translation>Сәйкес  [1]</translation>
    </message>
    <message>
        <source>Violated  [2]</source>
        <translation>Сәйкес емес  [2]</translation>
    </message>
    <message>
        <source>Not applicable  [3]</source>
        <translation>Талап етілмейді  [3]</translation>
    </message>
    <message>
        <source>Note  [Tab]</source>
        <translation>Ескертпе  [Tab]</translation>
    </message>
    <message>
        <source>Tab: next field · Esc: back to the list</source>
        <translation>Tab: келесі өріс · Esc: тізімге оралу</translation>
    </message>
    <message>
        <source>⚠ This violation needs photo evidence: add a photo.</source>
        <translation>⚠ Бұл бұзушылыққа фотодәлел қажет: фото қосыңыз.</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Фото қосу…</translation>
    </message>
    <message>
        <source>From camera…</source>
        <translation>Камерадан…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Қарау</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ауыстыру…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Алдыңғы талап</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Келесі талап</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Тексеру парағының талаптары</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Photos of the item</source>
        <translation>Талаптың фотолары</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Жауап</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>Жауап берілді: %1 / %2</translation>
    </message>
    <message>
        <source>If violated: %1</source>
        <translation>Бұзушылық дәрежесі: %1</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>өрескел</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>елеулі</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>болмашы</translation>
    </message>
    <message>
        <source>Photo evidence</source>
        <translation>Фотодәлелдер</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Фотоны жою</translation>
    </message>
    <message>
        <source>Remove this photo from the inspection? It cannot be brought back.</source>
        <translation>Бұл фотоны тексеруден жоясыз ба? Оны қайтару мүмкін болмайды.</translation>
    </message>
    <message>
        <source>Photo to put in its place</source>
        <translation>Орнына қойылатын фото</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Суреттер (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The supervisor&apos;s comment: %1</source>
        <translation>Басшының ескертпесі: %1</translation>
    </message>
    <message>
        <source>The supervisor&apos;s comment</source>
        <translation>Басшының ескертпесі</translation>
    </message>
    <message>
        <source>Photos from the camera</source>
        <translation>Камерадағы фотолар</translation>
    </message>
</context>
<context>
    <name>ConfirmBox</name>
    <message>
        <source>Yes</source>
        <translation>Иә</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Жоқ</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Two versions of one inspection</source>
        <translation>Бір тексерудің екі нұсқасы</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Талап</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Осы ноутбук</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Complies</source>
        <translation>Сәйкес</translation>
    </message>
    <message>
        <source>Violated</source>
        <translation>Сәйкес емес</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Талап етілмейді</translation>
    </message>
    <message>
        <source>The server holds another version of this inspection. Nothing was overwritten. Choose which version to keep.</source>
        <translation>Серверде осы тексерудің басқа нұсқасы бар. Ештеңе қайта жазылған жоқ. Қай нұсқаны қалдыратыныңызды таңдаңыз.</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Осы ноутбуктағы нұсқаны қалдыру</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Сервердегі нұсқаны алу</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Save as PDF</source>
        <translation>PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Алдыңғы бет</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Келесі бет</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Ені бойынша сыйдыру</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Басып шығару</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Language of the documents</source>
        <translation>Құжаттар тілі</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Prepare documents</source>
        <translation>Құжаттарды дайындау</translation>
    </message>
    <message>
        <source>Print all for signature…</source>
        <translation>Қол қоюға басып шығару…</translation>
    </message>
    <message>
        <source>Save all as PDF…</source>
        <translation>Барлығын PDF-ке сақтау…</translation>
    </message>
    <message>
        <source>Signatures on screen</source>
        <translation>Экрандағы қолтаңбалар</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Head / representative</source>
        <translation>Басшы / өкіл</translation>
    </message>
    <message>
        <source>The representative refused to sign (two witnesses)</source>
        <translation>Өкіл қол қоюдан бас тартты (екі куәгер)</translation>
    </message>
    <message>
        <source>Witness %1</source>
        <translation>%1-куәгер</translation>
    </message>
    <message>
        <source>Save signatures</source>
        <translation>Қолтаңбаларды сақтау</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Тазарту</translation>
    </message>
    <message>
        <source>Finalise the inspection to prepare its documents for signature.</source>
        <translation>Құжаттарды қол қоюға дайындау үшін тексеруді аяқтаңыз.</translation>
    </message>
    <message>
        <source>Signatures saved: %1. An empty pad is not a signature.</source>
        <translation>Сақталған қолтаңбалар: %1. Бос алаң қолтаңба болып саналмайды.</translation>
    </message>
    <message>
        <source>Documents ready: %1</source>
        <translation>Дайын құжаттар: %1</translation>
    </message>
    <message>
        <source>Sent to the printer: %1 pages</source>
        <translation>Принтерге жіберілді: %1 бет</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>PDF файлдарына арналған қалта</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>бет саны</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Connect to the server</source>
        <translation>Серверге қосылу</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Сервер мекенжайы</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпия сөз</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Осы ноутбук</translation>
    </message>
    <message>
        <source>Sign in once while online; afterwards you can work offline for as long as needed.</source>
        <translation>Желіде бір рет кіріңіз; содан кейін қанша уақыт болса да желісіз жұмыс істей аласыз.</translation>
    </message>
    <message>
        <source>No network? Carry the records on a USB stick</source>
        <translation>Желі жоқ па? Жазбаларды USB-жинақтағышпен жеткізіңіз</translation>
    </message>
    <message>
        <source>Export for transfer…</source>
        <translation>Тасымалдауға экспорттау…</translation>
    </message>
    <message>
        <source>Import acknowledgement…</source>
        <translation>Растауды импорттау…</translation>
    </message>
    <message>
        <source>Choose the USB stick or a folder</source>
        <translation>USB-жинақтағышты немесе қалтаны таңдаңыз</translation>
    </message>
    <message>
        <source>Choose the server&apos;s acknowledgement</source>
        <translation>Сервердің растауын таңдаңыз</translation>
    </message>
    <message>
        <source>Transfer bundles (*.fibundle)</source>
        <translation>Тасымалдау бумалары (*.fibundle)</translation>
    </message>
    <message>
        <source>Written: %1 (%2 inspections, %3 photos). Take it to the server; they stay here as not synced until its acknowledgement is imported.</source>
        <translation>Жазылды: %1 (%2 тексеріс, %3 фото). Оны серверге жеткізіңіз; растауы импортталғанша олар мұнда жіберілмеген болып сақталады.</translation>
    </message>
    <message>
        <source>%1 photos are missing on this laptop; their inspections will go again.</source>
        <translation>Осы ноутбукта %1 фото жоқ; олардың тексерістері қайта жіберіледі.</translation>
    </message>
    <message>
        <source>Acknowledgement imported: %1 inspections synced, %2 changes received from the server.</source>
        <translation>Растау импортталды: %1 тексеріс синхрондалды, серверден %2 өзгеріс алынды.</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Remove measure</source>
        <translation>Шараны жою</translation>
    </message>
    <message>
        <source>No measure, because:</source>
        <translation>Шара қабылданбады, себебі:</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Бұзушылықтар</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Шаралар</translation>
    </message>
    <message>
        <source>Finalise the inspection</source>
        <translation>Тексеруді аяқтау</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>өрескел</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>елеулі</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>болмашы</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Талап</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Дәрежесі</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Шара</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Мәліметтер</translation>
    </message>
    <message>
        <source>Finalised: the inspection is read-only.</source>
        <translation>Аяқталды: тексеруді енді өзгертуге болмайды.</translation>
    </message>
    <message>
        <source>Finalise the inspection? It becomes read-only: nothing in it can be changed.</source>
        <translation>Тексеруді аяқтайсыз ба? Ол тек оқуға ғана қолжетімді болады: ондағы ештеңені өзгертуге болмайды.</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <source>Discard what you entered?</source>
        <translation>Енгізгеніңізден бас тартасыз ба?</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>finalised</source>
        <translation>аяқталған</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>жоба</translation>
    </message>
    <message>
        <source>◀ Register</source>
        <translation>◀ Тізілім</translation>
    </message>
    <message>
        <source>Returned for rework by the supervisor: %1</source>
        <translation>Басшы пысықтауға қайтарды: %1</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Тексеру парағы</translation>
    </message>
    <message>
        <source>Findings and measures</source>
        <translation>Бұзушылықтар мен шаралар</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <source>act No.</source>
        <translation>акт №</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unavailable</source>
        <translation>Қолжетімсіз</translation>
    </message>
    <message>
        <source>Field Inspector</source>
        <translation>Көшпелі инспектор</translation>
    </message>
    <message>
        <source>Import facilities…</source>
        <translation>Ұйымдарды импорттау…</translation>
    </message>
    <message>
        <source>Server…</source>
        <translation>Сервер…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Қазір синхрондау</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Резервтік көшірмелер…</translation>
    </message>
    <message>
        <source>Facility register</source>
        <translation>Ұйымдар тізілімі</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Тексерулер</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Тексеру парақтары</translation>
    </message>
    <message>
        <source>Planned for me</source>
        <translation>Маған жоспарланған</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>жоба</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>аяқталған</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <source>Act No.</source>
        <translation>Акт №</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <source>conflict: choose a version</source>
        <translation>қайшылық: нұсқаны таңдаңыз</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>сервер қабылдамады</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>пысықтауға қайтарылды</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>бекітілді</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>синхрондалды</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>синхрондалмаған</translation>
    </message>
    <message>
        <source>Not connected to a server: work is kept on this laptop</source>
        <translation>Серверге қосылмаған: жұмыс осы ноутбукта сақталады</translation>
    </message>
    <message>
        <source>%1 inspections and %2 photos waiting</source>
        <translation>Жіберуді күтуде: %1 тексеру және %2 фото</translation>
    </message>
    <message>
        <source>Server not reachable: %1</source>
        <translation>Сервер қолжетімсіз: %1</translation>
    </message>
    <message>
        <source>Server not reachable; nothing waits to be sent</source>
        <translation>Сервер қолжетімсіз; жіберуді күтіп тұрған ештеңе жоқ</translation>
    </message>
    <message>
        <source>Everything is synced</source>
        <translation>Барлығы синхрондалды</translation>
    </message>
    <message>
        <source>%1 need your choice (see Inspections)</source>
        <translation>%1 тексеріс сіздің шешіміңізді күтеді («Тексерулер» қойындысы)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхрондау…</translation>
    </message>
    <message>
        <source>%1 — version %2, %3 questions</source>
        <translation>%1 — %2-нұсқа, %3 сұрақ</translation>
    </message>
    <message>
        <source>retired: only for inspections already made with it</source>
        <translation>қолданыстан шығарылған: тек осы нұсқамен басталған тексерулер үшін</translation>
    </message>
    <message>
        <source>in force from %1</source>
        <translation>%1 бастап күшінде</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Резервтік көшірме жасалуда…</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Кестелер (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Imported rows: %1</source>
        <translation>Импортталған жолдар: %1</translation>
    </message>
    <message>
        <source>Imported: %1, rows with errors: %2</source>
        <translation>Импортталды: %1, қатесі бар жолдар: %2</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Administrative offence protocol</source>
        <translation>Әкімшілік құқық бұзушылық туралы хаттама</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Лауазымы</translation>
    </message>
    <message>
        <source>Order to eliminate violations</source>
        <translation>Бұзушылықтарды жою туралы нұсқама</translation>
    </message>
    <message>
        <source>Measure required</source>
        <translation>Жою үшін қажетті шара</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Ұсыным</translation>
    </message>
    <message>
        <source>How to fix the violation</source>
        <translation>Бұзушылықты қалай жою керек</translation>
    </message>
    <message>
        <source>Disciplinary referral</source>
        <translation>Тәртіптік жауаптылыққа тарту туралы ұсыну</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Лауазымды адам</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Жұмыс беруші</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Негіздемесі</translation>
    </message>
    <message>
        <source>Referral to the competent body</source>
        <translation>Құзыретті органға жолдау</translation>
    </message>
    <message>
        <source>Competent body</source>
        <translation>Құзыретті орган</translation>
    </message>
    <message>
        <source>Addressee (the department&apos;s name)</source>
        <translation>Алушы (департаменттің атауы)</translation>
    </message>
    <message>
        <source>Note to the body</source>
        <translation>Органға қосымша мәлімет</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Housing</source>
        <translation>Тұрғын үй</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Мүлік</translation>
    </message>
    <message>
        <source>Upbringing in a family</source>
        <translation>Отбасында тәрбиелену</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Білім алу</translation>
    </message>
    <message>
        <source>Psychological-pedagogical support</source>
        <translation>Психологиялық-педагогикалық сүйемелдеу</translation>
    </message>
    <message>
        <source>Psychological well-being</source>
        <translation>Психологиялық әл-ауқат</translation>
    </message>
    <message>
        <source>Meals and health</source>
        <translation>Тамақтану және денсаулық</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Қауіпсіздік</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Хаттама</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Нұсқама</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Ұсыным</translation>
    </message>
    <message>
        <source>Disciplinary referral</source>
        <translation>Тәртіптік жауаптылыққа тарту</translation>
    </message>
    <message>
        <source>Referral to the competent body</source>
        <translation>Құзыретті органға жолдау</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Жоспарлы</translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation>Жоспардан тыс</translation>
    </message>
    <message>
        <source>Surprise</source>
        <translation>Кенеттен</translation>
    </message>
    <message>
        <source>Finding {0}</source>
        <translation>Бұзушылық {0}</translation>
    </message>
    <message>
        <source>Finding: {0}</source>
        <translation>Бұзушылық: {0}</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>Control of execution of an order</source>
        <translation>Нұсқаманың орындалуын бақылау</translation>
    </message>
    <message>
        <source>Complaint (incl. 111 contact centre)</source>
        <translation>Шағым (оның ішінде 111 байланыс орталығы арқылы)</translation>
    </message>
    <message>
        <source>Prosecutor&apos;s demand</source>
        <translation>Прокурордың талабы</translation>
    </message>
    <message>
        <source>Request of a state body</source>
        <translation>Мемлекеттік органның өтініші</translation>
    </message>
    <message>
        <source>Media report</source>
        <translation>БАҚ-тағы хабарлама</translation>
    </message>
    <message>
        <source>Instruction of a criminal-prosecution body</source>
        <translation>Қылмыстық қудалау органының тапсырмасы</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Барып тексеру</translation>
    </message>
    <message>
        <source>Desk review</source>
        <translation>Камералдық</translation>
    </message>
    <message>
        <source>I confirm: the act on appointment is not registered, the visit goes ahead without it</source>
        <translation>Растаймын: тағайындау туралы акт тіркелмеген, тексеру онсыз жүргізіледі</translation>
    </message>
    <message>
        <source>Inspectors (name, position in Kazakh / in Russian — one a line)</source>
        <translation>Инспекторлар (аты-жөні, лауазымы қазақша / орысша — әрқайсысы жаңа жолдан)</translation>
    </message>
    <message>
        <source>New inspection</source>
        <translation>Жаңа тексеру</translation>
    </message>
    <message>
        <source>Kind of inspection</source>
        <translation>Тексеру түрі</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Негізі</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Нысаны</translation>
    </message>
    <message>
        <source>Act on appointment No.</source>
        <translation>Тағайындау туралы акт №</translation>
    </message>
    <message>
        <source>Act date</source>
        <translation>Акт күні</translation>
    </message>
    <message>
        <source>Legal-statistics registration No.</source>
        <translation>Құқықтық статистикадағы тіркеу нөмірі</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Тіркелген күні</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Кезеңнің басы</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Кезеңнің соңы</translation>
    </message>
    <message>
        <source>Representative of the organisation</source>
        <translation>Ұйым өкілі</translation>
    </message>
    <message>
        <source>Representative&apos;s position</source>
        <translation>Өкілдің лауазымы</translation>
    </message>
</context>
<context>
    <name>ObjectionsBox</name>
    <message>
        <source>Objections of the inspected subject</source>
        <translation>Тексерілетін субъектінің қарсылықтары</translation>
    </message>
    <message>
        <source>Empty: the act gets blank lines to write them by hand</source>
        <translation>Бос қалса, актіде оларды қолмен жазуға бос жолдар болады</translation>
    </message>
    <message>
        <source>Save objections</source>
        <translation>Қарсылықтарды сақтау</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Құпия сөзді ауыстырыңыз</translation>
    </message>
    <message>
        <source>Your administrator reset the password of “{0}”. Choose a new one to sign in: the server accepts it only then.</source>
        <translation>Әкімші «{0}» пайдаланушысының құпия сөзін қалпына келтірді. Кіру үшін жаңасын таңдаңыз: сервер тек содан кейін кіргізеді.</translation>
    </message>
    <message>
        <source>The new password: at least {0} characters, of at least two kinds (letters, digits, other signs), and not your user name.</source>
        <translation>Жаңа құпия сөз: кемінде {0} таңба, кемінде екі түрлі (әріптер, сандар, басқа белгілер) және пайдаланушы атыңызбен бірдей емес.</translation>
    </message>
    <message>
        <source>Current (temporary) password</source>
        <translation>Ағымдағы (уақытша) құпия сөз</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Жаңа құпия сөз</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Жаңа құпия сөз (қайталаңыз)</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Құпия сөзді ауыстыру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>ProtocolFields</name>
    <message>
        <source>Official (person, IIN)</source>
        <translation>Лауазымды адам (ЖСН)</translation>
    </message>
    <message>
        <source>Legal entity (BIN)</source>
        <translation>Заңды тұлға (БСН)</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Жеке куәлік</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Ықтиярхат</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Small business</source>
        <translation>Шағын кәсіпкерлік</translation>
    </message>
    <message>
        <source>Medium business</source>
        <translation>Орта кәсіпкерлік</translation>
    </message>
    <message>
        <source>Large business</source>
        <translation>Ірі кәсіпкерлік</translation>
    </message>
    <message>
        <source>Non-commercial organisation</source>
        <translation>Коммерциялық емес ұйым</translation>
    </message>
    <message>
        <source>MRP</source>
        <translation>АЕК</translation>
    </message>
    <message>
        <source>Name; address; position — one a line</source>
        <translation>Аты-жөні; мекенжайы; лауазымы — әр жолға біреуден</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Құқық бұзушы</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты-жөні (атауы)</translation>
    </message>
    <message>
        <source>IIN / BIN</source>
        <translation>ЖСН / БСН</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Мекенжайы</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <source>Place of work</source>
        <translation>Жұмыс орны</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Лауазымы</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Жеке басын куәландыратын құжат</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Құжат нөмірі</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Берген орган</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Берілген күні</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Өкіл</translation>
    </message>
    <message>
        <source>Representative&apos;s position</source>
        <translation>Өкілдің лауазымы</translation>
    </message>
    <message>
        <source>Power of attorney No.</source>
        <translation>Сенімхат нөмірі</translation>
    </message>
    <message>
        <source>Power of attorney date</source>
        <translation>Сенімхат күні</translation>
    </message>
    <message>
        <source>Business size</source>
        <translation>Кәсіпкерлік субъектісінің санаты</translation>
    </message>
    <message>
        <source>Bank details</source>
        <translation>Банк деректемелері</translation>
    </message>
    <message>
        <source>Prior administrative penalties</source>
        <translation>Бұрын қолданылған әкімшілік жазалар</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Бап</translation>
    </message>
    <message>
        <source>Sanction of the article</source>
        <translation>Баптың санкциясы</translation>
    </message>
    <message>
        <source>Proposed fine</source>
        <translation>Ұсынылатын айыппұл</translation>
    </message>
    <message>
        <source>In tenge</source>
        <translation>Теңгемен</translation>
    </message>
    <message>
        <source>Date of the offence</source>
        <translation>Құқық бұзушылық күні</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Substance of the offence</source>
        <translation>Құқық бұзушылықтың мәні</translation>
    </message>
    <message>
        <source>Offender&apos;s explanation</source>
        <translation>Құқық бұзушының түсініктемесі</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Куәлар</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Жәбірленушілер</translation>
    </message>
    <message>
        <source>%1–%2 MRP; decided by: %3</source>
        <translation>%1–%2 АЕК; істі қарайды: %3</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>high</source>
        <translation>жоғары</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>орташа</translation>
    </message>
    <message>
        <source>low</source>
        <translation>төмен</translation>
    </message>
    <message>
        <source>Search by name, place, BIN or head — in Kazakh or Russian</source>
        <translation>Атауы, елді мекені, БСН немесе басшысы бойынша іздеу — қазақша не орысша</translation>
    </message>
    <message>
        <source>Special control only</source>
        <translation>Тек ерекше бақылаудағылар</translation>
    </message>
    <message>
        <source>New inspection…</source>
        <translation>Жаңа тексеру…</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Тағы көрсету</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Барлық өңірлер</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Барлық түрлері</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Тәуекел</translation>
    </message>
    <message>
        <source>Special control</source>
        <translation>Ерекше бақылау</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Мектеп</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>Лагерь</translation>
    </message>
    <message>
        <source>Orphans&apos; organisation</source>
        <translation>Жетім балаларға арналған ұйым</translation>
    </message>
    <message>
        <source>Special needs organisation</source>
        <translation>ЕБҚ бар балаларға арналған ұйым</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Барлық аудандар</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Көрсетілгені: %1, барлығы %2</translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation>
            <numerusform>%n ұйым көрсетілді</numerusform>
            <numerusform>%n ұйым көрсетілді</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoredChildDialog</name>
    <message>
        <source>Child whose rights were restored</source>
        <translation>Құқықтары қалпына келтірілген бала</translation>
    </message>
    <message>
        <source>Initials or case number, no full name</source>
        <translation>Аты-жөнінің бас әріптері немесе іс нөмірі, толық аты-жөні емес</translation>
    </message>
    <message>
        <source>Restored by</source>
        <translation>Қалпына келтірген</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Бала</translation>
    </message>
    <message>
        <source>Rights restored</source>
        <translation>Қалпына келтірілген құқықтар</translation>
    </message>
</context>
<context>
    <name>RestoredChildrenBox</name>
    <message>
        <source>Children whose rights were restored</source>
        <translation>Құқықтары қалпына келтірілген балалар</translation>
    </message>
    <message>
        <source>Add child…</source>
        <translation>Бала қосу…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Бала</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Санаттар</translation>
    </message>
    <message>
        <source>Restored by</source>
        <translation>Қалпына келтірген</translation>
    </message>
    <message>
        <source>no reference, No. {0}</source>
        <translation>белгісіз, № {0}</translation>
    </message>
    <message>
        <source>Children in all (each once): {0}</source>
        <translation>Барлық балалар (әрқайсысы бір рет): {0}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Field Inspector — sign in</source>
        <translation>Көшпелі инспектор — кіру</translation>
    </message>
    <message>
        <source>Create your encrypted workspace</source>
        <translation>Шифрланған жұмыс кеңістігін құрыңыз</translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation>Құпия фразаны енгізіңіз</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Position (Kazakh)</source>
        <translation>Лауазымы (қазақша)</translation>
    </message>
    <message>
        <source>Position (Russian)</source>
        <translation>Лауазымы (орысша)</translation>
    </message>
    <message>
        <source>Body (Kazakh)</source>
        <translation>Орган (қазақша)</translation>
    </message>
    <message>
        <source>Body (Russian)</source>
        <translation>Орган (орысша)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <source>Inspector code</source>
        <translation>Инспектор коды</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Құпия фразаны қайталаңыз</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Ең соңғы резервтік көшірмені қалпына келтіру</translation>
    </message>
    <message>
        <source>Opening the workspace… After an update of the app this can take a minute.</source>
        <translation>Жұмыс кеңістігі ашылып жатыр… Қолданба жаңартылғаннан кейін бұл бір минутқа дейін созылуы мүмкін.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Құру</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>The copy is restored; the damaged file was kept as {0}. Enter your passphrase again.</source>
        <translation>Көшірме қалпына келтірілді; зақымдалған файл {0} деген атпен сақталды. Құпия фразаны қайта енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Қолтаңба қоятын алаң</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Осында қол қойыңыз</translation>
    </message>
</context>
</TS>
