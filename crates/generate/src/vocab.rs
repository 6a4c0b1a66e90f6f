//! Phrases the generator composes job descriptions from, modelled on the agency's documents:
//! service areas (with their genitive for "{a}" slots), duties with their expected results,
//! purposes, rights, responsibilities, requirements and competencies.

/// A service area: (name as a specialisation, genitive for "{a}").
pub const AREAS: &[(&str, &str)] = &[
    ("perehüvitised", "perehüvitiste"),
    ("pensionid", "pensionide"),
    ("töövõime hindamine", "töövõime hindamise"),
    ("rehabilitatsioon", "rehabilitatsiooni"),
    ("ohvriabi", "ohvriabi"),
    ("lastekaitse", "lastekaitse"),
    ("erihoolekanne", "erihoolekande"),
    ("abivahendid", "abivahendite"),
    ("elatisabi", "elatisabi"),
    ("puuetega inimeste toetused", "puuetega inimeste toetuste"),
    ("sotsiaalteenused", "sotsiaalteenuste"),
    ("ekspertiis", "ekspertiisi"),
    ("kasutajatugi", "kasutajatoe"),
    ("STAR", "STARi"),
    ("SKAIS", "SKAISi"),
    ("andmekaitse", "andmekaitse"),
    ("infoturve", "infoturbe"),
    ("hanked", "hangete"),
    ("personalitöö", "personalitöö"),
    ("kommunikatsioon", "kommunikatsiooni"),
    ("välissuhted", "välissuhete"),
    ("dokumendihaldus", "dokumendihalduse"),
    ("raamatupidamine", "raamatupidamise"),
    ("kvaliteedijuhtimine", "kvaliteedijuhtimise"),
    ("kriisivalmidus", "kriisivalmiduse"),
    ("asendushooldus", "asendushoolduse"),
    ("lapsendamine", "lapsendamise"),
    ("ennetustöö", "ennetustöö"),
];

/// A duty and its expected results; "{a}" stands for an area's genitive.
pub struct DutyText {
    pub text: &'static str,
    pub results: &'static [&'static str],
}

macro_rules! duties {
    ($($text:literal => [$($r:literal),* $(,)?]),* $(,)?) => {
        &[$(DutyText { text: $text, results: &[$($r),*] }),*]
    };
}

