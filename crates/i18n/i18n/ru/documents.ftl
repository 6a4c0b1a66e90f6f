# UI strings of the documents pages (ru). Keys in all three languages (et, en, ru).

nav-directives = Приказы
denied-directives-by-hr = приказы готовит и регистрирует отдел кадров (или администратор).

## Downloads of a job description
doc-downloads = Скачать
doc-template-2024 = форма SKA 2024
doc-template-2023 = форма SKA 2023

## Directives
directives-title = Приказы
directives-intro = Приказы генерального директора, которыми утверждаются должностные инструкции. У незарегистрированного приказа номер и дата — ещё поля для регистра документов.
directives-count = { $count ->
    [one] { $count } приказ
    [few] { $count } приказа
    [many] { $count } приказов
   *[other] { $count } приказа
}
directives-none = Приказов пока нет.
directive-new-link = Подготовить приказ
directive-untitled = Приказ
directive-unregistered = не зарегистрирован
directive-registered-as = № { $number }, { $date }
directive-annex = приложение
directive-col-registration = Номер и дата
directive-col-title = Заголовок
directive-col-annexes = Приложения
directive-col-annex = Приложение
directive-col-version = Версия должностной инструкции

directive-new-title = Новый приказ
directive-new-intro = Выберите утверждаемые должностные инструкции (по одной версии на должность). Пункт 1 перечисляет приложения, пункт 2 признаёт утратившими силу прежние утверждения этих должностей; номер и дата остаются полями регистра документов, пока приказ не зарегистрирован.
directive-filter-unit = Структурное подразделение (с подчинёнными)
directive-filter-status = Состояние должностной инструкции
directive-filter-submit = Показать
directive-all-units = Все подразделения
directive-any-status = Любое состояние
directive-choose-legend = Утверждаемые должностные инструкции
directive-no-candidates = В выбранном подразделении нет должностных инструкций в этом состоянии. Выберите другое подразделение или состояние.
directive-title-label = Заголовок
directive-title-hint = Если оставить пустым, заголовок подберётся сам: «Ametijuhendi kinnitamine», «Ametijuhendite kinnitamine» или «Ametijuhendi muutmine».
directive-legal-basis = Правовое основание
directive-entry-legend = Вступление в силу
directive-entry-signing = Вступает в силу при подписании
directive-entry-retroactive = Применяется задним числом с (необязательно)
directive-entry-date = Вступает в силу в определённый день
directive-in-force-date = Дата вступления в силу
directive-signer-hint = Имя и должность подписывающего можно оставить пустыми: в документе останутся поля {"{"}Allkirjastaja{"}"} и {"{"}Ametikoht{"}"}.
directive-signer-name = Имя подписывающего
directive-signer-title = Должность подписывающего
directive-create-submit = Подготовить приказ
directive-error-none-chosen = Выберите хотя бы одну должностную инструкцию.
directive-error-same-position = Приказ утверждает одну версию на должность: снимите отметку с одной из них.
directive-error-number-invalid = Напишите номер в одну строку (не более { $max } знаков).
directive-error-date-in-future = Дата регистрации не может быть в будущем (сегодня { $today }).
directive-error-already-registered = Приказ уже зарегистрирован; номер и дата зарегистрированного приказа не меняются. Для изменения подготовьте новый приказ.
directive-created-notice = Приказ подготовлен. Скачайте его, зарегистрируйте в регистре документов и внесите сюда номер и дату.
directive-registered-notice = Приказ зарегистрирован: номер и дата сохранены, должностные инструкции в его приложениях утверждены (для вакантных должностей также введены в действие, если наступил день вступления в силу). Теперь их исполнителям нужно с ними ознакомиться.
directive-placeholders = Незаполненные поля
directive-downloads-hint = Приказ вместе с должностными инструкциями в качестве приложений.
directive-text = Текст приказа
directive-annexes = Приложения
directive-annex-missing = нет в регистре
directive-register-heading = Регистрация
directive-register-intro = Внесите номер и дату, которые регистр документов присвоил приказу. Это делается один раз. Регистрация также утверждает все должностные инструкции в приложениях приказа, поэтому их согласование должно быть завершено.
directive-number = Номер
directive-date = Дата
directive-register-submit = Сохранить регистрацию
directive-error-annexes-refused = Регистрация не сохранена, так как не все приложения можно утвердить: { $annexes } Завершите их согласование или исключите их из приказа и повторите.
directive-annex-refused = Приложение { $annex } ({ $title }): { $reason }
