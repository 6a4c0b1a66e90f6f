//! The competencies of the four corpus job descriptions (shared/corpus), as library records.
//! Core competencies have indicators; additional ones a single description (or none).

use ametijuhend_domain::Competency;

fn c(name: &str, indicators: &[&str]) -> Competency {
    Competency::from_text(name, indicators.iter().map(|s| s.to_string()).collect())
}

/// Core competencies of specialists (peakasutaja, veebihaldur, STAR kasutajatugi).
pub fn kliendikesksus() -> Competency {
    kliendi("Kliendikesksus")
}

/// The key user's document spells it "Kliendikeskus".
pub fn kliendikeskus() -> Competency {
    kliendi("Kliendikeskus")
}

fn kliendi(name: &str) -> Competency {
    c(
        name,
        &[
            "Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.",
            "Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.",
            "Näitab üles austust avalikkuse ja kolleegide suhtes.",
        ],
    )
}

pub fn asjatundlikkus() -> Competency {
    c(
        "Asjatundlikkus",
        &[
            "Tunneb põhjalikult oma vastutusala, hoiab end kursis valdkonna arengute ja parimate praktikatega.",
            "Seab kõrged standardid töötamisele, tegutseb professionaalselt ja saavutab kokkulepitud eesmärgid.",
            "Täiendab ja jagab oma teadmisi ja infot, arendab end erialaselt. Järgib tööks vajalikke õigusakte ja juhendmaterjale.",
            "Tagab usaldusväärsuse oma pühendunud ja kohusetundliku tööga.",
        ],
    )
}

pub fn koostoovoime() -> Competency {
    c(
        "Koostöövõime",
        &[
            "Tajub oma rolli ameti eesmärkide täitmisel ning teeb koostööd kolleegide ja partneritega.",
            "Tegutseb meeskonna liikmena ning leiab lahendusi koos kolleegidega.",
            "Täidab kokkulepped ja lubadused.",
            "On avatud, kuulab ja mõtleb kaasa. Annab ja kasutab tagasisidet eesmärkide saavutamiseks. Näitab üles algatusvõimet ja teeb ettepanekuid.",
        ],
    )
}

pub fn uuendusmeelsus() -> Competency {
    c(
        "Uuendusmeelsus",
        &["Oleme ennetavad, võtame kiiresti omaks uued lähenemised ja tehnilised lahendused."],
    )
}

pub fn efektiivsus() -> Competency {
    c(
        "Efektiivsus",
        &[
            "Organiseerib oma tööd efektiivselt, seab prioriteete ja täidab ülesanded õigeaegselt. On süsteemne ja sihipärane, kasutab efektiivseid tegutsemis-meetodeid, viib alustatu lõpuni.",
            "On muutuvas keskkonnas võimeline kohanema.",
            "Võtab vastutuse enda tegevuse eest.",
            "Edastab infot selgelt ja otsekoheselt.",
            "Kasutab ressursse tulemuslikult ning vastutustundlikult.",
        ],
    )
}

/// Core competencies of a head of department (osakonnajuhataja).
pub fn juhi_kompetentsid() -> Vec<Competency> {
    vec![
        c(
            "Kliendikesksus",
            &[
                "Huvitub ühiskonna hetkesuundumustest ning analüüsib nende mõju ametile ja klientidele.",
                "Lähtub töö korraldamisel kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest, kindlustades kvaliteetse teenuse.",
                "Selgitab töötajatele, kuidas nende töö on seotud klientidele pakutava teenuse ja kliendirahuloluga.",
                "Näitab üles austust avalikkuse ja kaastöötajate suhtes. On hea suhtleja.",
            ],
        ),
        c(
            "Asjatundlikkus",
            &[
                "Tunneb põhjalikult oma vastutusala ning omab ülevaadet ameti töövaldkondadest ja nendega seonduvatest teemadest.",
                "Omab infot ameti eesmärkidest ja prioriteetidest, edastab järjepidevalt vajalikku teavet töötajatele.",
                "Panustab ameti arengusse ning on enda ja töötajate arengule suunatud.",
                "Tagab usaldusväärsuse oma pühendunud ja kohusetundliku tööga.",
                "Tegutseb eetiliselt, olles eeskujuks.",
            ],
        ),
        c(
            "Meeskonnatöö",
            &[
                "Tajub oma rolli ametis ning teeb koostööd kolleegide ja partneritega.",
                "Keskendub meeskonnatööle, võtab töö korraldamisel arvesse inimeste erinevust. Kaasab ja innustab töötajaid ning delegeerib.",
                "Annab ise ning küsib ausat ja konstruktiivset tagasisidet. Edastab selgelt oma ootused ning seab normid.",
                "Loob positiivse ja avatud õhkkonna ning meeskonnatunde. Tunnustab ja tähistab edu.",
                "Hindab algatusvõimet ja julgustab olema uuendusmeelne.",
            ],
        ),
        c(
            "Eestvedamine",
            &[
                "Seab eesmärgid ja kõrged standardid töötegemiseks.",
                "Seab tegevused eesmärke silmas pidades tähtsuse järjekorda ja loob selguse töökorralduses.",
                "Toetab edasipüüdlikkust.",
                "Tagab üheselt mõistetava ja kiire infovahetuse.",
                "Tema juhtimisel saavad asjad tehtud, teeb otsuseid ning kindlustab otsuste elluviimise. Võtab vastutuse enda ja meeskonna tegevuse eest.",
                "Juhib protsesse ja kasutab ressursse tulemuslikult ning vastutustundlikult.",
            ],
        ),
    ]
}