pub const DUTIES: &[DutyText] = duties![
    "{a} taotluste menetlemine vastavalt kehtivatele õigusaktidele ja asutusesisestele juhenditele" => ["Taotlused on menetletud õigeaegselt ja õiguspäraselt.", "Menetlusotsused on põhjendatud ja kliendile arusaadavad."],
    "Klientide nõustamine {a} küsimustes telefoni, e-kirja ja teeninduskanalite kaudu" => ["Kliendid on saanud asjakohast ja õiget teavet.", "Pöördumistele on vastatud tähtaegselt."],
    "{a} valdkonna õigusaktide eelnõude koostamises ja arengukavade väljatöötamises osalemine" => ["Eelnõude koostamisel on analüüsitud rakenduslikke aspekte.", "Tehtud ettepanekud on asjatundlikud ja rakendatavad."],
    "Teenistujate nõustamine SKAISi ja STARi rakenduste kasutamisel" => ["Rakendustoe poole pöördujad on saanud asjakohast teavet.", "Pöördumised on lahendatud või edastatud vastavalt kokkulepitud raamistikule."],
    "SKAISi kasutajaõiguste andmine, peatamine ja lõpetamine vastavalt kooskõlastatud taotlusele" => ["Kasutajakontod ning -õigused on omistatud, peatatud ja lõpetatud õigeaegselt.", "Kasutajate juurdepääsuõigused on vastavuses ametijuhendites sätestatud teenistuskohustustele."],
    "Teenistuja ajutisel puudumisel asendajale ajutiste kasutajaõiguste andmine vastavalt kinnitatud puhkusegraafikule" => ["Asendajal on tööks vajalikud õigused asendamise perioodiks.", "Ajutised õigused on asendamise lõppedes eemaldatud."],
    "Kasutajakontode loomine ja rollide omistamine välistes registrites" => ["Kasutajakontod on loodud ja rollid omistatud kooskõlastatud taotluse alusel."],
    "Isikuandmete õiguspärase ja ajakohase kasutamise tagamine ameti infosüsteemides" => ["Kasutatavates infosüsteemides on isikuandmed ajakohased.", "Isikuandmeid töödeldakse õiguspäraselt ja eesmärgipäraselt."],
    "Teenuse protsesside, äriloogika ja ärireeglite tundmine ning x-tee teenuste toimimise jälgimine" => ["Tagatud on teenuse sujuv toimimine.", "Häiretest on teavitatud vajalikke osapooli."],
    "Rakenduse tehniliste probleemide lahendamise korraldamine" => ["Tehnilised probleemid on lahendatud.", "Kasutajad on informeeritud lahenduse kulgemisest."],
    "Hoolduspileti vigade raporteerimine ja lahendusaegade kohta tagasiside andmine" => ["Vead on parandatud ja kasutajad informeeritud."],
    "Protsessikirjelduste, juhendite ja äridokumentatsiooni haldamine koostöös teenuse juhiga" => ["Dokumentatsioon ja andmed on korrastatud ja ajakohased."],
    "Koolituste ettevalmistamine ja läbiviimine rakenduste kasutajatele" => ["Kasutajad oskavad rakendusi kasutada.", "Koolitusmaterjalid on ajakohased."],
    "Uute arendusvajaduste ja -ettepanekute eelanalüüsi teostamine" => ["Lähteülesanded on põhjalikud ja asjakohased."],
    "Arendusprojektides osalemine ning arendustööde seisu ja ajakavast kinnipidamise jälgimine" => ["Arendusprojektid on ajakavas ning vastavad lähteülesandele."],
    "Arendustööde testimise korraldamine ja testimises osalemine" => ["Arendustööd on testitud ja vead parandatud.", "Vastuvõetud tööd vastavad lähteülesandes püstitatule."],
    "Testjuhtumite koostamine ning testimise tulemuste dokumenteerimine" => ["Testjuhtumid katavad olulised äriprotsessid.", "Testimise tulemused on dokumenteeritud ja kättesaadavad."],
    "{a} teenuse arendusvajaduste kaardistamine ja ettepanekute tegemine teenuse omanikule" => ["Teenus on kvaliteetne ja klientide huvidele vastav.", "Teenuse omanik on informeeritud vajalikest muudatustest."],
    "{a} teenuse kvaliteedi analüüsimine ja parendustegevuste kavandamine" => ["Teenuse kvaliteedi näitajad on analüüsitud.", "Parendustegevused on kavandatud ja ellu viidud."],
    "Osakonna tööprotsesside analüüsimine ja arendamine" => ["Tööprotsessid on analüüsitud ja esitatud on vajalikud parendusettepanekud.", "Ellu on viidud vajalikud arendustegevused."],
    "Osakonna töö planeerimine, koordineerimine ja tööjaotuse määramine" => ["Osakonna töö on planeeritud ja tööülesanded jagatud.", "Olemas on süsteemne ülevaade tööülesannete täitmisest."],
    "Teenistujate värbamisprotsessis osalemine ning pühendumuse ja motivatsiooni tagamine" => ["Õiged inimesed teenistuskohtadele on leitud.", "Teenistujatele on püstitatud selged ootused ja motiveerivad eesmärgid."],
    "Alluvatega arenguvestluste, regulaarsete üks-ühele vestluste ja katseajavestluste läbiviimine" => ["Vestlused on tulemuslikud ning viidud läbi õigeaegselt ja regulaarselt."],
    "Sisendi andmine osakonna eelarve koostamisse ning kinnitatud eelarve täitmise jälgimine" => ["Eelarve on koostatud põhjendatult ja selle täitmine on jälgitav."],
    "Talituse teenistujate ametijuhendite väljatöötamine ja uuendamine" => ["Ametijuhendid on koostatud ja kaasajastatud.", "Ametijuhendid vastavad rollikaartidele."],
    "Infovahetuse ja koostöö tagamine struktuuriüksuste vahel" => ["Teenistujad on informeeritud ja kaasatud.", "Toimib koostöö struktuuriüksuste vahel."],
    "Koostöö tegemine teiste asutuste ja organisatsioonidega oma pädevusvaldkonnas" => ["Välja on kujunenud koostööpartnerite võrgustik.", "Toimub infovahetus ja koostöö partneritega."],
    "Kohalike omavalitsuste nõustamine {a} korraldamisel" => ["Kohalikud omavalitsused on saanud asjakohast nõu.", "Piirkonna vajadused on kaardistatud."],
    "Piirkonna sotsiaalteenuste toimepidevuse ja kriisivalmiduse hindamine" => ["Toimepidevuse riskid on hinnatud ja maandamise meetmed kavandatud."],
    "{a} valdkonna statistika kogumine, analüüsimine ja aruannete koostamine" => ["Aruanded on koostatud tähtaegselt ja andmed on usaldusväärsed.", "Juhtkonnal on ajakohane ülevaade valdkonna olukorrast."],
    "Andmepäringute koostamine ja andmete kvaliteedi kontrollimine" => ["Andmed on korrektsed ja päringud vastavad tellija vajadustele."],
    "Ekspertarvamuste koostamine töövõime hindamise ja puude raskusastme tuvastamise taotluste kohta" => ["Ekspertarvamused on põhjendatud ja koostatud tähtaegselt."],
    "Rehabilitatsiooniteenuse osutajatega lepingute sõlmimise ettevalmistamine ja lepingute täitmise jälgimine" => ["Lepingud on sõlmitud ja nende täitmine on kontrollitud.", "Teenuseosutajad on teadlikud lepingulistest kohustustest."],
    "Nõustavat-konsulteerivat meetodit rakendava järelevalvesüsteemi korraldamise tagamine" => ["Järelevalve on korraldatud süsteemselt ja teenuseosutajad on nõustatud.", "Järelevalve tulemused on dokumenteeritud."],
    "Teenuseosutajate teadlikkuse tõstmine ja koostöö tõhustamine" => ["Teenuseosutajad on teadlikud teenuse nõuetest.", "Koostöö teenuseosutajatega on tõhus."],
    "Kuriteoohvrite ja perevägivalla ohvrite nõustamine ning abi korraldamine" => ["Ohvrid on saanud vajalikku abi ja nõu.", "Abi on korraldatud koostöös võrgustikuga."],
    "Lastekaitsealaste juhtumite menetlemine ja võrgustikutöö korraldamine" => ["Juhtumid on menetletud lapse huvidest lähtuvalt.", "Võrgustik on kaasatud ja informeeritud."],
    "Abivahendite taotluste menetlemine ja abivahendi osutajate tegevuse jälgimine" => ["Abivahendid on määratud õigeaegselt.", "Abivahendi osutajate tegevus vastab lepingule."],
    "Elatisabi taotluste menetlemine ja võlgnike andmete kontrollimine" => ["Elatisabi on määratud õiguspäraselt.", "Andmed on kontrollitud ja ajakohased."],
    "Pensioni määramise ja maksmise otsuste ettevalmistamine" => ["Otsused on õiguspärased ja tehtud tähtaegselt.", "Pensionid on makstud õigeaegselt."],
    "Välisriikide pädevate asutustega teabe vahetamine sotsiaalkindlustuse koordineerimise küsimustes" => ["Teave on vahetatud korrektselt ja tähtaegselt."],
    "Hankedokumentide ettevalmistamine ja riigihangete läbiviimine" => ["Hanked on läbi viidud kooskõlas riigihangete seadusega.", "Hankelepingud on sõlmitud ja nende täitmine on jälgitud."],
    "Dokumendihaldussüsteemis dokumentide registreerimine ja menetluse jälgimine" => ["Dokumendid on registreeritud ja menetletud tähtaegselt."],
    "Ameti kodulehe sisu haldamine ja arendamine" => ["Kodulehe sisu on ajakohane, selge ja kliendile arusaadav.", "Veebi sisu lähtub klientide tagasisidest ja analüütikast."],
    "Kodulehe sisu tõlkimise korraldamine ja vastavuse tagamine WCAG nõuetele" => ["Kodulehe sisu on olemas eesti, vene ja inglise keeles.", "Koduleht on ligipääsetav ka erivajadustega inimestele."],
    "Ühtse visuaalse identiteedi tagamine ameti kanalites" => ["Infograafika ja bännerid on kooskõlas riigiasutuste ühtse visuaalse identiteediga."],
    "Küsitluste koostamine ning spetsialistide nõustamine küsitluste planeerimisel ja läbiviimisel" => ["Küsitlused on koostatud kvaliteetselt ja andmeid kasutatakse sihipäraselt.", "Andmed on turvaliselt hoitud."],
    "Meediapäringutele vastamine ja pressiteadete koostamine {a} teemadel" => ["Meediapäringutele on vastatud tähtaegselt.", "Avalikkus on informeeritud valdkonna muudatustest."],
    "Infoturbe riskide hindamine ja turvameetmete rakendamise jälgimine" => ["Infoturbe riskid on hinnatud ja meetmed rakendatud.", "Turvaintsidendid on lahendatud ja dokumenteeritud."],
    "Andmekaitsealaste päringute lahendamine ja andmesubjekti õiguste tagamine" => ["Päringud on lahendatud õigusaktides sätestatud tähtaja jooksul."],
    "Raamatupidamise algdokumentide kontrollimine ja kulude kajastamine" => ["Raamatupidamisarvestus on korrektne ja õigeaegne."],
    "Personalidokumentide koostamine ja personaliarvestuse pidamine" => ["Personalidokumendid on vormistatud korrektselt ja tähtaegselt."],
    "Koolitusvajaduse hindamine ja koolituskava koostamine" => ["Koolituskava vastab teenistujate arenguvajadustele."],
    "Kvaliteedisüsteemi dokumentide haldamine ja siseauditite korraldamine" => ["Siseauditid on läbi viidud ja parendusmeetmed rakendatud."],
    "Kriisiolukorraks valmistumise plaanide koostamine ja õppuste korraldamine" => ["Kriisiplaanid on ajakohased ja õppused on läbi viidud."],
    "Asendushoolduse teenuse kvaliteedi hindamine ja teenuseosutajate nõustamine" => ["Asendushooldusel olevad lapsed saavad kvaliteetset teenust."],
    "Lapsendamise menetluses osalemine ja lapsendajate nõustamine" => ["Lapsendajad on nõustatud ja menetlus on läbi viidud lapse huvidest lähtuvalt."],
    "Ennetustegevuste kavandamine ja teavituskampaaniate korraldamine" => ["Sihtrühmad on teadlikud pakutavatest teenustest."],
    "Klientide kaebuste ja vaiete menetlemine" => ["Kaebused ja vaided on lahendatud õiguspäraselt ja tähtaegselt."],
    "Vaideotsuste eelnõude koostamine ning kohtumenetluses ameti esindamine" => ["Vaideotsused on õiguslikult põhjendatud.", "Amet on kohtus esindatud asjatundlikult."],
    "Juriidiliste arvamuste koostamine ja lepingute õiguslik kontroll" => ["Lepingud on õiguslikult korrektsed.", "Arvamused on põhjendatud ja esitatud tähtaegselt."],
    "{a} teenuse disainimine koostöös klientide ja teenuse omanikuga" => ["Teenus on kliendikeskne ja lihtsalt kasutatav.", "Kliendi teekond on kaardistatud."],
    "Äriprotsesside modelleerimine ja protsessimuudatuste juurutamine" => ["Protsessimudelid on ajakohased ja muudatused juurutatud."],
    "Portfelli kuuluvate teenuste arendustegevuste prioriseerimine" => ["Arendused on prioriseeritud ja ressursid jaotatud eesmärgipäraselt."],
    "Peadirektori nõustamine {a} küsimustes ning seisukohtade ettevalmistamine" => ["Peadirektoril on otsuste tegemiseks vajalik teave.", "Seisukohad on põhjendatud ja esitatud tähtaegselt."],
    "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine ja uuenduste algatamine" => ["Muud tööga seotud tegevused ja projektid on edukalt läbi viidud.", "Tehtud on põhjendatud ettepanekud töökorralduse parandamiseks."],
    "Ettepanekute tegemine töökorralduse lihtsustamiseks ja parandamiseks" => ["Tehtud on asjakohased ettepanekud oma valdkonna töökorralduse lihtsustamiseks."],
    "Vahetu juhi ühekordsete ülesannete täitmine" => ["Ülesanded on täidetud tähtaegselt ja korrektselt."],
    "Uute töötajate juhendamine ja sisseelamise toetamine" => ["Uued töötajad on juhendatud ja tunnevad oma tööülesandeid."],
    "Puhkusegraafiku koostamine ja asendamiste korraldamine" => ["Puhkusegraafik on kinnitatud ja asendused korraldatud."],
    "Riskianalüüsi koostamine ja sisekontrollisüsteemi toimimise hindamine" => ["Riskid on kaardistatud ja kontrollimeetmed toimivad."],
    "Ametijuhendite ja rollikaartide vastavuse kontrollimine" => ["Ametijuhendid vastavad rollikaartidele ja tööpere tasemetele."],
];

