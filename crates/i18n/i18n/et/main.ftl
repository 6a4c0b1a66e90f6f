# Ametijuhend – kasutajaliidese tekstid (eesti keel, vaikimisi)

app-name = Ametijuhend
agency-name = Sotsiaalkindlustusamet
skip-to-content = Liigu põhisisu juurde
footer-text = Ametijuhendite, rollikaartide ja ametikohtade register. Dokumentide sisu on esitatud nii, nagu see on kirjutatud.
nav-label = Põhimenüü
nav-home = Avaleht
nav-units = Organisatsioon
nav-positions = Ametikohad
nav-role-cards = Rollikaardid
nav-competencies = Kompetentsid
breadcrumb-label = Asukoht
language-label = Keel
language-switch = Vaheta keelt
signed-in-as = Sisse logitud:
logout = Logi välja
save = Salvesta
cancel = Tühista
none = Puudub.

role-administrator = administraator
role-hr = personalitöötaja
role-manager = juht
role-staff = teenistuja
role-auditor = audiitor

login-title = Sisselogimine
login-intro = Logi sisse oma kasutajanime ja parooliga.
login-username = Kasutajanimi
login-password = Parool
login-submit = Logi sisse
login-failed = Vale kasutajanimi või parool. Kontrolli sisestatut ja proovi uuesti.

error-not-found = Lehte ei leitud
error-not-found-text = Sellist lehte või kirjet ei ole. See võib olla kustutatud või on aadress vale.
error-forbidden = Tegevus ei ole lubatud
error-forbidden-text = Sinu kasutajakontol ei ole selleks õigust.
error-rate-limited = Liiga palju ebaõnnestunud sisselogimisi
error-rate-limited-text = Sellele kasutajanimele on lühikese aja jooksul sisestatud liiga palju valesid paroole. Oota 15 minutit ja proovi siis uuesti.
error-method = Seda aadressi ei saa nii avada
error-method-text = See aadress on vormi nupu jaoks (näiteks väljalogimine või salvestamine). Mine tagasi eelmisele lehele ja kasuta seal olevat nuppu.
error-internal = Midagi läks valesti
error-internal-text = Registrit ei õnnestunud lugeda ega muuta. Viga on administraatori jaoks logitud; proovi hiljem uuesti.
error-reason = Põhjus:
error-back-home = Tagasi avalehele

denied-no-role = kasutajakontol ei ole ühtegi rolli.
denied-auditor-reads-only = audiitor näeb kõike, kuid ei muuda midagi.
denied-staff-reads-only = teenistuja roll võimaldab registrit lugeda, kuid mitte muuta.
denied-staff-not-own-record = teenistuja näeb seda ainult oma ametikoha kohta.
denied-manager-without-unit = juhi kasutajakontole ei ole määratud struktuuriüksust.
denied-outside-manager-scope = kirje ei kuulu sinu juhitava struktuuriüksuse alla.
denied-outside-read-scope = kirje ei kuulu registri ossa, mida sinu konto tohib lugeda.
denied-csrf = vormi turvakood puudub või on aegunud. Ava leht uuesti ja proovi veel kord.

form-has-errors = Vormis on vigu
error-required = Väli on kohustuslik.
error-too-long = Tekst on liiga pikk (kõige rohkem { $max } märki).
error-too-many = Liiga palju (kõige rohkem { $max }).
error-choose = Vali väärtus loetelust.
error-date = Kirjuta kuupäev kujul PP.KK.AAAA, näiteks 01.09.2024.
error-date-after = Muudatus peab algama hiljem kui { $date } (kehtiva versiooni algus).
error-unit-closed = Üksus suleti { $date }; suletud üksust ei nimetata ümber ega paigutata mujale.
error-parent-cycle = Üksust ei saa paigutada iseenda ega oma allüksuse alla.
error-changed-meanwhile = Keegi muutis seda vahepeal; midagi ei salvestatud. Laadige leht uuesti, vaadake muudatus üle ja tehke oma muudatus uuesti. ({ $detail })
error-refused = Muudatust ei saa salvestada: { $detail }
error-nothing-changed = Midagi ei muutunud: muuda nime, liiki või kõrgemalseisvat üksust.
error-family-and-level = Tööpere ja tase antakse koos.
error-cefr = Vali keeleoskuse tase loetelust (A1–C2).
error-single-line = Kirjuta ühele reale, ilma reavahetuse, tabulaatori ja muude juhtmärkideta.
error-control-characters = Eemalda tekstist nähtamatud juhtmärgid (näiteks U+0000).

