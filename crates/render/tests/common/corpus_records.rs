//! The four job descriptions of shared/corpus as domain records, built field by field from the
//! documents' text, and a registry holding them (with units, positions, the competency library
//! and directive nr 49 of 06.03.2023 that approved the key user's job description).
//!
//! Shared by the integration tests, the unit tests (via `#[path]`) and the benchmark.

#![allow(dead_code)]

#[path = "corpus_competencies.rs"]
mod competencies;
#[path = "corpus_head.rs"]
mod head;

use ametijuhend_domain::{
    Approval, Cefr, Competency, CompetencyKind, CompetencyRef, Directive, DirectiveAnnex,
    DirectiveId, Duty, GeneralPart, JobDescription, JobDescriptionId, LanguageCode,
    LanguageRequirement, ListSection, Position, PositionId, Registry, Requirements, Signature,
    SignatureParty, StaffGroup, Status, Template, Unit, UnitId, UnitKind,
};
use chrono::NaiveDate;

pub use competencies::*;
pub use head::osakonnajuhataja;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("fixture dates are valid")
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn duty(text: &str, results: &[&str]) -> Duty {
    Duty {
        number: String::new(),
        text: text.to_string(),
        expected_results: s(results),
    }
}

/// Numbers duties "{section}.1", "{section}.2" … as the documents do.
fn numbered(section: u32, mut duties: Vec<Duty>) -> Vec<Duty> {
    for (i, d) in duties.iter_mut().enumerate() {
        d.number = format!("{section}.{}", i + 1);
    }
    duties
}

fn lang(code: Option<&str>, level: Cefr, preferred: &[&str], text: &str) -> LanguageRequirement {
    LanguageRequirement {
        language: code.map(|c| LanguageCode::parse(c).expect("fixture codes are valid")),
        level,
        preferred: preferred
            .iter()
            .map(|c| LanguageCode::parse(c).expect("fixture codes are valid"))
            .collect(),
        count: code.is_none().then_some(1),
        text: text.to_string(),
    }
}

fn refs(core: &[Competency], additional: &[Competency]) -> Vec<CompetencyRef> {
    core.iter()
        .map(|c| (c, CompetencyKind::Core))
        .chain(additional.iter().map(|c| (c, CompetencyKind::Additional)))
        .map(|(c, kind)| CompetencyRef {
            competency: c.id.clone(),
            kind,
        })
        .collect()
}

/// A job description with every field empty; the fixtures fill in what their document has.
/// Built through serde so that fields the domain adds with a default need no change here.
pub fn base(key: &str, template: Template, status: Status) -> JobDescription {
    let value = serde_json::json!({
        "id": JobDescriptionId::derived(&format!("{key} v1")),
        "position": PositionId::derived(key),
        "version": 1,
        "status": status,
        "template": template,
        "created_at": "2024-01-15T09:00:00Z",
        "general": GeneralPart::default(),
        "purpose": "",
        "duties": [],
        "rights": ListSection::default(),
        "responsibilities": ListSection::default(),
        "requirements": Requirements::default(),
        "competencies": [],
        "amendment_rules": [],
        "signatures": [],
    });
    serde_json::from_value(value).expect("the fixture's base record deserialises")
}

const REVIEW_RULE: &str =
    "Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel.";
const CONSENT_RULE: &str = "Ametniku nõusolekuta võib ametijuhendit muuta, kui ei muutu ametikoha eesmärk, põhiülesanded ning oluliselt ei suurene teenistusülesannete maht.";

fn own_initiative() -> Duty {
    duty(
        "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine ja uuenduste algatamine.",
        &[
            "Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või juhtkonna korraldusel edukalt läbi viidud.",
            "Tehtud on põhjendatud ettepanekud töökorralduse parandamiseks või muud arendusettepanekud, mis lähtuvad ameti võimalustest ja eesmärkidest.",
        ],
    )
}

fn remote_rights(last: &str) -> Vec<String> {
    let mut v = s(&[
        "teha kaugtööd kokkuleppel vahetu juhiga;",
        "kasutada kõiki ameti esindusi töö tegemiseks;",
        "saada tööülesannete täitmiseks vajalikku infot, sh ligipääs tööks vajalikele infosüsteemidele;",
        "saada tööalast juhendamist ja põhjendatud juhul supervisiooni;",
        "osaleda ja esindada ametit oma valdkonna piires töörühmades, koolitustel jne.",
    ]);
    v.push(last.to_string());
    v
}