/// Phrases a duty may end with.
pub const DUTY_CONTEXTS: &[&str] = &[
    "koostöös teiste struktuuriüksustega",
    "oma pädevusvaldkonnas",
    "vastavalt kinnitatud tööplaanile",
    "arvestades klientide vajadusi",
    "kooskõlas ameti strateegiliste eesmärkidega",
    "koostöös teenuse juhiga",
    "koostöös kohalike omavalitsustega",
    "vastavalt kehtivatele õigusaktidele",
    "vajadusel ka teistes piirkondades",
    "koostöös Sotsiaalministeeriumiga",
];

/// Purposes; "{a}" is an area's genitive.
pub const PURPOSES: &[&str] = &[
    "Ametikoha eesmärk on tagada {a} teenuste kvaliteetne ja õigeaegne osutamine.",
    "Ametikoha eesmärk on koordineerida osakonna tegevust kvaliteetse ja kättesaadava {a} teenuse osutamisel.",
    "Ametikoha eesmärk on teenuse rakenduste ja protsesside igapäevase toimimise tagamine, arendamine ning parendamine koostöös teenuse juhiga.",
    "Kasutajate nõustamine SKAISi ja STARi rakenduste kasutamise küsimustes ning kasutajaõiguste omistamine.",
    "Ametikoha eesmärk on {a} taotluste õiguspärane ja tähtaegne menetlemine.",
    "Ametikoha eesmärk on klientide asjatundlik nõustamine ja abistamine {a} küsimustes.",
    "Ametikoha eesmärk on {a} valdkonna arendamine ja poliitika elluviimise toetamine.",
    "Ametikoha eesmärk on tagada ameti kodulehe sisu ajakohasus, kasutajasõbralikkus ja ligipääsetavus.",
    "Ametikoha eesmärk on talituse töö juhtimine ning püstitatud eesmärkide saavutamine.",
    "Ametikoha eesmärk on {a} valdkonna andmete analüüsimine ning juhtimisotsuste toetamine.",
    "Ametikoha eesmärk on tagada infosüsteemide arenduste kvaliteet testimise kaudu.",
    "Ametikoha eesmärk on ameti õiguslik nõustamine ja huvide kaitsmine.",
    "Ametikoha eesmärk on {a} teenuse kliendikeskne disain ja arendamine.",
    "Ametikoha eesmärk on kohalike omavalitsuste nõustamine ning piirkonna sotsiaalteenuste toimepidevuse tagamine.",
    "Ametikoha eesmärk on järelevalve korraldamine {a} teenuste üle.",
    "Ametikoha eesmärk on personalitöö korraldamine ja teenistujate arengu toetamine.",
    "Ametikoha eesmärk on tagada ameti infoturve ja isikuandmete kaitse.",
    "Ametikoha eesmärk on riigihangete korraldamine ja lepingute haldamine.",
    "Ametikoha eesmärk on kuriteoohvritele ja nende lähedastele abi korraldamine.",
    "Ametikoha eesmärk on laste heaolu ja õiguste kaitse tagamine.",
];

