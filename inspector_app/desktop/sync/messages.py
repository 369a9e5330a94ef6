"""What the sync client tells the inspector, in Kazakh, Russian and English."""

from __future__ import annotations

from inspector_app.core.domain.errors import register_messages

SAFE_KK = " Жұмысыңыз осы ноутбукта сақталған."
SAFE_RU = " Ваша работа сохранена на этом ноутбуке."
SAFE_EN = " Your work is safe on this laptop."

register_messages(
    {
        "sync.offline": {
            "kk": "Сервер қолжетімсіз." + SAFE_KK + " Желі пайда болғанда синхрондау өзі басталады.",
            "ru": "Сервер недоступен." + SAFE_RU + " Синхронизация начнётся сама, когда появится связь.",
            "en": "The server is not reachable."
            + SAFE_EN
            + " Sync starts by itself when the network is back.",
        },
        "sync.server_unavailable": {
            "kk": "Сервер уақытша жауап бере алмай тұр." + SAFE_KK + " Кейінірек қайталанады.",
            "ru": "Сервер временно не может ответить." + SAFE_RU + " Повторим позже.",
            "en": "The server cannot answer right now." + SAFE_EN + " It will be retried later.",
        },
        "sync.new_version": {
            "kk": "Бағдарламаның жаңа нұсқасы {version} шықты. Оны мына жерден алыңыз: {url}",
            "ru": "Вышла новая версия программы {version}. Её можно получить здесь: {url}",
            "en": "A new version {version} of the app is available. Get it from: {url}",
        },
        "sync.not_enrolled": {
            "kk": "Бұл ноутбук серверге әлі тіркелмеген. Желіге қосылып, бір рет кіріңіз.",
            "ru": "Этот ноутбук ещё не подключён к серверу. Подключитесь к сети и войдите один раз.",
            "en": "This laptop is not enrolled with the server yet. Go online and sign in once.",
        },
        "sync.reenrol": {
            "kk": "Бұл ноутбуктың серверге кіру рұқсаты жарамсыз (мерзімі өтті немесе кері қайтарылды)."
            + SAFE_KK
            + " Желіде қайта кіріңіз.",
            "ru": "Доступ этого ноутбука к серверу больше не действует (истёк или отозван)."
            + SAFE_RU
            + " Войдите заново, когда будете в сети.",
            "en": "This laptop's access to the server is no longer valid (expired or revoked)."
            + SAFE_EN
            + " Sign in again while online.",
        },
        "sync.bad_credentials": {
            "kk": "Пайдаланушы аты немесе құпия сөз қате.",
            "ru": "Неверное имя пользователя или пароль.",
            "en": "The user name or password is wrong.",
        },
        "sync.deactivated": {
            "kk": "Сіздің есептік жазбаңыз сөндірілген; синхрондау тоқтады."
            + SAFE_KK
            + " Әкімшіге хабарласыңыз.",
            "ru": "Ваша учётная запись отключена; синхронизация остановлена."
            + SAFE_RU
            + " Обратитесь к администратору.",
            "en": "Your account was deactivated; sync has stopped."
            + SAFE_EN
            + " Contact your administrator.",
        },
        "sync.password_change_required": {
            "kk": "Әкімші құпия сөзіңізді қалпына келтірді. Кірмес бұрын оны жаңа құпия сөзге ауыстырыңыз.",
            "ru": "Администратор сбросил ваш пароль. Перед входом смените его на новый.",
            "en": "Your administrator reset your password. Change it to a new one before signing in.",
        },
        "sync.weak_password": {
            "kk": "Құпия сөз тым әлсіз: кемінде 10 таңба, әріптер мен сандар (немесе басқа белгілер) "
            "аралас болсын және пайдаланушы атымен бірдей болмасын.",
            "ru": "Пароль слишком простой: не меньше 10 символов, буквы вместе с цифрами (или другими "
            "знаками), и не совпадать с именем пользователя.",
            "en": "The password is too weak: at least 10 characters, letters mixed with digits (or other "
            "signs), and not the user name.",
        },
        "sync.throttled": {
            "kk": "Кіру әрекеттері тым көп. {seconds} секундтан кейін қайталаңыз.",
            "ru": "Слишком много попыток входа. Повторите через {seconds} с.",
            "en": "Too many sign-in attempts. Try again in {seconds} s.",
        },
        "sync.too_large": {
            "kk": "Сервер тым үлкен деректерді қабылдамады." + SAFE_KK + " Әкімшіге хабарлаңыз.",
            "ru": "Сервер не принял слишком большой объём данных." + SAFE_RU + " Сообщите администратору.",
            "en": "The server refused data that is too large." + SAFE_EN + " Tell your administrator.",
        },
        "inspector_app.core.protocol": {
            "kk": "Бағдарлама нұсқасы серверге сәйкес келмейді. Бағдарламаны жаңартыңыз." + SAFE_KK,
            "ru": "Версия программы не подходит к серверу. Обновите программу." + SAFE_RU,
            "en": "This version of the program does not match the server. Update the program." + SAFE_EN,
        },
        "sync.forbidden": {
            "kk": "Сіздің рөліңіз немесе өңіріңіз бұл әрекетке рұқсат бермейді.",
            "ru": "Ваша роль или регион не позволяет это действие.",
            "en": "Your role or region does not allow this action.",
        },
        "sync.unexpected": {
            "kk": "Синхрондау күтпеген қатемен тоқтады."
            + SAFE_KK
            + " Кейінірек қайталаңыз немесе әкімшіге хабарлаңыз.",
            "ru": "Синхронизация остановилась из-за непредвиденной ошибки."
            + SAFE_RU
            + " Повторите позже или сообщите администратору.",
            "en": "Sync stopped on an unexpected error." + SAFE_EN + " Try later or tell your administrator.",
        },
        "sync.conflict": {
            "kk": "«{record}» тексерісі серверде басқаша өзгертілген. Екі нұсқа да сақталды; қайсысын қалдыру керегін таңдаңыз.",
            "ru": "Проверка «{record}» на сервере изменена иначе. Обе версии сохранены; выберите, какую оставить.",
            "en": "Inspection “{record}” was changed differently on the server. Both versions are kept; choose which to keep.",
        },
        "sync.finalised_on_server": {
            "kk": "«{record}» тексерісі серверде аяқталған, оны өзгертуге болмайды. Сіздің нұсқаңыз сақталды.",
            "ru": "Проверка «{record}» на сервере завершена и не может быть изменена. Ваша версия сохранена.",
            "en": "Inspection “{record}” is finalised on the server and cannot be changed. Your version is kept.",
        },
        "sync.rejected": {
            "kk": "Сервер «{record}» тексерісін қабылдамады: {reason}. Тексеріс осы ноутбукта сақталды.",
            "ru": "Сервер не принял проверку «{record}»: {reason}. Проверка сохранена на этом ноутбуке.",
            "en": "The server did not accept inspection “{record}”: {reason}. It is kept on this laptop.",
        },
        "sync.photo_missing": {
            "kk": "«{record}» тексерісінің фотосы осы ноутбукта табылмады; тексеріс толық жіберілмеді.",
            "ru": "Фото проверки «{record}» не найдено на этом ноутбуке; проверка отправлена не полностью.",
            "en": "A photo of inspection “{record}” is missing on this laptop; it was not sent completely.",
        },
    }
)
