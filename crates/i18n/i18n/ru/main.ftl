# Ametijuhend – тексты интерфейса (русский язык)

app-name = Ametijuhend
agency-name = Департамент социального страхования
skip-to-content = Перейти к основному содержанию
footer-text = Реестр должностных инструкций, ролевых карт и должностей. Содержание документов показано так, как оно написано.
nav-label = Главное меню
nav-home = Главная
nav-units = Организация
nav-positions = Должности
nav-role-cards = Ролевые карты
nav-competencies = Компетенции
breadcrumb-label = Вы здесь
language-label = Язык
language-switch = Сменить язык
signed-in-as = Вход выполнен:
logout = Выйти
save = Сохранить
cancel = Отмена
none = Нет.

role-administrator = администратор
role-hr = отдел кадров
role-manager = руководитель
role-staff = сотрудник
role-auditor = аудитор

login-title = Вход
login-intro = Войдите с вашим именем пользователя и паролем.
login-username = Имя пользователя
login-password = Пароль
login-submit = Войти
login-failed = Неверное имя пользователя или пароль. Проверьте введённые данные и попробуйте снова.

error-not-found = Страница не найдена
error-not-found-text = Такой страницы или записи нет. Возможно, она удалена или адрес неверен.
error-forbidden = Действие запрещено
error-forbidden-text = У вашей учётной записи нет на это права.
error-rate-limited = Слишком много неудачных попыток входа
error-rate-limited-text = Для этого имени пользователя за короткое время введено слишком много неверных паролей. Подождите 15 минут и попробуйте снова.
error-method = Этот адрес нельзя открыть таким образом
error-method-text = Этот адрес предназначен для кнопки формы (например, выхода или сохранения). Вернитесь на предыдущую страницу и воспользуйтесь кнопкой там.
error-internal = Что-то пошло не так
error-internal-text = Не удалось прочитать или изменить реестр. Ошибка записана в журнал для администратора; попробуйте позже.
error-reason = Причина:
error-back-home = На главную страницу

denied-no-role = у учётной записи нет ни одной роли.
denied-auditor-reads-only = аудитор видит всё, но ничего не изменяет.
denied-staff-reads-only = роль сотрудника позволяет читать реестр, но не изменять его.
denied-staff-not-own-record = сотрудник видит это только для своей должности.
denied-manager-without-unit = учётной записи руководителя не назначено структурное подразделение.
denied-outside-manager-scope = запись не относится к подразделениям, которыми вы руководите.
denied-outside-read-scope = запись не входит в ту часть реестра, которую может читать ваша учётная запись.
denied-csrf = код безопасности формы отсутствует или устарел. Откройте страницу заново и повторите попытку.

form-has-errors = В форме есть ошибки
error-required = Это поле обязательно.
error-too-long = Текст слишком длинный (не более { $max } знаков).
error-too-many = Слишком много (не более { $max }).
error-choose = Выберите значение из списка.
error-date = Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2024.
error-date-after = Изменение должно начинаться позже { $date } (начала действующей версии).
error-unit-closed = Подразделение закрыто { $date }; закрытое подразделение не переименовывают и не перемещают.
error-parent-cycle = Подразделение нельзя поместить под само себя или под своё подразделение.
error-changed-meanwhile = Кто-то тем временем изменил эту запись; ничего не сохранено. Перезагрузите страницу, просмотрите изменение и внесите своё снова. ({ $detail })
error-refused = Изменение нельзя сохранить: { $detail }
error-nothing-changed = Ничего не изменилось: измените название, вид или вышестоящее подразделение.
error-family-and-level = Семья должностей и уровень указываются вместе.
error-cefr = Выберите уровень владения языком из списка (A1–C2).
error-single-line = Напишите в одну строку, без переводов строки, табуляции и других управляющих символов.
error-control-characters = Удалите из текста невидимые управляющие символы (например, U+0000).

count-units = { $count ->
    [one] { $count } подразделение
    [few] { $count } подразделения
    [many] { $count } подразделений
   *[other] { $count } подразделения
}
count-positions = { $count ->
    [one] { $count } должность
    [few] { $count } должности
    [many] { $count } должностей
   *[other] { $count } должности
}
count-job-descriptions = { $count ->
    [one] { $count } версия должностной инструкции
    [few] { $count } версии должностных инструкций
    [many] { $count } версий должностных инструкций
   *[other] { $count } версии должностных инструкций
}
count-role-cards = { $count ->
    [one] { $count } ролевая карта
    [few] { $count } ролевые карты
    [many] { $count } ролевых карт
   *[other] { $count } ролевой карты
}
count-competencies = { $count ->
    [one] { $count } компетенция
    [few] { $count } компетенции
    [many] { $count } компетенций
   *[other] { $count } компетенции
}