pub const RIGHTS: &[&str] = &[
    "teha kaugtööd kokkuleppel vahetu juhiga",
    "kasutada kõiki ameti esindusi töö tegemiseks",
    "saada tööülesannete täitmiseks vajalikku infot, sh ligipääse tööks vajalikele infosüsteemidele",
    "saada tööalast juhendamist ja põhjendatud juhul supervisiooni",
    "osaleda ja esindada ametit oma valdkonna piires töörühmades ja koolitustel",
    "vastu võtta otsuseid oma pädevuse piires",
    "saada tööülesannete täitmiseks vajalikku infot ja abi teistelt struktuuriüksustelt",
    "osaleda ametikohale vajalikel koolitustel ja arendustegevustes",
    "taotleda vajalikke töövahendeid ja -tingimusi",
    "teha ettepanekuid oma valdkonna töö parendamiseks",
    "nõuda klientidelt menetluseks vajalikke dokumente",
    "kooskõlastada oma valdkonda puudutavaid dokumente",
    "esitada päringuid riiklikesse registritesse",
    "saada täiendkoolitust oma kvalifikatsiooni hoidmiseks",
];

pub const RESPONSIBILITIES: &[&str] = &[
    "tööülesannete tulemusliku täitmise eest vastavalt ametijuhendile, ameti põhimäärusele ja muudele kehtivatele õigusaktidele",
    "tööülesannete täitmiseks antud riigi vara heaperemeheliku kasutamise eest",
    "teenistusülesannete täitmisega seoses teatavaks saanud isikuandmete ja muu juurdepääsupiiranguga teabe hoidmise eest",
    "andmebaaside ja infosüsteemide turvalise ja sihipärase kasutamise eest",
    "oma kvalifikatsiooni hoidmise ning täiendamise eest",
    "ameti maine hoidmise eest enda poolt vahendatavas teabes ja oma tegevustes",
    "tehtud otsuste õiguspärasuse eest",
    "talituse eelarve sihipärase kasutamise eest",
    "alluvate töö korraldamise ja tulemuste eest",
    "menetlustähtaegadest kinnipidamise eest",
];