/// "Täiendavad kompetentsid, isikuomadused ja teadmised" shared by the 2023 documents.
pub fn taiendavad() -> Vec<Competency> {
    vec![
        c(
            "Suhtlemis- ja mõjutamisoskus, sh selge ja veenev eneseväljendusoskus",
            &[
                "Selgitab keerukaid teemasid arusaadavalt ja täpselt. Põhjendab veenvalt oma seisukohti. Kindlustab osapoolte toetuse ja pühendumuse muutustele, projektidele vms, kasutades erinevaid mõjutamismeetodeid ja -kanaleid.",
            ],
        ),
        c(
            "Analüüsi- ja üldistusvõime",
            &[
                "Valib sobivad meetodid info kogumiseks, analüüsib ja hindab info olulisust ja asjakohasust, näeb tervikpilti ja mõistab seoseid, kasutab infot otsuste vastuvõtmisel ja soovituste ning prognooside tegemisel.",
            ],
        ),
        c(
            "Korrektsus",
            &[
                "Täidab ülesandeid täpselt, kvaliteetselt, tähtaegselt ja vastavalt seatud nõuetele. Väljendab end selgelt ja vormiliselt korrektselt. Vigade tekkimisel märkab neid ning parandab need koheselt. Märkab ka teiste inimeste vigu ja juhib neile tähelepanu.",
            ],
        ),
        c(
            "Empaatiavõime",
            &[
                "On tähelepanelik teiste vajaduste, murede ja tunnete suhtes, tajub ja mõistab neid. Suhtleb taktitundeliselt ka pingelistes ja emotsionaalsetes olukordades. Julgustab ja toetab.",
            ],
        ),
        c(
            "Juhendamisoskus",
            &[
                "Aitab kaastöötajatel leida nende töös uusi võimalusi, meetodeid ja teadmist. Võimaldab kaastöötajatel vastutust võtta ja julgustab neid panustama enda arengusse. Innustab tegutsema ja saavutama, näitab üles positiivsust ja entusiasmi, aitab lahendada probleeme.",
            ],
        ),
        c(
            "Loovus",
            &[
                "Genereerib ideid ja teeb uusi algatusi, näitab üles initsiatiivi. Arendab uusi ja olemasolevaid lahendusi. Innustub uute võimaluste ja lahenduste leidmisest. Otsib inspiratsiooni teistest valdkondadest, et luua lisaväärtust.",
            ],
        ),
        c(
            "Pingetaluvus (tasakaalukus)",
            &[
                "Hoiab oma tundeid kontrolli alla ja säilitab tasakaalu ja töövõime ka olukordades, kus ollakse vastamisi vaenulikkuse või vastasseisuga või kui töötatakse pidevas stressi olukorras või suure töökoormusega. Tuleb konstruktiivselt toime ebaõnnestumiste ja kriitikaga. Oskab teiste pingeid maha võtta.",
            ],
        ),
        c(
            "Abivalmidus",
            &[
                "Märkab abivajajat ja pakub ise abi. On kättesaadav erinevates küsimustes. Kuulab ja selgitab probleemi olemust, et leida lahendus. Kui ise ei oska, leiab kellegi, kes oskab aidata.",
            ],
        ),
        c(
            "Suhete loomise oskus",
            &[
                "Arendab teadlikult nii formaalseid kui mitteformaalseid suhteid, loob suhteid ja suhete võrgustikke tegevusvaldkonnas oma töö edendamiseks. On koostööpartneritega avatud ja sõbralik. Võtab aktiivselt osa üritustest ja algatab ise kokkusaamisi.",
            ],
        ),
    ]
}

/// The knowledge items the head of department's document adds to the additional list.
pub fn juhi_teadmised() -> Vec<Competency> {
    vec![
        c(
            "Sotsiaalvaldkonna ja erihoolekande valdkonda reguleerivate õigusaktide tundmine",
            &[],
        ),
        c("Rehabilitatsioonivaldkonna tundmine", &[]),
        c("Teadmised finantsjuhtimise alustest", &[]),
        c("Teadmised projektijuhtimise põhimõtetest", &[]),
    ]
}