count-units = { $count ->
    [one] { $count } struktuuriüksus
   *[other] { $count } struktuuriüksust
}
count-positions = { $count ->
    [one] { $count } ametikoht
   *[other] { $count } ametikohta
}
count-job-descriptions = { $count ->
    [one] { $count } ametijuhendi versioon
   *[other] { $count } ametijuhendi versiooni
}
count-role-cards = { $count ->
    [one] { $count } rollikaart
   *[other] { $count } rollikaarti
}
count-competencies = { $count ->
    [one] { $count } kompetents
   *[other] { $count } kompetentsi
}

# The same without the number (the number is shown apart, e.g. on the start page's cards).
count-units-noun = { $count ->
    [one] struktuuriüksus
   *[other] struktuuriüksust
}
count-positions-noun = { $count ->
    [one] ametikoht
   *[other] ametikohta
}
count-job-descriptions-noun = { $count ->
    [one] ametijuhendi versioon
   *[other] ametijuhendi versiooni
}
count-role-cards-noun = { $count ->
    [one] rollikaart
   *[other] rollikaarti
}
count-competencies-noun = { $count ->
    [one] kompetents
   *[other] kompetentsi
}

home-title = Avaleht
home-intro = Ülevaade ametijuhenditest, ametikohtadest ja viimastest muudatustest.
home-own-position = Sinu ametikoht:
home-counts = Registris
home-without-valid = Kehtiva ametijuhendita ametikohad
home-without-valid-none = Kõigil ametikohtadel on kehtiv ametijuhend.
home-reviews-due = Ülevaatamist vajavad ametijuhendid
home-reviews-none = Lähima 60 päeva jooksul ei ole ülevaatamisi.
home-recent-changes = Viimased muudatused
home-recent-none = Muudatusi ei ole veel tehtud.
review-overdue = tähtaeg möödas
review-due-soon = tähtaeg läheneb
search-label = Otsi ametikohta
search-submit = Otsi

col-position = Ametikoht
col-unit = Struktuuriüksus
col-due = Tähtaeg
col-state = Seis
col-when = Aeg
col-who = Kes
col-what = Mida tehti
col-record = Kirje
col-from = Alates
col-to = Kuni
col-number = Nr
col-latest-version = Viimane versioon

action-unit-created = struktuuriüksus lisatud
action-unit-changed = struktuuriüksus muudetud
action-position-created = ametikoht lisatud
action-position-changed = ametikoht muudetud
action-position-removed = ametikoht eemaldatud
action-job-description-draft-saved = ametijuhendi uus versioon (kavand) salvestatud

units-title = Organisatsioon
units-intro = Struktuuriüksused ja nende allüksused, igaühe juures selle ametikohtade arv; üksuse lehel on ametikohad loetletud.
unit-add = Lisa struktuuriüksus
unit-add-sub = Lisa allüksus
unit-edit = Muuda üksust
unit-new-title = Uus struktuuriüksus
unit-edit-title = Struktuuriüksuse „{ $name }” muutmine
unit-name = Nimi
unit-kind = Liik
unit-parent = Kõrgemalseisev üksus
unit-no-parent = (puudub – ülemine tase)
unit-valid-from = Kehtib alates
unit-valid-from-hint-new = Kuupäev kujul PP.KK.AAAA; võib jätta tühjaks.
unit-valid-from-hint-edit = Kuupäev kujul PP.KK.AAAA. Senine versioon lõpeb eelmisel päeval; ajalugu säilib.
unit-positions = Ametikohad
unit-sub-units = Allüksused
unit-versions = Üksuse ajalugu
unit-closed-on = suletud
unit-kind-agency = amet
unit-kind-department = osakond
unit-kind-division = talitus
unit-kind-team = meeskond