pub const EDUCATION: &[&str] = &[
    "Kõrgharidus",
    "Kõrgharidus, soovitavalt sotsiaaltöö alane",
    "Soovitatavalt infotehnoloogia alane kõrgharidus",
    "Juriidiline kõrgharidus",
    "Magistrikraad või sellega võrdsustatud kvalifikatsioon",
    "Keskharidus, soovitavalt kõrgharidus",
    "Kõrgharidus, soovitavalt majandus- või finantsalane",
    "Kõrgharidus, soovitavalt psühholoogia või sotsiaaltöö erialal",
    "Meditsiinialane kõrgharidus",
    "Rakenduslik kõrgharidus",
];

pub const EXPERIENCE: &[&str] = &[
    "Vähemalt 2-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.",
    "Soovitatavalt 3-aastane töökogemus ametikoha töövaldkonnas.",
    "Vähemalt 3-aastane juhtimiskogemus.",
    "Vähemalt 1-aastane töökogemus klienditeeninduses.",
    "Vähemalt 5-aastane töökogemus valdkonnas, sh inimeste juhtimise kogemus.",
    "Töökogemus infosüsteemide testimise või analüüsiga.",
    "Töökogemus projektijuhtimises on eeliseks.",
    "Varasem töökogemus avalikus sektoris on eeliseks.",
];

