# UI strings of digital signatures (et). Keys in all three languages (et, en, ru).

denied-signatures-by-hr-or-holder = allkirjastatud konteineri lisab personaliosakond (või administraator) või ametikoha täitja oma ametijuhendile.

sig-heading = Digiallkirjad
sig-container-download = Laadi alla allkirjastamiseks (ASiC-E)
sig-container-hint = Konteineris on registri koostatud PDF. Ava see DigiDoc4-s, allkirjasta ID-kaardi, Mobiil-ID või Smart-ID-ga ja lisa allkirjastatud konteiner siia. Allkirjastamisel ei tohi PDF-i muuta.
sig-not-issuable = Allkirjastamiseks saab alla laadida kinnitatud (või hilisema olekuga) ametijuhendi.
sig-none = Allkirjastatud konteinereid ei ole lisatud.
sig-uploaded = Lisas
sig-upload-heading = Lisa allkirjastatud konteiner
sig-upload-intro = Kehtiv allkiri kontrollitakse ja salvestatakse koos kirjega. Ametikoha täitja allkiri registri väljastatud PDF-il märgib ametijuhendiga tutvumise allkirjastamise päeval; käskkirjas nimetatud allkirjastaja allkiri märgib käskkirja allkirjastatuks.
sig-upload-label = Allkirjastatud konteiner (.asice, .bdoc)
sig-upload-limit = Suurim lubatud suurus:
sig-upload-submit = Lisa ja kontrolli
sig-upload-missing = Konteinerit ei valitud või fail on tühi. Vali DigiDoc4-s salvestatud allkirjastatud .asice- või .bdoc-fail.
sig-result-title = Allkirjastatud konteiner
sig-rejected = Konteinerit ei salvestatud: allkiri ei ole kehtiv ({ $verdict }). Palu allkirjastajal dokument DigiDoc4-s uuesti allkirjastada ja lisa uus konteiner.
sig-report = Kontrolli tulemus
sig-back = Tagasi kirje juurde

sig-verdict = Tulemus
sig-data-files = Andmefailid
sig-warning = Hoiatus
sig-signature = Allkiri
sig-signer = Allkirjastaja
sig-personal-code = Isikukood
sig-issuer = Sertifikaadi väljastaja
sig-signing-time = Allkirjastamise aeg (allkirjastaja väide)
sig-time-stamp = Ajatempel
sig-level = Tase
sig-indication = Kontrolli tulemus
sig-errors = Vead
sig-warnings = Hoiatused
sig-checked = Mida kontrolliti
sig-limitations = Mida võrguühenduseta kontroll tõendada ei saa
sig-kind-person = isiku allkiri
sig-kind-seal = asutuse e-tempel

sig-verdict-valid = kehtiv allkiri
sig-verdict-valid-basic = kehtiv, kuid ajatemplita ja kehtivuskinnituseta
sig-verdict-valid-seal = kehtiv e-tempel
sig-verdict-invalid = kehtetu allkiri
sig-verdict-indeterminate = kehtivus on määramata
sig-verdict-unsigned = allkirjastamata

sig-outcome-acknowledged = Ametikoha täitja { $signer } allkirjastas: ametijuhendiga tutvumine märgiti { $date }.
sig-outcome-acknowledged-not-performed = Ametikoha täitja { $signer } allkirjastas { $date }, kuid tutvumist ei märgitud.
sig-outcome-why = Põhjus: { $reason }.
sig-outcome-directive-signed = Käskkirja allkirjastas { $signer } { $date }.
sig-outcome-not-issued = Kehtiv allkiri, kuid konteineris ei ole registri väljastatud fail (muudetud või muu dokument): salvestatud, midagi ei märgitud.
sig-outcome-seal = Kehtiv asutuse e-tempel, mitte isiku allkiri: salvestatud, midagi ei märgitud.
sig-outcome-basic-only = Kehtiv allkiri ilma ajatempli ja kehtivuskinnituseta: salvestatud, midagi ei märgitud.
sig-outcome-other-signer = Kehtiv allkiri, kuid allkirjastaja ({ $signers }) ei ole see, kelle allkirja oodati: salvestatud, midagi ei märgitud.

sig-notice-acknowledged = Konteiner salvestati ja ametikoha täitja tutvumine märgiti.
sig-notice-directive-signed = Konteiner salvestati ja käskkiri märgiti allkirjastatuks.
sig-notice-not-issued = Konteiner salvestati, kuid selles ei ole registri väljastatud fail: midagi ei märgitud.
sig-notice-seal = Konteiner salvestati; e-tempel ei märgi midagi.
sig-notice-basic-only = Konteiner salvestati; ajatemplita allkiri ei märgi midagi.
sig-notice-other-signer = Konteiner salvestati; allkirjastaja ei ole oodatud isik, midagi ei märgitud.

error-too-large = Fail on liiga suur
error-too-large-text = Saadetud fail on suurem, kui siia saab lisada (allkirjastatud konteiner kuni 20 MiB). Vali õige fail: registri PDF-iga konteiner on palju väiksem.
sig-refused-not-approved = Versiooni ei saa veel allkirjastada: allkirjastamiseks väljastatakse ja allkirjastatud konteineri saab lisada ainult kinnitatud, allkirjastatud või kehtivale versioonile. Kinnita see enne käskkirjaga.
sig-refused-read-only = Asendatud või kehtetuks tunnistatud versioon jääb selliseks, nagu ta oli: seda ei väljastata allkirjastamiseks ja sellele ei saa lisada allkirjastatud konteinerit. Allkirjasta versioon, mis selle asendas.
