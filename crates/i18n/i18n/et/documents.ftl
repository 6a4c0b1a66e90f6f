# UI strings of the documents pages (et). Keys in all three languages (et, en, ru).

nav-directives = Käskkirjad
denied-directives-by-hr = käskkirju koostab ja registreerib personaliosakond (või administraator).

## Downloads of a job description
doc-downloads = Laadi alla
doc-template-2024 = SKA 2024 vorm
doc-template-2023 = SKA 2023 vorm

## Directives
directives-title = Käskkirjad
directives-intro = Peadirektori käskkirjad, millega ametijuhendid kinnitatakse. Registreerimata käskkirja number ja kuupäev on veel dokumendiregistri väljad.
directives-count = { $count ->
    [one] { $count } käskkiri
   *[other] { $count } käskkirja
}
directives-none = Käskkirju veel ei ole.
directive-new-link = Koosta käskkiri
directive-untitled = Käskkiri
directive-unregistered = registreerimata
directive-registered-as = nr { $number }, { $date }
directive-annex = lisa
directive-col-registration = Number ja kuupäev
directive-col-title = Pealkiri
directive-col-annexes = Lisad
directive-col-annex = Lisa
directive-col-version = Ametijuhendi versioon

directive-new-title = Uus käskkiri
directive-new-intro = Vali kinnitatavad ametijuhendid (ühe ametikoha kohta üks versioon). Punkt 1 loetleb lisad, punkt 2 tunnistab kehtetuks nende ametikohtade varasemad kinnitused; number ja kuupäev jäävad dokumendiregistri väljadeks, kuni käskkiri registreeritakse.
directive-filter-unit = Struktuuriüksus (koos allüksustega)
directive-filter-status = Ametijuhendi olek
directive-filter-submit = Näita
directive-all-units = Kõik üksused
directive-any-status = Iga olek
directive-choose-legend = Kinnitatavad ametijuhendid
directive-no-candidates = Valitud üksuses ei ole selles olekus ametijuhendeid. Vali teine üksus või olek.
directive-title-label = Pealkiri
directive-title-hint = Tühjaks jättes pannakse pealkiri ise: „Ametijuhendi kinnitamine“, „Ametijuhendite kinnitamine“ või „Ametijuhendi muutmine“.
directive-legal-basis = Õiguslik alus
directive-entry-legend = Jõustumine
directive-entry-signing = Jõustub allkirjastamisel
directive-entry-retroactive = Rakendatakse tagasiulatuvalt alates (valikuline)
directive-entry-date = Jõustub kindlal kuupäeval
directive-in-force-date = Jõustumise kuupäev
directive-signer-hint = Allkirjastaja nime ja ametinimetuse võib jätta tühjaks: dokumenti jäävad väljad {"{"}Allkirjastaja{"}"} ja {"{"}Ametikoht{"}"}.
directive-signer-name = Allkirjastaja nimi
directive-signer-title = Allkirjastaja ametinimetus
directive-create-submit = Koosta käskkiri
directive-error-none-chosen = Vali vähemalt üks ametijuhend.
directive-error-same-position = Ühe ametikoha kohta saab kinnitada ainult ühe versiooni: jäta üks neist valimata.
directive-error-number-invalid = Kirjuta number ühele reale (kõige rohkem { $max } märki).
directive-error-date-in-future = Registreerimise kuupäev ei saa olla tulevikus (täna on { $today }).
directive-error-already-registered = Käskkiri on juba registreeritud; registreeritud käskkirja number ja kuupäev ei muutu. Muudatuseks koosta uus käskkiri.
directive-created-notice = Käskkiri on koostatud. Laadi see alla, registreeri dokumendiregistris ja kanna number ja kuupäev siia.
directive-registered-notice = Käskkiri on registreeritud: number ja kuupäev on salvestatud ning selle lisadena olevad ametijuhendid on kinnitatud (vaba ametikoha oma ka jõustatud, kui jõustumispäev on käes). Ametijuhendi täitjal tuleb nüüd sellega tutvuda.
directive-placeholders = Täitmata väljad
directive-downloads-hint = Käskkiri koos lisadeks olevate ametijuhenditega.
directive-text = Käskkirja tekst
directive-annexes = Lisad
directive-annex-missing = ei ole registris
directive-register-heading = Registreerimine
directive-register-intro = Kanna siia number ja kuupäev, mille dokumendiregister käskkirjale andis. Seda saab teha üks kord. Registreerimine kinnitab ühtlasi kõik käskkirja lisadena olevad ametijuhendid, seega peavad nende kooskõlastused olema lõpetatud.
directive-number = Number
directive-date = Kuupäev
directive-register-submit = Salvesta registreerimine
directive-error-annexes-refused = Registreerimist ei salvestatud, sest kõiki lisasid ei saa kinnitada: { $annexes } Lõpeta nende kooskõlastamine või jäta need käskkirjast välja ja proovi uuesti.
directive-annex-refused = Lisa { $annex } ({ $title }): { $reason }