pub const COMPUTER_SKILLS: &[&str] = &[
    "Kasutab teksti- ja andmetöötluse põhifunktsioone.",
    "Kasutab teksti- ja andmetöötluse ning esitluse põhifunktsioone. Kasutab info- ja kommunikatsioonitehnoloogiat info otsimiseks, analüüsimiseks ja edastamiseks.",
    "Kasutab sisuhaldustarkvarasid klientidele info edastamiseks ja HTMLi.",
    "Oskab kasutada SQL-päringuid ja andmeanalüüsi tööriistu.",
    "Oskab kasutada Jirat ja Confluence'i.",
    "Tunneb SKAISi ja STARi rakendusi.",
];

pub const KNOWLEDGE: &[&str] = &[
    "Sotsiaalhoolekande seaduse ja sellega seotud õigusaktide tundmine.",
    "Haldusmenetluse seaduse tundmine.",
    "Perehüvitiste seaduse tundmine.",
    "Riikliku pensionikindlustuse seaduse tundmine.",
    "Isikuandmete kaitse üldmääruse tundmine.",
    "Riigihangete seaduse tundmine.",
    "Teenusedisaini põhimõtete tundmine.",
    "Testimise metoodikate tundmine.",
    "Lastekaitseseaduse tundmine.",
    "Ohvriabi seaduse tundmine.",
    "Projektijuhtimise põhimõtete tundmine.",
    "Avaliku teenistuse seaduse tundmine.",
];

pub const QUALITIES: &[&str] = &[
    "Hoolivus, asjatundlikkus, koostöövõime, uuendusmeelsus",
    "Täpsus, kohusetundlikkus, pingetaluvus",
    "Analüüsivõime, iseseisvus, algatusvõime",
    "Suhtlemisoskus, empaatiavõime, abivalmidus",
    "Otsustusvõime, vastutustundlikkus, juhtimisoskus",
    "Loovus, paindlikkus, õppimisvõime",
];

pub const WORK_EQUIPMENT: &[&str] = &[
    "Töövahenditeks on töötaja kasutusse antud sülearvuti tööks vajaliku tarkvaraga, mobiiltelefon ning ühiskasutuses olev kontoritehnika ja -mööbel.",
    "Töövahenditeks on kontorimööbel, kontoritarbed, sülearvuti koos tööks vajaliku tarkvaraga ning ühiskasutuses olev kontoritehnika.",
    "Töövahenditeks on arvuti, telefon ja ameti sõiduauto kokkuleppel vahetu juhiga.",
];

/// A competency: name and indicators.
pub const CORE_COMPETENCIES: &[(&str, &[&str])] = &[
    (
        "Kliendikesksus",
        &[
            "Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.",
            "Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.",
            "Näitab üles austust avalikkuse ja kolleegide suhtes.",
        ],
    ),
    (
        "Asjatundlikkus",
        &[
            "Tunneb põhjalikult oma vastutusala, hoiab end kursis valdkonna arengute ja parimate praktikatega.",
            "Täiendab ja jagab oma teadmisi ja infot, arendab end erialaselt.",
        ],
    ),
    (
        "Koostöövõime",
        &[
            "Tajub oma rolli ameti eesmärkide täitmisel ning teeb koostööd kolleegide ja partneritega.",
            "Tegutseb meeskonna liikmena ning leiab lahendusi koos kolleegidega.",
        ],
    ),
    (
        "Uuendusmeelsus",
        &["Oleme ennetavad, võtame kiiresti omaks uued lähenemised ja tehnilised lahendused."],
    ),
    (
        "Efektiivsus",
        &[
            "Seab prioriteete ja kasutab aega ja ressursse otstarbekalt.",
            "Saavutab kokkulepitud tulemused tähtaegselt.",
        ],
    ),
];

