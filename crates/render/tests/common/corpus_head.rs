//! The head of department's job description of shared/corpus
//! (ska-ametijuhend-osakonnajuhataja-teenuste-osakond), kept apart from the other fixtures for
//! its length.

use super::*;

/// ska-ametijuhend-osakonnajuhataja-teenuste-osakond (2023 template), awaiting signature.
pub fn osakonnajuhataja() -> JobDescription {
    let mut jd = base(
        "osakonnajuhataja-teenuste-osakond",
        Template::Ska2023,
        Status::InCoordination,
    );
    jd.general = GeneralPart {
        title: "Osakonnajuhataja".into(),
        specialisation: None,
        unit: "Teenuste osakond".into(),
        supervisor: Some("Peadirektor".into()),
        subordinates: vec![],
        substituted_by: s(&[
            "Erihoolekande ja rehabilitatsiooni talituse talitusejuhataja",
            "abivahendite talituse talitusejuhataja",
            "ekspertiisi talituse talitusejuhataja",
        ]),
        substitutes_for: vec![],
        staff_group: None,
    };
    jd.purpose = "Ametikoha eesmärk on koordineerida osakonna tegevust kvaliteetse ja kättesaadava ekspertiisi ja sotsiaalteenuste osutamisel ning tagada Sotsiaalkindlustusameti (edaspidi amet) sotsiaalteenuseid pakkuvate projektide ellu rakendamine.".into();
    jd.duties = numbered(
        3,
        vec![
            duty(
                "Kvaliteetsete sotsiaalteenuste osutamise tagamine, sh teenuseosutajate teadlikkuse tõstmine ja koostöö tõhustamine; nõustavat-konsulteerivat meetodit rakendava järelevalvesüsteemi korraldamise tagamine.",
                &[
                    "Sotsiaalkindlustusameti poolt tagatud sotsiaalteenused on kvaliteetsed ja kättesaadavad.",
                ],
            ),
            duty(
                "Oma valdkonnas õigusaktide eelnõude koostamises ja arengukavade väljatöötamises osalemine. Kooskõlastamiseks esitatud õigusaktide eelnõude ja arengukavade läbivaatamine.",
                &[
                    "Õigusaktide eelnõude ja arengukavade koostamisel ja kooskõlastamisel on analüüsitud rakenduslikke aspekte, tehtud ettepanekud on asjatundlikud ning ökonoomselt administreerivad.",
                ],
            ),
            duty(
                "Peadirektorile ettepanekute esitamine oma valdkonda reguleerivate õigusaktide ja ametisiseste käskkirjade muutmiseks. Nimetatud õigusaktide tutvustamine meediakanalite kaudu, õppustel ja loengutel.",
                &[
                    "Ettepanekud on asjakohased ja rakendatavad võimaldades töö efektiivsemat ja otstarbekamat korraldust.",
                    "Avalikkus on informeeritud valdkonda reguleerivatest õigusaktidest.",
                ],
            ),
            duty(
                "Ülevaate omamine projektide hetkeseisust, vajadusel töö korraldamine ja koordineerimine.",
                &[
                    "Projektid on ellurakendatud.",
                    "Järgitud on tegevuskava ja ajaplaani.",
                ],
            ),
            duty(
                "Osakonna tööprotsesside analüüsimine ja arendamine. Osakonna töö planeerimine, koordineerimine ja töötulemuste eest vastutamine. Tööjaotuse määramine osakonnas.",
                &[
                    "Tööprotsessid on analüüsitud. Esitatud on vajalikud parendusettepanekud.",
                    "Ellu on viidud vajalikud arendustegevused.",
                    "Osakonna töö on planeeritud. Tööülesanded jagatud ja nende täitmist selgitatud.",
                    "Olemas on süsteemne ülevaade tööülesannete täitmisest ning regulaarne töötulemuste analüüs.",
                ],
            ),
            duty(
                "Teenistujate värbamisprotsessis osalemine ja pühendumuse, motivatsiooni ning pädevuse tagamine.",
                &[
                    "Õiged inimesed teenistuskohtadele on leitud. Teenistujatele on püstitatud selged ootused ja motiveerivad eesmärgid.",
                    "Teenistujatele on tagatud juhendamine ja motiveerimine ning tugi keerulistes väljakutsetes. Arengutegevused (sh koolitused) on vastavalt vajadusele planeeritud ja läbi viidud.",
                    "Teenistujate töötulemusi hinnatakse objektiivselt, tagatud on aus ning avatud tagasiside soorituse kohta.",
                    "Alluvad on oma tööprotsessis pädevad.",
                ],
            ),
            duty(
                "Infovahetuse ja koostöö tagamine.",
                &[
                    "Teenistujad on informeeritud ja kaasatud.",
                    "Toimib koostöö struktuuriüksuste vahel.",
                    "Välja on kujunenud asutuseväline koostööpartnerite võrgustik ja tagatud infovahetus koostööpartneritega.",
                ],
            ),
            duty(
                "Ettepanekute tegemine osakonna koosseisu ja töökorralduse muutmiseks.",
                &[
                    "Ettepanekute tegemisel on lähtutud osakonna strateegilistest suundadest ja tööjõu vajadusest.",
                ],
            ),
            duty(
                "Osakonna teenistujate ametijuhendite väljatöötamine ja uuendamine.",
                &["Ametijuhendid on koostatud ja kaasajastatud."],
            ),
            duty(
                "Alluvatega aastavestluste, regulaarsete üks ühele vestluste ning katseajavestluste läbiviimine.",
                &["Vestlused on tulemuslikud ja viidud läbi õigeaegselt ning regulaarselt."],
            ),
            duty(
                "Sisendi andmine osakonna eelarve koostamisse ning kinnitatud eelarve jälgimise, analüüsimise ja täitmise eest vastutamine. Osakonna ülesannete täitmiseks vajalike vahendite taotlemine.",
                &[
                    "Sisend osakonna eelarve koostamisse on antud õigeaegselt ning selle aluseks on sisuline analüüs.",
                    "Eelarve täitmist jälgitakse ja analüüsitakse regulaarselt. Ressursse kasutatakse sihipäraselt ja efektiivselt.",
                    "Taotlused on esitatud õigeaegselt ja vajadustest lähtuvalt.",
                ],
            ),
            duty(
                "Osakonna nimel arvamuste ja kooskõlastuste andmine ameti juhtkonnale ja teistele struktuuriüksustele.",
                &["Ettepanekud on esitatud argumenteeritult."],
            ),
            duty(
                "Osalemine arengustrateegiate ja aastaplaanide väljatöötamisel, osakonna tööplaanide koostamise juhtimine.",
                &[
                    "Juhtkonnas on kokku lepitud ameti eesmärgid ja strateegilised tegevussuunad.",
                    "Analüüside alusel tehtud ettepanekud kajastuvad valdkonna poliitikates.",
                    "Tööplaanid on koostatud juhtkonnas kokkulepitud ajakava ja strateegilisi tegevussuundi arvesse võttes.",
                ],
            ),
            duty(
                "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine ja uuenduste algatamine, sh vastutusvaldkonna tutvustamine väljaspool ametit.",
                &[
                    "Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või juhtkonna korraldusel edukalt läbi viidud.",
                    "Tehtud on põhjendatud muud ameti võimalustest ja eesmärkidest lähtuvad arendusettepanekud.",
                ],
            ),
            duty(
                "Vahetu juhi antud muude ühekordsete ülesannete täitmine.",
                &["Ülesanded on täidetud nõuetekohaselt ja tähtaegselt."],
            ),
        ],
    );
    jd.rights = ListSection {
        intro: Some("Omab õigust:".into()),
        items: remote_rights("vastu võtta otsuseid oma pädevuse piires"),
    };
    jd.responsibilities = ListSection {
        intro: Some("Omab vastutust:".into()),
        items: standard_responsibilities(),
    };
    jd.work_equipment = Some("Töövahenditeks on töötaja kasutusse antud sülearvuti tööks vajaliku tarkvaraga ning ühiskasutuses olev kontoritehnika ja -mööbel.".into());
    jd.requirements = Requirements {
        education: Some("Magistrikraadile vastav kvalifikatsioon.".into()),
        work_experience: Some("Vähemalt 5-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas ja vähemalt 2-aastane juhtimise kogemus.".into()),
        languages: vec![
            lang(Some("et"), Cefr::C1, &[], "Valdab eesti keelt vähemalt tasemel C1."),
            lang(None, Cefr::B1, &["en", "ru"], "Valdab vähemalt ühte võõrkeelt (soovitavalt inglise või vene keelt) vähemalt tasemel B1."),
        ],
        computer_skills: Some("Vilunud MS Office tootepere kasutaja. Omandab kiiresti uute programmide spetsiifika ning otsib uusi infotehnoloogilisi lahendusi oma töö lihtsustamiseks.".into()),
        ..Requirements::default()
    };
    let mut additional = taiendavad();
    additional.extend(juhi_teadmised());
    jd.competencies = refs(&juhi_kompetentsid(), &additional);
    jd.amendment_rules = s(&[REVIEW_RULE, CONSENT_RULE]);
    jd.signatures = vec![Signature {
        party: SignatureParty::Approver,
        name: None,
        title: None,
        signed_digitally: true,
        date: None,
        placeholders: s(&["{Allkirjastaja}", "{Ametikoht}"]),
    }];
    jd
}
