# UI strings of the workflow pages (ru). Keys in all three languages (et, en, ru).

wf-heading = Жизненный цикл
wf-status = Состояние
wf-sign-offs = Согласования
wf-signed-off = { $party }: { $by }, { $at }
wf-history = История действий
wf-history-none = Действий ещё не было.
wf-capacity = В качестве
wf-comment = Комментарий или причина
wf-comment-optional = Комментарий (необязательно)
wf-actions = Что вы можете сделать
wf-no-actions = Сейчас у вашей учётной записи нет действий с этой версией.
wf-done = Выполнено: { $action }.
wf-back = Назад к версии
wf-nothing-written = Ничего не изменено.
wf-refused-title = Действие не разрешено
wf-compare-previous = Сравнить с предыдущей версией
wf-return-comment = Что изменить (обязательно)
wf-repeal-reason = Причина отмены (обязательно)
wf-consent-date = Дата согласия
wf-acknowledge-date = Дата ознакомления
wf-directive = Утверждающий приказ
wf-directive-number = Номер приказа
wf-directive-date = Дата приказа
wf-directive-annex = Номер приложения
wf-effective-from = Действует с
wf-effective-from-hint = Если не заполнено, действует с даты приказа; может быть и раньше (с обратной силой).
wf-error-annex = Номер приложения должен быть целым числом не меньше 1.
wf-error-action = Неизвестное действие.
wf-edit-refused = Версия { $version } – { $status }: её нельзя изменить. Изменять можно только проект – верните версию в проект с комментарием и затем измените её.

wf-consent-heading = Правило согласия
wf-consent-needed = требуется согласие служащего
wf-agreement-needed = требуется соглашение с работником
wf-consent-not-needed = согласие не требуется
wf-consent-against = по сравнению с действующим документом:
wf-consent-first = первый документ должности
wf-consent-other = Изменения, не требующие согласия:
wf-consent-recorded = Согласие дано { $date } (отметил { $by }).
wf-consent-kind-consent = согласие служащего
wf-consent-kind-agreement = соглашение с работником
wf-reason-purpose-changed = изменилась цель должности (осталось { $percent } % слов)
wf-reason-purpose-reworded = цель должности переформулирована (осталось { $percent } % слов)
wf-reason-duty-added = добавлена задача { $number }: { $text }
wf-reason-duty-removed = удалена задача { $number }: { $text }
wf-reason-duty-changed = задача { $number } изменилась по существу (осталось { $percent } % слов)
wf-reason-duty-reworded = задача { $number } переформулирована (осталось { $percent } % слов)
wf-reason-results-changed = изменились ожидаемые результаты задачи { $number }
wf-reason-volume-grown = объём задач вырос { $before } → { $after } (более чем на { $threshold } %)

wf-action-submit = Отправить на согласование
wf-action-sign-off-as-supervisor = Согласовать как руководитель
wf-action-sign-off-as-hr = Согласовать как отдел кадров
wf-action-return = Вернуть в проект
wf-action-record-consent = Отметить согласие
wf-action-approve = Утвердить приказом
wf-action-acknowledge = Отметить ознакомление
wf-action-put-in-force = Ввести в действие
wf-action-supersede = Заменена более новой версией
wf-action-repeal = Отменить
wf-capacity-supervisor = непосредственный руководитель
wf-capacity-hr = отдел кадров
wf-capacity-holder = занимающий должность
wf-capacity-administrator = администратор
wf-party-supervisor = непосредственный руководитель
wf-party-hr = отдел кадров