pub const ADDITIONAL_COMPETENCIES: &[(&str, &[&str])] = &[
    (
        "Suhtlemis- ja mõjutamisoskus",
        &[
            "Selgitab keerukaid teemasid arusaadavalt ja täpselt. Põhjendab veenvalt oma seisukohti.",
        ],
    ),
    (
        "Analüüsi- ja üldistusvõime",
        &[
            "Valib sobivad meetodid info kogumiseks, analüüsib ja hindab info olulisust ja asjakohasust, näeb tervikpilti ja mõistab seoseid.",
        ],
    ),
    (
        "Korrektsus",
        &["Täidab ülesandeid täpselt, kvaliteetselt, tähtaegselt ja vastavalt seatud nõuetele."],
    ),
    (
        "Empaatiavõime",
        &[
            "On tähelepanelik teiste vajaduste, murede ja tunnete suhtes. Suhtleb taktitundeliselt ka pingelistes olukordades.",
        ],
    ),
    (
        "Juhendamisoskus",
        &["Aitab kaastöötajatel leida nende töös uusi võimalusi, meetodeid ja teadmist."],
    ),
    (
        "Loovus",
        &["Genereerib ideid ja teeb uusi algatusi, näitab üles initsiatiivi."],
    ),
    (
        "Pingetaluvus",
        &["Hoiab oma tundeid kontrolli all ja säilitab tasakaalu ka suure töökoormuse korral."],
    ),
    (
        "Abivalmidus",
        &[
            "Märkab abivajajat ja pakub ise abi. Kuulab ja selgitab probleemi olemust, et leida lahendus.",
        ],
    ),
    (
        "Suhete loomise oskus",
        &["Loob suhteid ja suhete võrgustikke tegevusvaldkonnas oma töö edendamiseks."],
    ),
    (
        "Otsustusvõime",
        &["Teeb põhjendatud otsuseid ka ebapiisava info korral ja vastutab nende eest."],
    ),
    (
        "Strateegiline mõtlemine",
        &["Seob oma valdkonna eesmärgid ameti ja riigi strateegiliste suundadega."],
    ),
    (
        "Rehabilitatsioonivaldkonna tundmine",
        &["Tunneb rehabilitatsiooniteenuste korraldust ja teenuseosutajate võrgustikku."],
    ),
    (
        "Infotehnoloogiline pädevus",
        &["Mõistab infosüsteemide arhitektuuri, andmevahetust x-tee kaudu ja arendusprotsesse."],
    ),
    (
        "Andmeanalüüsi oskus",
        &["Oskab andmeid koondada, visualiseerida ja tõlgendada."],
    ),
];

/// (title, role card index in ROLE_CARDS, job family, levels, share of officials 0–10)
pub const TITLES: &[(&str, usize, &str, &[&str], u32)] = &[
    ("Spetsialist", 7, "Valdkondlik tööpere", &["2", "3"], 4),
    ("Menetleja", 7, "Valdkondlik tööpere", &["2", "3"], 8),
    ("Nõustaja", 7, "Valdkondlik tööpere", &["2", "3", "4"], 3),
    ("Peaspetsialist", 8, "Valdkondlik tööpere", &["3", "4"], 6),
    (
        "Juhtivspetsialist",
        2,
        "Poliitika rakendamine",
        &["4", "4B"],
        7,
    ),
    ("Ekspert", 9, "Poliitika rakendamine", &["4", "5"], 6),
    ("Peakasutaja", 12, "IT-konsultandid", &["1", "2"], 2),
    ("Testjuht", 11, "IT-testimine", &["3"], 1),
    ("Veebihaldur", 10, "IT-konsultandid", &["1"], 1),
    (
        "Teenuse disainer",
        13,
        "Poliitika rakendamine",
        &["3", "4"],
        2,
    ),
    ("Teenuseomanik", 4, "Poliitika rakendamine", &["3"], 5),
    (
        "Piirkonna koordinaator",
        3,
        "Poliitika rakendamine",
        &["4B"],
        5,
    ),
    (
        "Peadirektori nõunik",
        6,
        "Poliitika rakendamine",
        &["6A"],
        9,
    ),
    (
        "Jurist",
        8,
        "Õigusloome ja õiguse rakendamine",
        &["3", "4"],
        9,
    ),
];