# The same without the number (the number is shown apart, e.g. on the start page's cards).
count-units-noun = { $count ->
    [one] подразделение
    [few] подразделения
    [many] подразделений
   *[other] подразделения
}
count-positions-noun = { $count ->
    [one] должность
    [few] должности
    [many] должностей
   *[other] должности
}
count-job-descriptions-noun = { $count ->
    [one] версия должностной инструкции
    [few] версии должностных инструкций
    [many] версий должностных инструкций
   *[other] версии должностных инструкций
}
count-role-cards-noun = { $count ->
    [one] ролевая карта
    [few] ролевые карты
    [many] ролевых карт
   *[other] ролевой карты
}
count-competencies-noun = { $count ->
    [one] компетенция
    [few] компетенции
    [many] компетенций
   *[other] компетенции
}

home-title = Главная
home-intro = Обзор должностных инструкций, должностей и последних изменений.
home-own-position = Ваша должность:
home-counts = В реестре
home-without-valid = Должности без действующей должностной инструкции
home-without-valid-none = У всех должностей есть действующая должностная инструкция.
home-reviews-due = Должностные инструкции, требующие пересмотра
home-reviews-none = В ближайшие 60 дней пересмотров нет.
home-recent-changes = Последние изменения
home-recent-none = Изменений пока не было.
review-overdue = срок истёк
review-due-soon = срок приближается
search-label = Поиск должности
search-submit = Искать

col-position = Должность
col-unit = Подразделение
col-due = Срок
col-state = Состояние
col-when = Когда
col-who = Кто
col-what = Что сделано
col-record = Запись
col-from = С
col-to = По
col-number = №
col-latest-version = Последняя версия

action-unit-created = подразделение добавлено
action-unit-changed = подразделение изменено
action-position-created = должность добавлена
action-position-changed = должность изменена
action-position-removed = должность удалена
action-job-description-draft-saved = сохранена новая версия должностной инструкции (проект)

units-title = Организация
units-intro = Структурные подразделения и их подразделения с числом должностей в каждом; должности перечислены на странице подразделения.
unit-add = Добавить подразделение
unit-add-sub = Добавить подчинённое подразделение
unit-edit = Изменить подразделение
unit-new-title = Новое подразделение
unit-edit-title = Изменение подразделения «{ $name }»
unit-name = Название
unit-kind = Вид
unit-parent = Вышестоящее подразделение
unit-no-parent = (нет – верхний уровень)
unit-valid-from = Действует с
unit-valid-from-hint-new = Дата в виде ДД.ММ.ГГГГ; можно оставить пустой.
unit-valid-from-hint-edit = Дата в виде ДД.ММ.ГГГГ. Текущая версия заканчивается накануне; история сохраняется.
unit-positions = Должности
unit-sub-units = Подчинённые подразделения
unit-versions = История подразделения
unit-closed-on = закрыто
unit-kind-agency = ведомство
unit-kind-department = отдел
unit-kind-division = служба
unit-kind-team = команда

positions-title = Должности
position-add = Добавить должность
position-edit = Изменить должность
position-new-title = Новая должность
position-edit-title = Изменение должности «{ $title }»
position-title = Название должности
position-specialisation = Уточнение (часть в скобках)
position-staff-group = Группа должности
position-job-family = Семья должностей и уровень
position-job-family-name = Семья должностей
position-job-level = Уровень
position-role-card = Ролевая карта
position-no-role-card = (нет ролевой карты)
position-no-supervisor = (нет непосредственного руководителя)
position-holder = Занимает должность
position-holder-hidden = (видно только для собственной должности)
position-vacant = вакантна
position-supervisor-chain = Цепочка руководителей (начиная с непосредственного)
position-versions = Версии должностной инструкции
position-no-versions = У должности ещё нет должностной инструкции.
position-showing-draft = Действующей должностной инструкции нет; показана последняя версия.
position-remove = Удалить должность
position-remove-refused = Должность не удалена.
position-remove-blocked = Должность нельзя удалить, потому что:
position-remove-has-versions = у неё есть версии должностной инструкции, которые хранятся всегда
position-remove-has-subordinates = ей подчиняются другие должности
position-remove-has-substitutes = она связана с замещениями
position-remove-has-holders = на ней записаны сотрудники
staff-group-official = государственный служащий
staff-group-employee = работник

status-draft = проект
status-in-coordination = на согласовании
status-approved = утверждена
status-signed = подписана
status-in-force = действует
status-superseded = заменена
status-repealed = отменена