positions-title = Ametikohad
position-add = Lisa ametikoht
position-edit = Muuda ametikohta
position-new-title = Uus ametikoht
position-edit-title = Ametikoha „{ $title }” muutmine
position-title = Ametinimetus
position-specialisation = Täpsustus (sulgudes osa)
position-staff-group = Ametikoha grupp
position-job-family = Tööpere ja tase
position-job-family-name = Tööpere
position-job-level = Tase
position-role-card = Rollikaart
position-no-role-card = (rollikaart puudub)
position-no-supervisor = (vahetu juht puudub)
position-holder = Ametikohal töötab
position-holder-hidden = (nähtav ainult oma ametikoha puhul)
position-vacant = täitmata
position-supervisor-chain = Juhtimisahel (vahetust juhist alates)
position-versions = Ametijuhendi versioonid
position-no-versions = Ametikohal ei ole veel ametijuhendit.
position-showing-draft = Kehtivat ametijuhendit ei ole; näidatakse viimast versiooni.
position-remove = Eemalda ametikoht
position-remove-refused = Ametikohta ei eemaldatud.
position-remove-blocked = Ametikohta ei saa eemaldada, sest:
position-remove-has-versions = sellel on ametijuhendi versioone, mis säilitatakse alatiseks
position-remove-has-subordinates = sellele alluvad teised ametikohad
position-remove-has-substitutes = see on seotud asendamistega
position-remove-has-holders = sellel on ametikohal töötajaid
staff-group-official = ametnik
staff-group-employee = töötaja

status-draft = kavand
status-in-coordination = kooskõlastamisel
status-approved = kinnitatud
status-signed = allkirjastatud
status-in-force = kehtiv
status-superseded = asendatud
status-repealed = kehtetu

jd-heading = Ametijuhend
jd-version = Versioon
jd-saved = Salvestatud
jd-effective-from = kehtib alates
jd-approved-by = kinnitatud
jd-general = Üldosa
jd-title = Ametinimetus
jd-unit = Struktuuriüksus
jd-supervisor = Vahetu juht
jd-subordinates = Alluvad
jd-substituted-by = Kes asendab
jd-substitutes-scope = Ametikohad üksuses { $unit } ja sellest kõrgemates üksustes ning selle ametikohaga juba seotud ametikohad
jd-substitutes-for = Keda asendab
jd-purpose = Ametikoha eesmärk
jd-duties = Tööülesanded ja oodatavad tulemused
jd-duty = Tööülesanne
jd-duty-text = Tööülesande tekst
jd-expected-results = Oodatavad tulemused
jd-expected-result = Oodatav tulemus
jd-rights = Õigused
jd-responsibilities = Vastutus
jd-work-equipment = Töövahendid
jd-requirements = Ametikohale esitatavad nõuded
jd-competencies = Kompetentsid
jd-amendment = Ametijuhendi muutmine
jd-special-conditions = Eritingimused
jd-substituted-by-as-written = Kes asendab (dokumendi tekst)
jd-signature-blocks = Allkirjastajad
jd-other-requirements = Muud nõuded
jd-unplaced = Importimisel paigutamata tekst
jd-signed-digitally = allkirjastatud digitaalselt
jd-unplaced-intro = Importija ei osanud seda algdokumendi teksti ühegi välja alla paigutada. See on kirje osa ja jääb uutesse versioonidesse; vii vajadusel selle sisu redaktoris õigesse välja.
jd-edit-kept-heading = Jääb samaks
jd-edit-kept-intro = Neid osi redaktor ei muuda; uus versioon saab need sellisena, nagu need on praegu. „Kes asendab“ kirjutatakse uuesti vaid siis, kui muudad ülal asendajate valikut.
jd-edit = Muuda ametijuhendit
jd-edit-title = Ametijuhendi muutmine: { $title }
jd-edit-base = Muudad versiooni { $version }. Salvestamisel tekib uus kavand, versioon { $next }; varasemad versioonid ei muutu.
jd-edit-first-version = Ametikohal ei ole veel ametijuhendit. Salvestamisel tekib esimene versioon (kavand).
jd-back-to-position = Ametikoht
jd-add-duty = Lisa tööülesanne
jd-remove-duty = Eemalda tööülesanne
jd-add-result = Lisa oodatav tulemus
jd-remove-result = Eemalda oodatav tulemus
jd-move-up = Liiguta üles
jd-move-down = Liiguta alla
jd-conflict-heading = Ametijuhendit muudeti samal ajal
jd-conflict = Keegi teine salvestas vahepeal versiooni { $version }. Sinu muudatusi ei salvestatud ja midagi ei kirjutatud üle; sinu sisestatu on alles allpool. Vaata uusim versioon üle ja salvesta uuesti, kui soovid oma muudatused lisada uue versioonina.
jd-conflict-see-latest = Vaata uusimat versiooni
jd-saved-notice = Salvestatud uue kavandina. Varasemad versioonid jäid muutmata.
hint-one-per-line = Iga punkt eraldi real.
version-title = { $title } – versioon { $version }