wf-refused-wrong-status = Действие «{ $action }» невозможно: версия в состоянии «{ $status }»; оно возможно, только когда версия в состоянии «{ $allowed }».
wf-refused-not-permitted = У вашей учётной записи нет права на действие «{ $action }».
wf-refused-already-signed-off = { $party } уже согласовал(а) ({ $by }, { $at }).
wf-refused-same-person-signs-twice = Вы уже согласовали как { $party }: согласования руководителя и отдела кадров должны дать два разных человека.
wf-refused-comment-required = Для действия «{ $action }» напишите комментарий или причину.
wf-refused-content-incomplete = Проект не готов: { $problems }
wf-refused-coordination-incomplete = Утвердить нельзя: согласование не завершено; ещё не согласовали: { $missing }.
wf-refused-consent-not-assessed = Изменения не сравнивались с действующим документом (правило согласия).
wf-refused-consent-missing = Утвердить нельзя: требуется { $kind }, но оно не отмечено. Причина: { $reasons }
wf-refused-consent-stale = Утвердить нельзя: отмеченное согласие дано на другие изменения; отметьте согласие заново.
wf-refused-consent-not-needed = Согласие отметить нельзя: изменения этой версии не требуют согласия.
wf-refused-directive-incomplete = Утвердить нельзя: { $problem }
wf-refused-date-in-future = Дата { $date } в будущем (сегодня { $today }).
wf-refused-date-before-approval = Дата { $date } раньше утверждения ({ $approved }).
wf-refused-no-effective-date = Ввести в действие нельзя: у версии нет даты начала действия; сначала утвердите её приказом.
wf-refused-not-yet-effective = Ввести в действие нельзя: версия действует только с { $date } (сегодня { $today }).
wf-refused-not-acknowledged = Ввести в действие нельзя: занимающий должность не ознакомлен с версией; сначала отметьте ознакомление (без него вводится только версия вакантной должности).
wf-refused-older-than-in-force = Ввести в действие нельзя: версия { $version } старше действующей версии { $inforce }.
wf-refused-successor-invalid = Заменить нельзя: { $problem }
wf-refused-stale = Версия тем временем изменилась (была «{ $expected }», теперь «{ $found }»); обновите страницу.
wf-refused-changed = Кто-то другой тем временем изменил версию; ничего не сохранено. Обновите страницу и повторите.

action-job-description-submit = должностная инструкция отправлена на согласование
action-job-description-sign-off-as-supervisor = руководитель согласовал должностную инструкцию
action-job-description-sign-off-as-hr = отдел кадров согласовал должностную инструкцию
action-job-description-return = должностная инструкция возвращена в проект
action-job-description-record-consent = отмечено согласие служащего
action-job-description-approve = должностная инструкция утверждена приказом
action-job-description-acknowledge = занимающий должность ознакомился с инструкцией
action-job-description-put-in-force = должностная инструкция введена в действие
action-job-description-supersede = должностная инструкция заменена более новой
action-job-description-repeal = должностная инструкция отменена

wf-compare-title = Сравнение версий
wf-compare-label = { $title }, версия { $version } ({ $status })
wf-compare-old = Старая (слева)
wf-compare-new = Новая (справа)
wf-compare-submit = Сравнить
wf-compare-other-position = Сравнить с действующим документом другой должности
wf-compare-legend = Обозначения:
wf-compare-legend-del = удалённый текст
wf-compare-legend-ins = добавленный текст
wf-compare-sr-del = удалено
wf-compare-sr-ins = добавлено
wf-compare-caption = Изменённые части рядом
wf-compare-section = Часть
wf-compare-same = Версии совпадают по содержанию.
wf-compare-choose = Выберите версии для сравнения из списка версий должности.
wf-compare-unchanged = { $count ->
    [one] { $count } часть не изменилась.
    [few] { $count } части не изменились.
   *[other] { $count } частей не изменились.
}
wf-change-added = добавлено
wf-change-removed = удалено
wf-change-changed = изменено
wf-section-title = Наименование должности
wf-section-unit = Структурное подразделение
wf-section-supervisor = Непосредственный руководитель
wf-section-subordinates = Подчинённые
wf-section-substituted-by = Кто замещает
wf-section-substitutes-for = Кого замещает
wf-section-staff-group = Группа должности
wf-section-purpose = Цель должности
wf-section-roles = Роли
wf-section-duty = Задача
wf-section-expected-results = Ожидаемые результаты
wf-section-rights = Права
wf-section-responsibilities = Ответственность
wf-section-work-equipment = Рабочие средства
wf-section-education = Образование
wf-section-work-experience = Опыт работы
wf-section-languages = Знание языков
wf-section-computer-skills = Компьютерные навыки
wf-section-knowledge-and-skills = Знания и умения
wf-section-personal-qualities = Личные качества
wf-section-other-requirement = Другое требование
wf-section-competencies = Компетенции
wf-section-amendment-rules = Изменение должностной инструкции
wf-section-special-conditions = Особые условия