jd-heading = Должностная инструкция
jd-version = Версия
jd-saved = Сохранено
jd-effective-from = действует с
jd-approved-by = утверждена
jd-general = Общая часть
jd-title = Название должности
jd-unit = Структурное подразделение
jd-supervisor = Непосредственный руководитель
jd-subordinates = Подчинённые
jd-substituted-by = Кто замещает
jd-substitutes-scope = Должности подразделения { $unit } и вышестоящих подразделений, а также уже связанные с этой должностью
jd-substitutes-for = Кого замещает
jd-purpose = Цель должности
jd-duties = Служебные задачи и ожидаемые результаты
jd-duty = Задача
jd-duty-text = Текст задачи
jd-expected-results = Ожидаемые результаты
jd-expected-result = Ожидаемый результат
jd-rights = Права
jd-responsibilities = Ответственность
jd-work-equipment = Рабочие средства
jd-requirements = Требования к должности
jd-competencies = Компетенции
jd-amendment = Изменение должностной инструкции
jd-special-conditions = Особые условия
jd-substituted-by-as-written = Кто замещает (текст документа)
jd-signature-blocks = Подписывающие
jd-other-requirements = Другие требования
jd-unplaced = Текст, не распределённый при импорте
jd-signed-digitally = подписано цифровой подписью
jd-unplaced-intro = При импорте этот текст исходного документа не удалось отнести ни к одному полю. Он является частью записи и сохраняется в новых версиях; при необходимости перенесите его содержание в нужное поле.
jd-edit-kept-heading = Остаётся без изменений
jd-edit-kept-intro = Редактор не изменяет эти части; новая версия получит их в нынешнем виде. «Кто замещает» записывается заново, только если вы измените выбор заместителей выше.
jd-edit = Изменить должностную инструкцию
jd-edit-title = Изменение должностной инструкции: { $title }
jd-edit-base = Вы изменяете версию { $version }. При сохранении появится новый проект, версия { $next }; прежние версии не изменяются.
jd-edit-first-version = У должности ещё нет должностной инструкции. При сохранении появится первая версия (проект).
jd-back-to-position = Должность
jd-add-duty = Добавить задачу
jd-remove-duty = Удалить задачу
jd-add-result = Добавить ожидаемый результат
jd-remove-result = Удалить ожидаемый результат
jd-move-up = Переместить вверх
jd-move-down = Переместить вниз
jd-conflict-heading = Должностную инструкцию изменили одновременно с вами
jd-conflict = Тем временем кто-то другой сохранил версию { $version }. Ваши изменения не сохранены, и ничего не перезаписано; введённые вами данные сохранены ниже. Просмотрите последнюю версию и сохраните снова, чтобы добавить свои изменения как новую версию.
jd-conflict-see-latest = Посмотреть последнюю версию
jd-saved-notice = Сохранено как новый проект. Прежние версии не изменились.
hint-one-per-line = Каждый пункт на отдельной строке.
version-title = { $title } – версия { $version }

req-education = Образование
req-work-experience = Опыт работы
req-computer-skills = Навыки работы с компьютером
req-knowledge = Знания и навыки
req-personal-qualities = Личные качества
req-languages = Владение языками
req-language = Язык
req-language-name = Язык
req-cefr-level = Уровень (CEFR)
req-language-text = Требование в документе
req-add-language = Добавить требование к языку
req-remove-language = Удалить требование к языку

language-name-any = (возможны разные языки, см. требование)
language-name-et = эстонский
language-name-en = английский
language-name-ru = русский
language-name-de = немецкий
language-name-fi = финский
language-name-fr = французский
language-name-sv = шведский
language-name-lv = латышский
language-name-lt = литовский
language-name-uk = украинский
language-name-es = испанский
language-name-pl = польский

competencies-title = Компетенции
competency-name = Компетенция
competency-indicators = Поведенческие индикаторы
competency-required-by = Должности, которые её требуют
competency-core = основная компетенция
competency-additional = дополнительная компетенция
competency-not-required = не требуется
competency-pick = Выберите компетенции из библиотеки
competency-requirement = Требование

role-cards-title = Ролевые карты
role-cards-intro = Ролевые карты модели сервисного управления, на основе которых написаны должностные инструкции.
role-card = Ролевая карта
role-card-catalogue = Каталог
role-card-revision = редакция
role-card-why = Зачем нужна должность?
role-card-purpose = Цель работы
role-card-benefit = Польза должности
role-card-target-groups = Прямые целевые группы
role-card-competences = Необходимые компетенции
role-card-job-family = Семья должностей
role-card-points = Оценочные баллы
role-card-roles = Роли и их значение
role-card-no-definition = В словаре ролей нет объяснения.
role-card-positions = Должности, написанные по этой ролевой карте

history-link = История изменений
history-title = История изменений: { $name }
history-back = Назад к записи
history-none = Изменения не зарегистрированы.
history-field = Поле
history-before = До
history-after = После
value-yes = да
value-no = нет