req-education = Haridus
req-work-experience = Töökogemus
req-computer-skills = Arvutikasutamise oskus
req-knowledge = Teadmised ja oskused
req-personal-qualities = Isikuomadused
req-languages = Keeleoskus
req-language = Keel
req-language-name = Keel
req-cefr-level = Tase (CEFR)
req-language-text = Nõue dokumendis
req-add-language = Lisa keelenõue
req-remove-language = Eemalda keelenõue

language-name-any = (mitu võimalikku keelt, vt nõuet)
language-name-et = eesti
language-name-en = inglise
language-name-ru = vene
language-name-de = saksa
language-name-fi = soome
language-name-fr = prantsuse
language-name-sv = rootsi
language-name-lv = läti
language-name-lt = leedu
language-name-uk = ukraina
language-name-es = hispaania
language-name-pl = poola

competencies-title = Kompetentsid
competency-name = Kompetents
competency-indicators = Käitumisnäitajad
competency-required-by = Ametikohad, mis seda nõuavad
competency-core = põhikompetents
competency-additional = täiendav kompetents
competency-not-required = ei nõuta
competency-pick = Vali kompetentsid kompetentside kogust
competency-requirement = Nõue

role-cards-title = Rollikaardid
role-cards-intro = Teenuspõhise juhtimise mudeli rollikaardid, millest ametijuhendid on kirjutatud.
role-card = Rollikaart
role-card-catalogue = Kataloog
role-card-revision = redaktsioon
role-card-why = Miks on ametikohta vaja?
role-card-purpose = Töö eesmärk
role-card-benefit = Ametikoha kasu
role-card-target-groups = Otsesed sihtgrupid
role-card-competences = Vajalikud kompetentsid
role-card-job-family = Tööpere
role-card-points = Väärtuspunktid
role-card-roles = Rollid ja nende tähendus
role-card-no-definition = Rollide sõnaraamatus seletus puudub.
role-card-positions = Sellest rollikaardist kirjutatud ametikohad

history-link = Muudatuste ajalugu
history-title = Muudatuste ajalugu: { $name }
history-back = Tagasi kirje juurde
history-none = Muudatusi ei ole registreeritud.
history-field = Väli
history-before = Enne
history-after = Pärast
value-yes = jah
value-no = ei