nav-reviews = Пересмотры
nav-checks = Проверки
wf-checks-title = Проверки согласованности
wf-checks-intro = Результаты проверок согласованности реестра: что не так и как исправить.
wf-checks-count = { $count ->
    [one] { $count } находка
    [few] { $count } находки
   *[other] { $count } находок
}
wf-checks-errors = Ошибки
wf-checks-warnings = Предупреждения
wf-checks-fix = Как исправить:
wf-checks-related = Связано:
wf-rule-job-family-out-of-range = Уровень должностной группы вне диапазона ролевой карточки
wf-rule-job-family-exceptional = Уровень должностной группы допустим только в виде исключения
wf-rule-substitution-missing-position = Замещение ссылается на отсутствующую должность
wf-rule-substitutes-itself = Должность замещает саму себя
wf-rule-substitution-not-reciprocal = Одностороннее замещение
wf-rule-supervisor-missing = Нет непосредственного руководителя
wf-rule-supervisor-outside-unit-chain = Руководитель вне цепочки подразделений
wf-rule-required-content-missing = Нет обязательного содержания (Закон о государственной службе § 52 ч. 1)
wf-rule-unfilled-template-field = Незаполненные поля шаблона в утверждённом документе
wf-rule-review-overdue = Ежегодный пересмотр просрочен
wf-rule-review-date-unknown = Дата пересмотра неизвестна
wf-rule-duplicate-duties = Одна и та же задача во многих должностях

