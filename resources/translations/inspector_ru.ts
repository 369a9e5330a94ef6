<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AssignmentsView</name>
    <message>
        <source>No inspections are planned for you.</source>
        <translation>Для вас не запланировано проверок.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Kind of inspection</source>
        <translation>Вид проверки</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начата</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланирована</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>Начать проверку</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Когда сделана</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Сделать копию сейчас</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <source>Keep the last</source>
        <translation>Хранить последних</translation>
    </message>
    <message>
        <source>Also copy to a folder…</source>
        <translation>Копировать также в папку…</translation>
    </message>
    <message>
        <source>Laptop only</source>
        <translation>Только на ноутбуке</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>перед обновлением</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>ежедневно</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>вручную</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>перед восстановлением</translation>
    </message>
    <message>
        <source>A copy also goes to: %1</source>
        <translation>Копия также записывается в: %1</translation>
    </message>
    <message>
        <source>Backups are kept on this laptop only</source>
        <translation>Резервные копии хранятся только на этом ноутбуке</translation>
    </message>
    <message>
        <source>Folder for copies of the backups</source>
        <translation>Папка для копий резервных копий</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Создаётся резервная копия…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Резервная копия сделана: %1</translation>
    </message>
    <message>
        <source>Checking the backup and backing up the current data…</source>
        <translation>Проверяется копия, делается копия текущих данных…</translation>
    </message>
    <message>
        <source>The backup is whole; the current data was backed up first.</source>
        <translation>Копия цела; копия текущих данных сделана заранее.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление резервной копии</translation>
    </message>
    <message>
        <source>The backup will be put in place when the app starts again.</source>
        <translation>Копия будет установлена при следующем запуске программы.</translation>
    </message>
    <message>
        <source>Restore the backup of %1?</source>
        <translation>Восстановить резервную копию от %1?</translation>
    </message>
    <message>
        <source>These inspections have changes not sent to the server; they would be lost:</source>
        <translation>В этих проверках есть изменения, не отправленные на сервер; они будут потеряны:</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…и ещё %1</translation>
    </message>
    <message>
        <source>No work that was not sent to the server would be lost.</source>
        <translation>Работа, не отправленная на сервер, не будет потеряна.</translation>
    </message>
    <message>
        <source>The app will close; the backup is put in place when you start it again and enter the passphrase.</source>
        <translation>Программа закроется; копия будет установлена, когда вы снова запустите её и введёте парольную фразу.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Close the message</source>
        <translation>Закрыть сообщение</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>The supervisor left a comment on this item.</source>
        <translation>Руководитель оставил замечание к этому пункту.</translation>
    </message>
    <message>
        <source>photos: %1</source>
        <translation>фото: %1</translation>
    </message>
    <message>
        <source>This violation needs photo evidence: add a photo.</source>
        <translation>Для этого нарушения нужна фотофиксация: добавьте фото.</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Complies  [1]</source>
        <translation>Соответствует  [1]</translation>
    </message>
    <message>
        <source>Violated  [2]</source>
        <translation>Не соответствует  [2]</translation>
    </message>
    <message>
        <source>Not applicable  [3]</source>
        <translation>Не требуется  [3]</translation>
    </message>
    <message>
        <source>Note  [Tab]</source>
        <translation>Примечание  [Tab]</translation>
    </message>
    <message>
        <source>Tab: next field · Esc: back to the list</source>
        <translation>Tab: следующее поле · Esc: назад к списку</translation>
    </message>
    <message>
        <source>⚠ This violation needs photo evidence: add a photo.</source>
        <translation>⚠ Для этого нарушения нужна фотофиксация: добавьте фото.</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Добавить фото…</translation>
    </message>
    <message>
        <source>From camera…</source>
        <translation>С камеры…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Заменить…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Предыдущее требование</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Следующее требование</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Требования проверочного листа</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Photos of the item</source>
        <translation>Фото по требованию</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>Отвечено: %1 из %2</translation>
    </message>
    <message>
        <source>If violated: %1</source>
        <translation>Степень нарушения: %1</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>грубое</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>значительное</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>незначительное</translation>
    </message>
    <message>
        <source>Photo evidence</source>
        <translation>Фотофиксация</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Удалить фото</translation>
    </message>
    <message>
        <source>Remove this photo from the inspection? It cannot be brought back.</source>
        <translation>Удалить это фото из проверки? Вернуть его будет нельзя.</translation>
    </message>
    <message>
        <source>Photo to put in its place</source>
        <translation>Фото, которое встанет на его место</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Изображения (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The supervisor&apos;s comment: %1</source>
        <translation>Замечание руководителя: %1</translation>
    </message>
    <message>
        <source>The supervisor&apos;s comment</source>
        <translation>Замечание руководителя</translation>
    </message>
    <message>
        <source>Photos from the camera</source>
        <translation>Фото с камеры</translation>
    </message>
</context>
<context>
    <name>ConfirmBox</name>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Two versions of one inspection</source>
        <translation>Две версии одной проверки</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Требование</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Этот ноутбук</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Complies</source>
        <translation>Соответствует</translation>
    </message>
    <message>
        <source>Violated</source>
        <translation>Не соответствует</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <source>The server holds another version of this inspection. Nothing was overwritten. Choose which version to keep.</source>
        <translation>На сервере другая версия этой проверки. Ничего не перезаписано. Выберите, какую версию оставить.</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Оставить версию этого ноутбука</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Взять версию сервера</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить как PDF</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Language of the documents</source>
        <translation>Язык документов</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Prepare documents</source>
        <translation>Подготовить документы</translation>
    </message>
    <message>
        <source>Print all for signature…</source>
        <translation>Печать на подпись…</translation>
    </message>
    <message>
        <source>Save all as PDF…</source>
        <translation>Сохранить все в PDF…</translation>
    </message>
    <message>
        <source>Signatures on screen</source>
        <translation>Подписи на экране</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Head / representative</source>
        <translation>Руководитель / представитель</translation>
    </message>
    <message>
        <source>The representative refused to sign (two witnesses)</source>
        <translation>Представитель отказался от подписи (два свидетеля)</translation>
    </message>
    <message>
        <source>Witness %1</source>
        <translation>Свидетель %1</translation>
    </message>
    <message>
        <source>Save signatures</source>
        <translation>Сохранить подписи</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Finalise the inspection to prepare its documents for signature.</source>
        <translation>Завершите проверку, чтобы подготовить документы на подпись.</translation>
    </message>
    <message>
        <source>Signatures saved: %1. An empty pad is not a signature.</source>
        <translation>Сохранено подписей: %1. Пустое поле не считается подписью.</translation>
    </message>
    <message>
        <source>Documents ready: %1</source>
        <translation>Готово документов: %1</translation>
    </message>
    <message>
        <source>Sent to the printer: %1 pages</source>
        <translation>Отправлено на печать страниц: %1</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Папка для PDF-файлов</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>страниц</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Connect to the server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Этот ноутбук</translation>
    </message>
    <message>
        <source>Sign in once while online; afterwards you can work offline for as long as needed.</source>
        <translation>Войдите один раз, пока есть связь; потом можно работать без сети сколько угодно.</translation>
    </message>
    <message>
        <source>No network? Carry the records on a USB stick</source>
        <translation>Нет сети? Перенесите записи на USB-накопителе</translation>
    </message>
    <message>
        <source>Export for transfer…</source>
        <translation>Экспорт для переноса…</translation>
    </message>
    <message>
        <source>Import acknowledgement…</source>
        <translation>Импорт подтверждения…</translation>
    </message>
    <message>
        <source>Choose the USB stick or a folder</source>
        <translation>Выберите USB-накопитель или папку</translation>
    </message>
    <message>
        <source>Choose the server&apos;s acknowledgement</source>
        <translation>Выберите подтверждение сервера</translation>
    </message>
    <message>
        <source>Transfer bundles (*.fibundle)</source>
        <translation>Пакеты переноса (*.fibundle)</translation>
    </message>
    <message>
        <source>Written: %1 (%2 inspections, %3 photos). Take it to the server; they stay here as not synced until its acknowledgement is imported.</source>
        <translation>Записано: %1 (проверок: %2, фото: %3). Доставьте файл на сервер; до импорта подтверждения они остаются здесь неотправленными.</translation>
    </message>
    <message>
        <source>%1 photos are missing on this laptop; their inspections will go again.</source>
        <translation>На этом ноутбуке нет фото: %1; их проверки будут отправлены ещё раз.</translation>
    </message>
    <message>
        <source>Acknowledgement imported: %1 inspections synced, %2 changes received from the server.</source>
        <translation>Подтверждение импортировано: синхронизировано проверок: %1, получено изменений с сервера: %2.</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Remove measure</source>
        <translation>Удалить меру</translation>
    </message>
    <message>
        <source>No measure, because:</source>
        <translation>Мера не принята, так как:</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Меры</translation>
    </message>
    <message>
        <source>Finalise the inspection</source>
        <translation>Завершить проверку</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>грубое</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>значительное</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>незначительное</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Требование</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Степень</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Мера</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Finalised: the inspection is read-only.</source>
        <translation>Завершена: проверку больше нельзя изменить.</translation>
    </message>
    <message>
        <source>Finalise the inspection? It becomes read-only: nothing in it can be changed.</source>
        <translation>Завершить проверку? Она станет доступна только для чтения: ничего в ней изменить будет нельзя.</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <source>Discard what you entered?</source>
        <translation>Отказаться от введённых данных?</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>finalised</source>
        <translation>завершена</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>◀ Register</source>
        <translation>◀ Реестр</translation>
    </message>
    <message>
        <source>Returned for rework by the supervisor: %1</source>
        <translation>Возвращено руководителем на доработку: %1</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Проверочный лист</translation>
    </message>
    <message>
        <source>Findings and measures</source>
        <translation>Нарушения и меры</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
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
        <translation>Недоступен</translation>
    </message>
    <message>
        <source>Field Inspector</source>
        <translation>Выездной инспектор</translation>
    </message>
    <message>
        <source>Import facilities…</source>
        <translation>Импорт организаций…</translation>
    </message>
    <message>
        <source>Server…</source>
        <translation>Сервер…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Резервные копии…</translation>
    </message>
    <message>
        <source>Facility register</source>
        <translation>Реестр организаций</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Проверочные листы</translation>
    </message>
    <message>
        <source>Planned for me</source>
        <translation>Запланировано мне</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>завершена</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Act No.</source>
        <translation>№ акта</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>conflict: choose a version</source>
        <translation>конфликт: выберите версию</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>отклонено сервером</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>возвращена на доработку</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждена</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>синхронизирована</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>не синхронизирована</translation>
    </message>
    <message>
        <source>Not connected to a server: work is kept on this laptop</source>
        <translation>Нет подключения к серверу: работа хранится на этом ноутбуке</translation>
    </message>
    <message>
        <source>%1 inspections and %2 photos waiting</source>
        <translation>Ожидают отправки: проверок — %1, фото — %2</translation>
    </message>
    <message>
        <source>Server not reachable: %1</source>
        <translation>Сервер недоступен: %1</translation>
    </message>
    <message>
        <source>Server not reachable; nothing waits to be sent</source>
        <translation>Сервер недоступен; отправлять нечего</translation>
    </message>
    <message>
        <source>Everything is synced</source>
        <translation>Всё синхронизировано</translation>
    </message>
    <message>
        <source>%1 need your choice (see Inspections)</source>
        <translation>Проверок, ждущих вашего решения: %1 (вкладка «Проверки»)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>%1 — version %2, %3 questions</source>
        <translation>%1 — версия %2, вопросов: %3</translation>
    </message>
    <message>
        <source>retired: only for inspections already made with it</source>
        <translation>выведена из употребления: только для уже начатых по ней проверок</translation>
    </message>
    <message>
        <source>in force from %1</source>
        <translation>действует с %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Создаётся резервная копия…</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Таблицы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Imported rows: %1</source>
        <translation>Импортировано строк: %1</translation>
    </message>
    <message>
        <source>Imported: %1, rows with errors: %2</source>
        <translation>Импортировано: %1, строк с ошибками: %2</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Administrative offence protocol</source>
        <translation>Протокол об административном правонарушении</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Order to eliminate violations</source>
        <translation>Предписание об устранении нарушений</translation>
    </message>
    <message>
        <source>Measure required</source>
        <translation>Необходимая мера по устранению</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <source>How to fix the violation</source>
        <translation>Как устранить нарушение</translation>
    </message>
    <message>
        <source>Disciplinary referral</source>
        <translation>Представление о привлечении к дисциплинарной ответственности</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Должностное лицо</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Работодатель</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <source>Referral to the competent body</source>
        <translation>Передача по подведомственности</translation>
    </message>
    <message>
        <source>Competent body</source>
        <translation>Компетентный орган</translation>
    </message>
    <message>
        <source>Addressee (the department&apos;s name)</source>
        <translation>Адресат (наименование департамента)</translation>
    </message>
    <message>
        <source>Note to the body</source>
        <translation>Дополнительные сведения для органа</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Housing</source>
        <translation>Жилище</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Имущество</translation>
    </message>
    <message>
        <source>Upbringing in a family</source>
        <translation>Воспитание в семье</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Psychological-pedagogical support</source>
        <translation>Психолого-педагогическое сопровождение</translation>
    </message>
    <message>
        <source>Psychological well-being</source>
        <translation>Психологическое благополучие</translation>
    </message>
    <message>
        <source>Meals and health</source>
        <translation>Питание и здоровье</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Безопасность</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Предписание</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <source>Disciplinary referral</source>
        <translation>Дисциплинарное представление</translation>
    </message>
    <message>
        <source>Referral to the competent body</source>
        <translation>Передача по подведомственности</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Плановая</translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation>Внеплановая</translation>
    </message>
    <message>
        <source>Surprise</source>
        <translation>Внезапная</translation>
    </message>
    <message>
        <source>Finding {0}</source>
        <translation>Нарушение {0}</translation>
    </message>
    <message>
        <source>Finding: {0}</source>
        <translation>Нарушение: {0}</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>Control of execution of an order</source>
        <translation>Контроль исполнения предписания</translation>
    </message>
    <message>
        <source>Complaint (incl. 111 contact centre)</source>
        <translation>Жалоба (в том числе через контакт-центр 111)</translation>
    </message>
    <message>
        <source>Prosecutor&apos;s demand</source>
        <translation>Требование прокурора</translation>
    </message>
    <message>
        <source>Request of a state body</source>
        <translation>Обращение государственного органа</translation>
    </message>
    <message>
        <source>Media report</source>
        <translation>Сообщение в СМИ</translation>
    </message>
    <message>
        <source>Instruction of a criminal-prosecution body</source>
        <translation>Поручение органа уголовного преследования</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Выездная</translation>
    </message>
    <message>
        <source>Desk review</source>
        <translation>Камеральная</translation>
    </message>
    <message>
        <source>I confirm: the act on appointment is not registered, the visit goes ahead without it</source>
        <translation>Подтверждаю: акт о назначении не зарегистрирован, проверка проводится без регистрации</translation>
    </message>
    <message>
        <source>Inspectors (name, position in Kazakh / in Russian — one a line)</source>
        <translation>Инспекторы (ФИО, должность на казахском / на русском — каждый с новой строки)</translation>
    </message>
    <message>
        <source>New inspection</source>
        <translation>Новая проверка</translation>
    </message>
    <message>
        <source>Kind of inspection</source>
        <translation>Вид проверки</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Act on appointment No.</source>
        <translation>№ акта о назначении</translation>
    </message>
    <message>
        <source>Act date</source>
        <translation>Дата акта</translation>
    </message>
    <message>
        <source>Legal-statistics registration No.</source>
        <translation>№ регистрации в правовой статистике</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Дата регистрации</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Период с</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Период по</translation>
    </message>
    <message>
        <source>Representative of the organisation</source>
        <translation>Представитель организации</translation>
    </message>
    <message>
        <source>Representative&apos;s position</source>
        <translation>Должность представителя</translation>
    </message>
</context>
<context>
    <name>ObjectionsBox</name>
    <message>
        <source>Objections of the inspected subject</source>
        <translation>Возражения проверяемого субъекта</translation>
    </message>
    <message>
        <source>Empty: the act gets blank lines to write them by hand</source>
        <translation>Если пусто, в акте будут пустые строки, чтобы вписать их от руки</translation>
    </message>
    <message>
        <source>Save objections</source>
        <translation>Сохранить возражения</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Смените пароль</translation>
    </message>
    <message>
        <source>Your administrator reset the password of “{0}”. Choose a new one to sign in: the server accepts it only then.</source>
        <translation>Администратор сбросил пароль пользователя «{0}». Чтобы войти, выберите новый: только тогда сервер вас впустит.</translation>
    </message>
    <message>
        <source>The new password: at least {0} characters, of at least two kinds (letters, digits, other signs), and not your user name.</source>
        <translation>Новый пароль: не меньше {0} символов, минимум двух видов (буквы, цифры, другие знаки), и не совпадает с именем пользователя.</translation>
    </message>
    <message>
        <source>Current (temporary) password</source>
        <translation>Текущий (временный) пароль</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Новый пароль ещё раз</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
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
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ProtocolFields</name>
    <message>
        <source>Official (person, IIN)</source>
        <translation>Должностное лицо (ИИН)</translation>
    </message>
    <message>
        <source>Legal entity (BIN)</source>
        <translation>Юридическое лицо (БИН)</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Удостоверение личности</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Вид на жительство</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Small business</source>
        <translation>Малое предпринимательство</translation>
    </message>
    <message>
        <source>Medium business</source>
        <translation>Среднее предпринимательство</translation>
    </message>
    <message>
        <source>Large business</source>
        <translation>Крупное предпринимательство</translation>
    </message>
    <message>
        <source>Non-commercial organisation</source>
        <translation>Некоммерческая организация</translation>
    </message>
    <message>
        <source>MRP</source>
        <translation>МРП</translation>
    </message>
    <message>
        <source>Name; address; position — one a line</source>
        <translation>ФИО; адрес; должность — по одному в строке</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Нарушитель</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО (наименование)</translation>
    </message>
    <message>
        <source>IIN / BIN</source>
        <translation>ИИН / БИН</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Place of work</source>
        <translation>Место работы</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Документ, удостоверяющий личность</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Кем выдан</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <source>Representative&apos;s position</source>
        <translation>Должность представителя</translation>
    </message>
    <message>
        <source>Power of attorney No.</source>
        <translation>Номер доверенности</translation>
    </message>
    <message>
        <source>Power of attorney date</source>
        <translation>Дата доверенности</translation>
    </message>
    <message>
        <source>Business size</source>
        <translation>Категория субъекта предпринимательства</translation>
    </message>
    <message>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <source>Prior administrative penalties</source>
        <translation>Ранее наложенные административные взыскания</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>Sanction of the article</source>
        <translation>Санкция статьи</translation>
    </message>
    <message>
        <source>Proposed fine</source>
        <translation>Предлагаемый штраф</translation>
    </message>
    <message>
        <source>In tenge</source>
        <translation>В тенге</translation>
    </message>
    <message>
        <source>Date of the offence</source>
        <translation>Дата правонарушения</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Substance of the offence</source>
        <translation>Существо правонарушения</translation>
    </message>
    <message>
        <source>Offender&apos;s explanation</source>
        <translation>Объяснение нарушителя</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Свидетели</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Потерпевшие</translation>
    </message>
    <message>
        <source>%1–%2 MRP; decided by: %3</source>
        <translation>%1–%2 МРП; дело рассматривает: %3</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>high</source>
        <translation>высокая</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>средняя</translation>
    </message>
    <message>
        <source>low</source>
        <translation>низкая</translation>
    </message>
    <message>
        <source>Search by name, place, BIN or head — in Kazakh or Russian</source>
        <translation>Поиск по наименованию, населённому пункту, БИН или руководителю — на казахском или русском</translation>
    </message>
    <message>
        <source>Special control only</source>
        <translation>Только на особом контроле</translation>
    </message>
    <message>
        <source>New inspection…</source>
        <translation>Новая проверка…</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Показать ещё</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Все регионы</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Нас. пункт</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Риск</translation>
    </message>
    <message>
        <source>Special control</source>
        <translation>Особый контроль</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Школа</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>Лагерь</translation>
    </message>
    <message>
        <source>Orphans&apos; organisation</source>
        <translation>Организация для детей-сирот</translation>
    </message>
    <message>
        <source>Special needs organisation</source>
        <translation>Организация для детей с ООП</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Все районы</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Показано %1 из %2</translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation>
            <numerusform>Показана %n организация</numerusform>
            <numerusform>Показаны %n организации</numerusform>
            <numerusform>Показано %n организаций</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoredChildDialog</name>
    <message>
        <source>Child whose rights were restored</source>
        <translation>Ребёнок, права которого восстановлены</translation>
    </message>
    <message>
        <source>Initials or case number, no full name</source>
        <translation>Инициалы или номер дела, без полного имени</translation>
    </message>
    <message>
        <source>Restored by</source>
        <translation>Чем восстановлены</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Rights restored</source>
        <translation>Восстановленные права</translation>
    </message>
</context>
<context>
    <name>RestoredChildrenBox</name>
    <message>
        <source>Children whose rights were restored</source>
        <translation>Дети, права которых восстановлены</translation>
    </message>
    <message>
        <source>Add child…</source>
        <translation>Добавить ребёнка…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Restored by</source>
        <translation>Чем восстановлены</translation>
    </message>
    <message>
        <source>no reference, No. {0}</source>
        <translation>без обозначения, № {0}</translation>
    </message>
    <message>
        <source>Children in all (each once): {0}</source>
        <translation>Всего детей (каждый один раз): {0}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Field Inspector — sign in</source>
        <translation>Выездной инспектор — вход</translation>
    </message>
    <message>
        <source>Create your encrypted workspace</source>
        <translation>Создайте зашифрованное рабочее пространство</translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation>Введите парольную фразу</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Position (Kazakh)</source>
        <translation>Должность (на казахском)</translation>
    </message>
    <message>
        <source>Position (Russian)</source>
        <translation>Должность (на русском)</translation>
    </message>
    <message>
        <source>Body (Kazakh)</source>
        <translation>Орган (на казахском)</translation>
    </message>
    <message>
        <source>Body (Russian)</source>
        <translation>Орган (на русском)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Inspector code</source>
        <translation>Код инспектора</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Повторите парольную фразу</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Восстановить последнюю резервную копию</translation>
    </message>
    <message>
        <source>Opening the workspace… After an update of the app this can take a minute.</source>
        <translation>Открываем рабочее пространство… После обновления приложения это может занять до минуты.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>The copy is restored; the damaged file was kept as {0}. Enter your passphrase again.</source>
        <translation>Копия восстановлена; повреждённый файл сохранён как {0}. Введите парольную фразу ещё раз.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Поле для подписи</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Подпишите здесь</translation>
    </message>
</context>
</TS>