fn standard_responsibilities() -> Vec<String> {
    s(&[
        "tööülesannete tulemusliku täitmise eest vastavalt ametijuhendile, ameti põhimäärusele, äriprotsesside töövoogudele ja muudele kehtivatele õigusaktidele, juhenditele ning püstitatud eesmärkidele;",
        "tööülesannete täitmiseks antud riigi vara heaperemeheliku kasutamise eest;",
        "tööülesannete täitmisega seoses teatavaks saanud isikuandmete ning juurdepääsupiiranguga teabe ja konfidentsiaalse info hoidmise eest;",
        "andmebaaside ja infosüsteemide turvalise ja sihipärase kasutamise eest;",
        "oma kvalifikatsiooni hoidmise ning täiendamise eest;",
        "ameti maine hoidmise eest enda poolt vahendatavas teabes ja oma tegevustes.",
    ])
}

fn director_signature(party: SignatureParty) -> Signature {
    Signature {
        party,
        name: Some("Maret Maripuu".into()),
        title: Some("Peadirektor".into()),
        signed_digitally: true,
        date: None,
        placeholders: vec![],
    }
}

/// ska-ametijuhend-peaspetsialist-star-kasutajatugi (2024 template).
pub fn star() -> JobDescription {
    let mut jd = base("star-kasutajatugi", Template::Ska2024, Status::InForce);
    jd.general = GeneralPart {
        title: "Peaspetsialist".into(),
        specialisation: Some("STAR kasutajatugi".into()),
        unit: "Arendusosakond, arendustalitus".into(),
        supervisor: Some("Juhtivspetsialist (kasutajatugi)".into()),
        subordinates: vec![],
        substituted_by: s(&["Peaspetsialist", "juhtivspetsialist (kasutajatugi)"]),
        substitutes_for: s(&["Peaspetsialist", "juhtivspetsialist (kasutajatugi)"]),
        staff_group: Some(StaffGroup::Employee),
    };
    jd.purpose = "Kasutajate nõustamine sotsiaalkaitse infosüsteemi (SKAIS) rakenduste ning sotsiaalteenuste ja -toetuste andmeregistri (STAR) rakenduse kasutamise küsimuste ning nendega seotud probleemidega ning lahenduste info kogumine, organiseerimine ning vahendamine (sh kasutajaõiguste omistamine SKAISis ja STARis ning muudes vajalikes registrites).".into();
    jd.special_conditions = Some("Eritingimused määratakse töölepingus.".into());
    let access = [
        "Kasutajate juurdepääsuõigused andmebaasidele on vastavuses ametijuhendites sätestatud teenistuskohustustele.",
        "Kasutajakontod ning õigused on omistatud, peatatud ja lõpetatud õigeaegselt.",
    ];
    jd.duties = numbered(
        2,
        vec![
            duty(
                "Teenistujate nõustamine SKAISi ja STARi rakenduste kasutamisel, nendega seotud funktsionaalsuste toimimist ja andmeprobleeme puudutava info kogumine, organiseerimine, vahendamine ja lahendamine.",
                &[
                    "SKAIS ja STAR rakendustoe poole pöördunute juhtumid on menetletud vastavalt kokkulepitud raamistikule, sh. vajadusel pöördumised edastatud lahendamiseks arendustalituse valdkonnaspetsialistidele või kolmandatele osapooltele.",
                    "Rakendustoe poole pöördujad on saanud asjakohast teavet.",
                    "Proaktiivsed teavitamised on asjakohased.",
                    "Arendustalituse poolse monitooringuga ning muust allikast laekunud SKAISi ja STARiga seotud funktsionaalsuste häirete info on edastatud vajalikele osapooltele.",
                ],
            ),
            duty(
                "Teenistuja ajutisel puudumisel teisele töötajale SKAISi kasutajaõiguste andmine riikliku pensionikindlustuse registri andmete töötlemiseks vastavalt kinnitatud puhkusegraafikule või õigustatud isiku poolt esitatud töötaja asendamise korraldusele.",
                &[
                    access[0],
                    "Kasutajakontod ning -õigused on omistatud, peatatud ja lõpetatud õigeaegselt.",
                ],
            ),
            duty(
                "SKAIS-i või STARi kasutajakontode loomine ja sulgemine ning rollide omistamine, peatamine ja lõpetamine struktuuriüksuste teenistujatele vastavalt kooskõlastatud taotlusele.",
                &access,
            ),
            duty(
                "SKA tööga seotud välistesse registritesse kasutajakontode loomine ja rollide omistamine vastavalt kooskõlastatud taotlusele.",
                &access,
            ),
            duty(
                "SKA infosüsteemides isikuandmete õiguspärane ja ajakohase kasutamise tagamine.",
                &[
                    "Kasutatavates infosüsteemides on isikuanded ajakohased.",
                    "Kasutatavad isikuandmed on õiguspärased ja vastavad kasutaja vajadustele.",
                ],
            ),
            duty(
                "Koostöö teiste osakondadega ja/või asutuste ja organisatsioonidega oma pädevusvaldkonnas.",
                &[
                    "Välja on kujunenud koostööpartnerite võrgustik.",
                    "Toimub infovahetus ja koostöö partneritega.",
                ],
            ),
            own_initiative(),
            duty(
                "Vahetu juhi ühekordsete ülesannete täitmine.",
                &["Ülesanded on täidetud tähtaegselt ja korrektselt."],
            ),
        ],
    );
    jd.requirements = Requirements {
        education: Some("Soovitatavalt infotehnoloogia alane kõrgharidus.".into()),
        work_experience: Some("Soovitatavalt 3-aastane töökogemus ametikoha töövaldkonnas.".into()),
        languages: vec![lang(Some("et"), Cefr::C1, &[], "Eesti keele oskus vähemalt tasemel C1.")],
        computer_skills: None,
        knowledge_and_skills: Some("Kasutab teksti- ja andmetöötluse põhifunktsioone. Kasutab info- ja kommunikatsioonitehnoloogiat info otsimiseks, analüüsimiseks, salvestamiseks ja edastamiseks, ideede väljendamiseks ning suhtlemiseks.".into()),
        personal_qualities: Some("Hoolivus, asjatundlikkus, koostöövõime, uuendusmeelsus".into()),
        other: vec![],
    };
    jd.rights = ListSection {
        intro: None,
        items: s(&[
            "teha kaugtööd kokkuleppel vahetu juhiga;",
            "kasutada kõiki ameti esindusi töö tegemiseks;",
            "saada tööülesannete täitmiseks vajalikku infot, sh ligipääse tööks vajalikele infosüsteemidele;",
            "saada tööalast juhendamist ja põhjendatud juhul supervisiooni;",
            "osaleda ja esindada ametit oma valdkonna piires töörühmades, koolitustel jne;",
            "vastu võtta otsuseid oma pädevuse piires.",
        ]),
    };
    jd.responsibilities = ListSection {
        intro: None,
        items: s(&[
            "tööülesannete tulemusliku täitmise eest vastavalt ametijuhendile, ameti põhimäärusele, äriprotsesside töövoogudele ja muudele kehtivatele õigusaktidele, juhenditele ning püstitatud eesmärkidele;",
            "tööülesannete täitmiseks antud riigi vara heaperemeheliku kasutamise eest;",
            "teenistusülesannete täitmisega seoses teatavaks saanud isikuandmete, riigisaladuse ning muu juurdepääsupiiranguga teabe ja konfidentsiaalse info hoidmise eest;",
            "andmebaaside ja infosüsteemide turvalise ja sihipärase kasutamise eest;",
            "oma kvalifikatsiooni hoidmise ning täiendamise eest;",
            "ameti maine hoidmise eest enda poolt vahendatavas teabes ja oma tegevustes.",
        ]),
    };
    jd.amendment_rules = s(&[REVIEW_RULE]);
    jd
}