wf-reviews-title = Пересмотр должностных инструкций
wf-reviews-intro = Должности, ежегодный пересмотр которых просрочен, предстоит в течение 30 дней или дата которого неизвестна, по подразделениям
wf-reviews-none = В ближайшие 30 дней пересмотров нет.
wf-review-overdue-days = { $count ->
    [one] просрочено на { $count } день
    [few] просрочено на { $count } дня
   *[other] просрочено на { $count } дней
}
wf-review-due-in-days = { $count ->
    [0] сегодня
    [one] через { $count } день
    [few] через { $count } дня
   *[other] через { $count } дней
}
wf-review-unknown = дата неизвестна (нет даты утверждения и пересмотра)
wf-position-heading = Жизненный цикл и пересмотр
wf-review-due = Следующий пересмотр
wf-review-last-heading = Последний пересмотр
wf-review-last = { $date }, { $by }: { $outcome }
wf-review-record = Отметить пересмотр
wf-review-date = Дата пересмотра
wf-review-outcome = Результат
wf-review-no-change = без изменений
wf-review-new-version = начата новая версия
wf-review-submit = Сохранить пересмотр
wf-review-choose-outcome = Выберите результат пересмотра.
wf-review-no-current = У должности нет утверждённой или действующей инструкции для пересмотра.
wf-review-refused-not-valid-document = Пересматривается только утверждённая, подписанная или действующая версия.
wf-review-refused-date-in-future = Дата пересмотра { $date } в будущем (сегодня { $today }).
wf-review-refused-before-approval = Дата пересмотра { $date } раньше утверждения ({ $approved }).
wf-review-refused-no-reviewer = Не указан проверяющий.
wf-card-draft = Новый проект по ролевой карточке
wf-card-draft-hint = В проект попадают цель, роли и необходимые компетенции ролевой карточки; проект запоминает, из какой версии карточки он создан.
wf-card-draft-submit = Создать проект по ролевой карточке
wf-card-choose = Выберите ролевую карточку, по которой пишется инструкция.
wf-card-none = У этой версии нет изменения ролевой карточки, которое можно принять или отклонить.
wf-cards-title = Изменения ролевых карточек
wf-cards-intro = Должностные инструкции, написанные по более ранней версии ролевой карточки, и изменения карточки по словам. Примите изменение (новый проект) или отклоните его.
wf-cards-none = Все инструкции написаны по последней версии своей ролевой карточки.
wf-cards-written-version = версия инструкции
wf-cards-before = Было
wf-cards-after = Стало
wf-cards-take-in = Принять (новый проект)
wf-cards-dismiss = Отклонить
wf-card-field-title = Название
wf-card-field-note = Примечание
wf-card-field-why-needed = Зачем нужна должность
wf-card-field-roles = Роли
wf-card-field-purpose = Цель работы
wf-card-field-benefit = Польза должности
wf-card-field-target-groups = Целевые группы
wf-card-field-required-competences = Необходимые компетенции
wf-card-field-competence-note = Примечание к компетенциям
wf-card-field-job-family = Должностная группа
wf-card-field-job-family-note = Примечание к должностной группе
action-job-description-review-recorded = отмечен пересмотр должностной инструкции
action-job-description-new-version-started = начата новая версия должностной инструкции
action-job-description-draft-from-role-card = создан проект по ролевой карточке
action-job-description-card-update-taken-in = изменение ролевой карточки принято в новый проект
action-job-description-card-update-dismissed = изменение ролевой карточки отклонено
wf-waiting = Ожидает
wf-waiting-revise = доработки проекта и повторной отправки на согласование (согласующий вернул его)
wf-waiting-submit = завершения проекта и отправки на согласование (руководитель или отдел кадров)
wf-waiting-sign-off-as-supervisor = согласования непосредственного руководителя
wf-waiting-sign-off-as-supervisor-by-hr = согласования непосредственного руководителя: ни одна учётная запись не является руководителем этой должности (у подразделения нет учётной записи руководителя), поэтому согласовывает отдел кадров вместо руководителя
wf-waiting-sign-off-as-hr = согласования отдела кадров
wf-waiting-approve = утверждения приказом: отдел кадров включает её в приказ как приложение и регистрирует приказ
wf-waiting-acknowledge = ознакомления исполнителя
wf-waiting-put-in-force = ввода в действие отделом кадров (действует с { $from })
wf-action-withdraw = Отозвать с согласования
action-job-description-withdraw = должностная инструкция отозвана с согласования
wf-withdraw-hint = Проект возвращается для изменения; полученные согласования снимаются, и после изменения его нужно снова отправить на согласование.
wf-refused-approval-disagrees = Утверждение не сохранено, так как оно не согласуется с приказом в реестре. Должностная инструкция, являющаяся приложением незарегистрированного приказа, утверждается регистрацией приказа; для зарегистрированного приказа номер, дата и приложение должны быть теми, под которыми приказ перечисляет эту инструкцию.
wf-action-discard = Удалить проект…
action-job-description-discarded = проект должностной инструкции удалён
discard-title = Удалить проект: { $title }, версия { $version }
discard-intro = Проект удаляется из реестра, и восстановить его нельзя. История изменений должности сохраняет его содержание. Прежние версии не меняются.
discard-confirm = Да, удалить проект
discard-cancel = Не удалять: вернуться к версии
discard-done = Проект должностной инструкции (версия { $version }) удалён. Его содержание сохранено в истории изменений должности.
discard-refused-not-a-draft = Проект нельзя удалить: версия в состоянии «{ $status }». Удалить можно только проект; версию на согласовании сначала возвращают в проект или отзывают с согласования, а утверждённые, действующие, заменённые и отменённые версии хранятся всегда.
discard-refused-not-permitted = Вы не можете удалить этот проект: { $reason } Проект удаляет тот, кто может его изменять (отдел кадров, администратор, руководитель структурного подразделения должности).
discard-refused-annex-of-directive = Проект нельзя удалить: это { $annexes }. Приложение к приказу сохраняется; удалить можно только проект, который не указан ни в одном приказе.
discard-refused-has-signatures = Проект нельзя удалить: на него ссылаются записи реестра о подписании ({ $count }: документы, выданные для подписания, или подписанные контейнеры).
discard-directive-registered = приказу № { $number } от { $date }
discard-directive-unregistered = незарегистрированному приказу «{ $title }»
discard-annex = приложение { $annex } к { $directive }
wf-prepare-directive = Подготовить приказ с этой версией
wf-prepare-directive-hint = Версия утверждается приказом: подготовьте приказ (эта версия выбрана приложением), затем зарегистрируйте его номер и дату – регистрация утверждает все приложения.
wf-approve-outside = Утверждено вне реестра (прежним приказом)
wf-annex-of = Эта версия является приложением к ещё не зарегистрированному приказу; регистрация приказа утвердит её:
