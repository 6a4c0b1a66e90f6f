# Kooskõla kontrollide leiud (/checks): iga reegli teade ja parandusviis (`-fix`), teates
# loetletud mõisted ja kirjete nimed. Võtmed on domeeni omad (`lint::MESSAGES`, `TERMS`,
# `RECORD_LABELS`), "." ja "_" asemel "-".
lint-job-family-out-of-range = Ametikoha tööpere ja tase „{ $family } { $level }“ jäävad väljapoole rollikaardi „{ $card }“ vahemikku ({ $allowed }).
lint-job-family-out-of-range-fix = Määra ametikohale rollikaardi vahemikku jääv tööpere ja tase või vali ametikohale sobiv rollikaart.
lint-job-family-exceptional = Tööpere ja tase „{ $family } { $level }“ on rollikaardi „{ $card }“ järgi lubatud ainult erandjuhul.
lint-job-family-exceptional-fix = Pane kirja, miks erand kehtib, või vii ametikoht rollikaardi tavapärasesse tööperre.
lint-substitution-missing-position = { $count ->
    [one] Asendus viitab ametikohale, mida registris ei ole: { $positions }.
   *[other] Asendus viitab ametikohtadele, mida registris ei ole: { $positions }.
}
lint-substitution-missing-position-fix = Eemalda asendus või lisa registrisse ametikoht, millele see viitab.
lint-substitutes-itself = Ametikoht on märgitud iseenda asendajaks.
lint-substitutes-itself-fix = Määra asendajaks mõni teine ametikoht või eemalda asendus.
lint-substitution-not-reciprocal = Asendus on ühesuunaline: { $substitute } asendab ametikohta { $substituted }, kuid vastupidi asendust ei ole.
lint-substitution-not-reciprocal-fix = Lisa vastupidine asendus, kui ametikohad asendavad teineteist; muidu on see ühesuunaline asendus (nt asejuht asendab juhti) ja võib jääda.
lint-supervisor-missing-none = Ametikohal ei ole vahetut juhti.
lint-supervisor-missing-none-fix = Määra vahetu juht: ametikoht, kellele see ametikoht allub (vahetu juhita on ainult kõrgeima üksuse ametikohad, näiteks peadirektor).
lint-supervisor-missing-not-in-registry = Vahetu juhi ametikohta { $supervisor } registris ei ole.
lint-supervisor-missing-not-in-registry-fix = Määra vahetuks juhiks registris olev ametikoht.
lint-supervisor-outside-unit-chain = Vahetu juht „{ $supervisor }“ ei ole ametikoha üksuses ega sellest kõrgemas üksuses.
lint-supervisor-outside-unit-chain-fix = Määra vahetuks juhiks ametikoha enda üksuse või sellest kõrgema üksuse ametikoht või vii ametikoht vahetu juhi üksusesse.
lint-required-content-missing = Ametijuhendist puudub, mida nõuab avaliku teenistuse seadus (ATS § 52 lg 1): { $missing }.
lint-required-content-missing-fix = Kirjuta ametijuhendi uude versiooni: { $missing }.
lint-unfilled-template-field = Kinnitatud dokumendis on täitmata malliväljad: { $fields }.
lint-unfilled-template-field-fix = Impordi registreeritud dokument (käskkirja numbri, kuupäeva ja allkirjastajaga) või sisesta kinnitamise andmed.
lint-review-overdue = { $days ->
    [one] Iga-aastase ülevaatuse tähtaeg oli { $due } ({ $days } päev tagasi).
   *[other] Iga-aastase ülevaatuse tähtaeg oli { $due } ({ $days } päeva tagasi).
}
lint-review-overdue-fix = Vaata ametijuhend koos vahetu juhiga üle ja märgi ülevaatus registrisse (muudatusteta või uus versioon alustatud).
lint-review-date-unknown = Kehtiva ametijuhendi kinnitamise kuupäev ega ülevaatus ei ole teada.
lint-review-date-unknown-fix = Sisesta kinnitava käskkirja kuupäev või märgi ülevaatus.
lint-duplicate-duties = Tööülesanne „{ $duty }“ on ühtmoodi kirjas { $count } ametikohal.
lint-duplicate-duties-fix = Lisa see üks kord tööülesannete kogusse ja kasuta seda nendes ametijuhendites uuesti.
lint-term-duties = tööülesanded
lint-term-education = haridus
lint-term-work-experience = töökogemus
lint-term-knowledge-and-skills = teadmised ja oskused
lint-record-position = { $name }
lint-record-version = { $title }, versioon { $version }
lint-record-substitution = asendaja: { $substitute }; asendatav: { $substituted }
