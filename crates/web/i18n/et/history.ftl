# Muudatuste ajalugu (/units/ID/history, /positions/ID/history) ja avalehe viimased muudatused:
# mida sündmus tegi, sõnadega.
history-approved = Kinnitatud käskkirjaga { $number }
history-approved-details = Kinnitatud käskkirjaga { $number } ({ $details })
history-annex = lisa { $annex }
history-acknowledged = Tutvumise kuupäev: { $date }.
history-consent-given = Ametniku nõusolek on antud { $date }.
history-in-force-from = Kehtib alates { $date }.
history-review = Ülevaatus { $date }: { $outcome }
history-comment = Kommentaar: { $comment }
history-signature-attached = Lisati allkirjastatud konteiner { $file }
history-container-issued = Allkirjastamiseks väljastati: { $files }
history-effective-from = Kehtib alates
history-effective-to = Kehtib kuni
action-directive-created = käskkiri koostati
action-directive-recorded = käskkiri kanti registrisse ametijuhendi kinnitamisel
action-directive-registered = käskkiri registreeriti
action-signature-container-issued = allkirjakonteiner väljastati allkirjastamiseks
action-signature-attached = lisati allkirjastatud konteiner
history-version-created = Uus versioon { $version } ({ $status })
history-field-number = Number
history-field-position = Ametikoht
history-field-revision = Redaktsioon
history-field-template = Mall
history-field-written-from = Aluseks olev rollikaart