/// ska-ametijuhend-peakasutaja-perehuvitised (2023 template), approved by directive nr 49.
pub fn peakasutaja() -> JobDescription {
    let mut jd = base(
        "peakasutaja-perehuvitised",
        Template::Ska2023,
        Status::InForce,
    );
    jd.general = GeneralPart {
        title: "Peakasutaja".into(),
        specialisation: None,
        unit: "Hüvitiste osakonna perehüvitiste valdkonna tiim".into(),
        supervisor: Some("Perehüvitiste valdkonna juht".into()),
        subordinates: vec![],
        substituted_by: s(&["Peakasutaja", "teenuse juht"]),
        substitutes_for: s(&["Peakasutajat", "teenuse juhti"]),
        staff_group: None,
    };
    jd.approval = Some(Approval {
        directive: Some(DirectiveId::derived("käskkiri 49")),
        directive_number: Some("49".into()),
        directive_date: Some(day(2023, 3, 6)),
        annex: Some(1),
        approved_by: Some("Sotsiaalkindlustusameti peadirektori".into()),
        placeholders: vec![],
    });
    jd.purpose = "Ametikoha eesmärk on teenuse rakenduste ja protsesside igapäevase toimimise tagamine, arendamine ning parendamine koostöös teenuse juhiga.".into();
    jd.duties = numbered(
        3,
        vec![
            duty(
                "Tunneb teenuse protsesside ja rakendus(t)e funktsionaalsust, äriloogikat ja ärireegleid ning sellega seotud x-tee teenuste ning automaatprotsesside toimimist.",
                &["Tagatud on teenuse sujuv toimimine."],
            ),
            duty(
                "Korraldab rakenduse puhul ilmnevate tehniliste probleemide lahendamise.",
                &["Tehnilised probleemid on lahendatud."],
            ),
            duty(
                "Teavitab teenuse juhti rakenduse katkestustest, kriitilistest vigadest.",
                &[
                    "Teenuse juht on informeeritud ning meetmed katkestuste ja vigade eemaldamiseks rakendatud.",
                ],
            ),
            duty(
                "Raporteerib SKA hoolduspileti vead ja annab menetlusele tagasisidet lahendusaegade, tulemuste ja hetkeolukorra kohta.",
                &["Vead on parandatud, kasutajad informeeritud."],
            ),
            duty(
                "Haldab koostöös teenuse juhiga teenusega seotud protsessikirjeldusi, juhendeid ning äridokumentatsiooni Confluences ja arendusvajaduste pileteid Jiras;",
                &["Dokumentatsioon ja andmed on korrastatud ja ajakohased."],
            ),
            duty(
                "Valmistab ette ning viib läbi koolitusi rakenduste kasutajatele.",
                &["Kasutajad oskavad rakendusi kasutada."],
            ),
            duty(
                "Teeb teenuse juhile teenuse arendusvajaduse ettepanekuid.",
                &["Teenus on kvaliteetne ja klientide huvidele vastav."],
            ),
            duty(
                "Teostab koostöös teenuse juhiga uute arendusvajaduste ja -ettepanekute eelanalüüsi.",
                &["Lähteülesanded on põhjalikud ja asjakohased."],
            ),
            duty(
                "Osaleb arendusprojektides ja vajadusel juhib arendustööde raames arendusi, jälgib teostatavate tööde seisu ja ajakavast kinnipidamist.",
                &["Arendusprojektid on ajakavas ning vastavad lähteülesandele."],
            ),
            duty(
                "Korraldab arendustööde testimise läbiviimist ning osaleb testimises vajaduspõhiselt.",
                &[
                    "Arendustööd on testitud, vead parandatud ning vastuvõetud tööd vastavad lähteülesandes püsitatule.",
                ],
            ),
            duty(
                "Teeb teenuse juhile arendustööde kokkuvõtteid ning teavitab projektide plaanipärast kulgemist takistavatest tegevustest ja asjaoludest.",
                &["Ülevaade arendustööde olukorrast on ajakohane."],
            ),
            duty(
                "Teenuse juhiga koostöös kommunikatsiooni korraldamine teenuse lõikes.",
                &["Kliendid ja kasutajad oskavad teenuseid kasutada."],
            ),
            duty(
                "Teeb teenuse juhile ja perehüvitiste valdkonna juhile ettepanekud äriprotsesside muutmiseks ning pakub välja uusi lahendusi.",
                &[
                    "Teenuse juhti on informeeritud vajalikest muudatustest ja on antud sisend teenuse parandamiseks.",
                ],
            ),
            duty(
                "Teeb koostööd teiste Sotsiaalkindlustusameti osakondade, klientide, asutuste ja organisatsioonidega oma pädevusvaldkonnas.",
                &["Toimub infovahetus ja koostöö partneritega."],
            ),
            duty(
                "Teeb ettepanekuid töökorralduse lihtsustamiseks ja parandamiseks.",
                &[
                    "Tehtud on asjakohased ettepanekud oma valdkonna töökorralduse lihtsustamiseks.",
                    "Tehtud on põhjendatud arendusettepanekud, mis lähtuvad ameti eesmärkidest ja võimalustest.",
                ],
            ),
            duty(
                "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine.",
                &[
                    "Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või juhtkonna korraldusel edukalt läbi viidud.",
                ],
            ),
            duty(
                "Vahetu juhi ühekordsete ülesannete teostamine.",
                &["Ülesanded on tehtud tähtaegselt ja korrektselt."],
            ),
        ],
    );
    jd.rights = ListSection {
        intro: Some("Teenistujal on õigus:".into()),
        items: s(&[
            "saada tööülesannete täitmiseks vajalikku infot ja abi teistelt Sotsiaalkindlustusameti (edaspidi ameti) struktuuriüksustelt;",
            "osaleda ametikohale vajalikel koolitustel jt arendustegevustes;",
            "taotleda vajalikke töövahendeid ja -tingimusi;",
            "esindada ametit oma valdkonna piires töörühmades, koolitustel jne;",
            "saada ligipääs tööks vajalikele infosüsteemidele.",
        ]),
    };
    jd.responsibilities = ListSection {
        intro: Some("Teenistuja vastutab:".into()),
        items: s(&[
            "tööülesannete tulemusliku täitmise eest vastavalt ametijuhendile, ameti põhimäärusele, äriprotsesside töövoogudele ja muudele kehtivatele õigusaktidele, juhenditele ning püstitatud eesmärkidele;",
            "tööülesannete täitmiseks antud riigi vara heaperemeheliku kasutamise eest;",
            "tööülesannete täitmisega seoses teatavaks saanud isikuandmete, juurdepääsupiiranguga teabe ning konfidentsiaalse info hoidmise eest;",
            "andmebaaside ja infosüsteemide turvalise ning sihipärase kasutamise eest;",
            "oma kvalifikatsiooni hoidmise ning täiendamise eest.",
        ]),
    };
    jd.work_equipment = Some("Töövahenditeks on töötaja kasutusse antud kontorimööbel, kontoritarbed, sülearvuti koos tööks vajaliku tarkvaraga, mobiiltelefon ning ühiskasutuses olev kontoritehnika.".into());
    jd.requirements = Requirements {
        education: Some("Kõrgharidus".into()),
        work_experience: Some("Vähemalt 2-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.".into()),
        languages: vec![
            lang(Some("et"), Cefr::C1, &[], "Eesti keele valdamine vähemalt tasemel C1."),
            lang(None, Cefr::B1, &["en", "ru"], "Ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1."),
        ],
        computer_skills: Some("Kasutab teksti- ja andmetöötluse põhifunktsioone. Kasutab info- ja kommunikatsioonitehnoloogiat info otsimiseks, analüüsimiseks, salvestamiseks ja edastamiseks, ideede väljendamiseks ning suhtlemiseks.".into()),
        ..Requirements::default()
    };
    jd.competencies = refs(
        &[
            kliendikesksus(),
            asjatundlikkus(),
            koostoovoime(),
            uuendusmeelsus(),
        ],
        &taiendavad(),
    );
    jd.amendment_rules = s(&[REVIEW_RULE, CONSENT_RULE]);
    jd.signatures = vec![director_signature(SignatureParty::Approver)];
    jd
}

/// ska-ametijuhend-veebihaldur (2023 template), an employee's document signed by both parties.
pub fn veebihaldur() -> JobDescription {
    let mut jd = base("veebihaldur", Template::Ska2023, Status::Signed);
    jd.general = GeneralPart {
        title: "Veebihaldur".into(),
        specialisation: None,
        unit: "Kommunikatsiooniosakond".into(),
        supervisor: Some("Osakonnajuhataja".into()),
        subordinates: vec![],
        substituted_by: s(&["Veebihaldur"]),
        substitutes_for: s(&["Veebihaldur"]),
        staff_group: Some(StaffGroup::Employee),
    };
    jd.purpose = "Töökoha eesmärk on Sotsiaalkindlustusameti (edaspidi SKA) veebilehtede haldamine ja arendamine, mille tulemusena kasvab klientide informeeritus ja väheneb kliendipöördumiste arv.".into();
    jd.duties = numbered(
        3,
        vec![
            duty(
                "SKA veebide info uuendamine vastavalt sisuosakondade ettepanekutele ja saadetud materjalidele, sisu toimetamine ja kujundamine kasutajasõbralikkuse suunas.",
                &[
                    "SKA veebide sisu on päevakohane.",
                    "SKA lehel on info optimeeritud, lihtne ja ühtlustatud loogikaga. Klient leiab SKA lehelt teda huvitava info kergesti üles ja saab aru, mida teha, et talle vajalike teenusteni jõuda.",
                    "Veebi sisu lähtub klientide tagasisidest ja analüütikast.",
                ],
            ),
            duty(
                "SKA koduleht on tehnoloogiliselt kaasaegsetel platvormidel.",
                &["SKA koduleht käib kaasas valitsusasutuste veebide arengutega."],
            ),
            duty(
                "SKA kodulehe klientidele mõeldud sisu tõlkimise korraldamine ja vastavuse tagamine WCAG nõuetele.",
                &[
                    "SKA kodulehe sisu on olemas eesti, vene ja inglise keeles sisust ja kliendivajadusest lähtuvalt.",
                    "SKA koduleht on olulises osas ligipääsetav ka erivajadustega inimestele.",
                ],
            ),
            duty(
                "Ühtse visuaalse identiteedi tagamine SKA kodulehtedel.",
                &[
                    "Infograafika, bännerid jm on kooskõlas riigiasutuste ühtse visuaalse identiteediga.",
                    "Teemavaldkondade vastutajad on asjakohaselt nõustatud sh hangete korral on visuaalide tellimuste lähteülesanne ja hankedokumendid koostatud korrektselt.",
                ],
            ),
            duty(
                "Sotsiaalministeeriumi küsitluskeskkonnas asutusele vajalike küsitluste koostamine ning spetsialistide nõustamine küsitluste planeerimisel ja läbiviimisel.",
                &[
                    "Küsitlused on koostatud kvaliteetselt ja võimaldavad saadud andmeid sihipäraselt kasutada.",
                    "Andmed on turvaliselt hoitud.",
                ],
            ),
            own_initiative(),
            duty(
                "Vahetu juhi antud muude ühekordsete ülesannete täitmine.",
                &["Ülesanded on täidetud nõuetekohaselt ja tähtaegselt."],
            ),
        ],
    );
    jd.rights = ListSection {
        intro: Some("Omab õigust:".into()),
        items: remote_rights("vastu võtta otsuseid oma pädevuse piires."),
    };
    jd.responsibilities = ListSection {
        intro: Some("Omab vastutust:".into()),
        items: standard_responsibilities(),
    };
    jd.work_equipment = Some("Töövahenditeks on töötaja kasutusse antud sülearvuti tööks vajaliku tarkvaraga, mobiiltelefon ning ühiskasutuses olev kontoritehnika ja -mööbel.".into());
    jd.requirements = Requirements {
        education: Some("Kõrgharidus".into()),
        work_experience: Some("Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.".into()),
        languages: vec![
            lang(Some("et"), Cefr::C1, &[], "Eesti keele valdamine vähemalt tasemel C1."),
            lang(Some("en"), Cefr::B1, &[], "Inglise ja vene keele valdamine vähemalt tasemel B1."),
            lang(Some("ru"), Cefr::B1, &[], "Inglise ja vene keele valdamine vähemalt tasemel B1."),
        ],
        computer_skills: Some("Kasutab teksti- ja andmetöötluse ning esitluse põhifunktsioone. Kasutab info- ja kommunikatsioonitehnoloogiat info otsimiseks, analüüsimiseks, salvestamiseks ja edastamiseks, ideede väljendamiseks ning suhtlemiseks ja kodulehe nähtavuse tõstmiseks (SEO). Kasutab sisuhaldustarkvarasid klientidele info edastamiseks, kasutab HTMLi.".into()),
        ..Requirements::default()
    };
    jd.competencies = refs(
        &[
            kliendikesksus(),
            asjatundlikkus(),
            koostoovoime(),
            efektiivsus(),
        ],
        &taiendavad(),
    );
    jd.amendment_rules = s(&[REVIEW_RULE]);
    jd.signatures = vec![
        director_signature(SignatureParty::Employer),
        Signature {
            party: SignatureParty::Holder,
            name: Some("Kalev Lattik".into()),
            title: None,
            signed_digitally: true,
            date: None,
            placeholders: vec![],
        },
    ];
    jd
}

