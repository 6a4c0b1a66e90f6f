# История изменений (/units/ID/history, /positions/ID/history) и последние изменения на
# главной странице: что сделало событие, словами.
history-approved = Утверждена приказом { $number }
history-approved-details = Утверждена приказом { $number } ({ $details })
history-annex = приложение { $annex }
history-acknowledged = Дата ознакомления: { $date }.
history-consent-given = Согласие служащего дано { $date }.
history-in-force-from = Действует с { $date }.
history-review = Пересмотр { $date }: { $outcome }
history-comment = Комментарий: { $comment }
history-signature-attached = Добавлен подписанный контейнер { $file }
history-container-issued = Выдано для подписания: { $files }
history-effective-from = Действует с
history-effective-to = Действует до
action-directive-created = приказ подготовлен
action-directive-recorded = приказ внесён в реестр при утверждении должностной инструкции
action-directive-registered = приказ зарегистрирован
action-signature-container-issued = контейнер выдан для подписания
action-signature-attached = добавлен подписанный контейнер
history-version-created = Новая версия { $version } ({ $status })
history-field-number = Номер
history-field-position = Должность
history-field-revision = Редакция
history-field-template = Шаблон
history-field-written-from = Составлена по ролевой карте