/// Role card headings of the 2024 catalogue.
pub const ROLE_CARDS: &[(&str, &str)] = &[
    ("OSAKONNA JUHATAJA", "Poliitika rakendamine 5, 6 või 7"),
    ("TALITUSE JUHATAJA", "Poliitika rakendamine 4 või 5"),
    ("JUHTIVSPETSIALIST", "Poliitika rakendamine 4 või 4B"),
    ("STO PIIRKONNA KOORDINAATOR", "Poliitika rakendamine 4B"),
    ("TEENUSEOMANIK", "Poliitika rakendamine 3"),
    ("PORTFELLIHALDUR", "Poliitika rakendamine 6A"),
    ("PEADIREKTORI NÕUNIK", "Poliitika rakendamine 6A"),
    ("SPETSIALIST", "Valdkondlik tööpere, tase 2, 3 või 4"),
    ("PEASPETSIALIST", "Valdkondlik tööpere, tase 2 kuni 4"),
    ("EKSPERT", "Poliitika rakendamine 4 või 5"),
    ("(VEEBI)HALDUR", "IT-konsultandid 1"),
    ("TESTJUHT", "IT-testimine 3"),
    ("PEAKASUTAJA", "IT-testimine 3 või IT-konsultandid 2"),
    ("TEENUSE DISAINER", "Poliitika rakendamine 3"),
];

pub const DEPARTMENTS: &[&str] = &[
    "Teenuste osakond",
    "Arendusosakond",
    "Hüvitiste osakond",
    "Pensionide osakond",
    "Rehabilitatsiooni osakond",
    "Ohvriabi osakond",
    "Lastekaitse osakond",
    "Personaliosakond",
    "Õigusosakond",
    "Finantsosakond",
    "Kommunikatsiooniosakond",
    "Ekspertiisi osakond",
];

pub const DIVISIONS: &[&str] = &[
    "Arendustalitus",
    "Perehüvitiste talitus",
    "Pensionide talitus",
    "Klienditeeninduse talitus",
    "Ekspertiisi talitus",
    "Abivahendite talitus",
    "Erihoolekande ja rehabilitatsiooni talitus",
    "Ohvriabi talitus",
    "Lastekaitse talitus",
    "Analüüsitalitus",
    "Andmehalduse talitus",
    "Kvaliteedi talitus",
    "Õigustalitus",
    "Personalitalitus",
    "Raamatupidamise talitus",
    "Hanketalitus",
    "Infoturbe talitus",
    "Elatisabi talitus",
    "Välissuhete talitus",
    "Dokumendihalduse talitus",
    "Töövõime hindamise talitus",
    "Asendushoolduse talitus",
];

pub const TEAMS: &[&str] = &[
    "Kasutajatoe tiim",
    "Perehüvitiste valdkonna tiim",
    "Taotluste menetlemise tiim",
    "Nõustamise meeskond",
    "Tallinna piirkonna tiim",
    "Tartu piirkonna tiim",
    "Pärnu piirkonna tiim",
    "Jõhvi piirkonna tiim",
    "Testimise tiim",
    "Veebitiim",
    "Järelevalve meeskond",
    "Kriisivalmiduse valdkond",
    "Andmeanalüüsi tiim",
    "Teenusedisaini tiim",
];

/// First names of the generated (fictional) holders.
pub const FIRST_NAMES: &[&str] = &[
    "Mari", "Kati", "Liis", "Kadri", "Piret", "Tiina", "Anu", "Kristi", "Helen", "Merike", "Triin",
    "Maarja", "Eve", "Annika", "Kersti", "Jaan", "Peeter", "Andres", "Toomas", "Margus", "Tarmo",
    "Rein", "Urmas", "Indrek", "Siim", "Marko", "Priit", "Kaido", "Ain", "Madis",
];

/// Surnames of the generated (fictional) holders.
pub const SURNAMES: &[&str] = &[
    "Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepik",
    "Kuusk", "Karu", "Lõhmus", "Vaher", "Põder", "Kivi", "Jõgi", "Oja", "Raud", "Mets", "Luik",
    "Org", "Rand", "Laur", "Kallas", "Aas", "Nurm", "Peterson", "Ots",
];