/// The four corpus job descriptions with their corpus file stems.
pub fn corpus_job_descriptions() -> Vec<(&'static str, JobDescription)> {
    vec![
        ("ska-ametijuhend-peaspetsialist-star-kasutajatugi", star()),
        ("ska-ametijuhend-peakasutaja-perehuvitised", peakasutaja()),
        (
            "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
            osakonnajuhataja(),
        ),
        ("ska-ametijuhend-veebihaldur", veebihaldur()),
    ]
}

fn position(
    key: &str,
    title: &str,
    spec: Option<&str>,
    unit: &UnitId,
    group: StaffGroup,
) -> Position {
    Position {
        id: PositionId::derived(key),
        title: title.into(),
        specialisation: spec.map(str::to_string),
        unit: unit.clone(),
        supervisor: None,
        staff_group: group,
        role_card: None,
        job_family: None,
        assignments: vec![],
    }
}

/// A registry with the four job descriptions, their units and positions, the competency
/// library, and directive nr 49 (06.03.2023) whose annex 1 is the key user's job description.
pub fn corpus_registry() -> Registry {
    let agency = Unit::new(
        UnitId::derived("SKA"),
        "Sotsiaalkindlustusamet",
        UnitKind::Agency,
        None,
    );
    let unit =
        |name: &str, kind| Unit::new(UnitId::derived(name), name, kind, Some(agency.id.clone()));
    let units = vec![
        unit("Arendusosakond", UnitKind::Department),
        unit("Hüvitiste osakond", UnitKind::Department),
        unit("Teenuste osakond", UnitKind::Department),
        unit("Kommunikatsiooniosakond", UnitKind::Department),
    ];
    let positions = vec![
        position(
            "star-kasutajatugi",
            "Peaspetsialist",
            Some("STAR kasutajatugi"),
            &units[0].id,
            StaffGroup::Employee,
        ),
        position(
            "peakasutaja-perehuvitised",
            "Peakasutaja",
            None,
            &units[1].id,
            StaffGroup::Official,
        ),
        position(
            "osakonnajuhataja-teenuste-osakond",
            "Osakonnajuhataja",
            None,
            &units[2].id,
            StaffGroup::Official,
        ),
        position(
            "veebihaldur",
            "Veebihaldur",
            None,
            &units[3].id,
            StaffGroup::Employee,
        ),
    ];
    let job_descriptions: Vec<JobDescription> = corpus_job_descriptions()
        .into_iter()
        .map(|(_, jd)| jd)
        .collect();
    let mut competencies: Vec<Competency> = vec![
        kliendikesksus(),
        kliendikeskus(),
        asjatundlikkus(),
        koostoovoime(),
        uuendusmeelsus(),
        efektiivsus(),
    ];
    competencies.extend(juhi_kompetentsid());
    competencies.extend(taiendavad());
    competencies.extend(juhi_teadmised());
    competencies.sort_by(|a, b| a.id.cmp(&b.id));
    competencies.dedup_by(|a, b| a.id == b.id);
    let directive = Directive {
        id: DirectiveId::derived("käskkiri 49"),
        number: Some("49".into()),
        date: Some(day(2023, 3, 6)),
        title: "Ametijuhendite kinnitamine".into(),
        legal_basis: None,
        clauses: vec![],
        annexes: vec![DirectiveAnnex {
            annex: 1,
            title: "peakasutaja".into(),
            job_description: Some(job_descriptions[1].id.clone()),
        }],
        repeals: vec![],
        entry_into_force: None,
        appeal_clause: None,
        signer: None,
        placeholders: vec![],
        source: None,
        unplaced: vec![],
    };
    let mut all_units = vec![agency];
    all_units.extend(units);
    Registry {
        units: all_units,
        positions,
        competencies,
        directives: vec![directive],
        job_descriptions,
        ..Registry::default()
    }
}
