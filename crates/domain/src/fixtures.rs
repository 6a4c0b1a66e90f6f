//! Test fixtures built from the real documents of the corpus (shared/corpus): the key user's job
//! description (ska-ametijuhend-peakasutaja-perehuvitised.txt, an official's, approved by
//! directive nr 49 of 06.03.2023) and the STAR user support chief specialist's
//! (ska-ametijuhend-peaspetsialist-star-kasutajatugi.txt, an employee's), with their text as
//! written, line breaks joined.

use crate::ids::{JobDescriptionId, PersonId, PositionId, RoleCardId, UnitId};
use crate::job_description::{
    Approval, Duty, GeneralPart, JobDescription, ListSection, Requirements, Status, Template,
};
use crate::position::{Assignment, JobFamilyLevel, Person, Position, StaffGroup, Substitution};
use crate::registry::Registry;
use crate::role_card::{RoleCard, RoleRef, parse_job_families};
use crate::time::Timestamp;
use crate::unit::{Unit, UnitKind};
use crate::workflow::Workflow;
use chrono::NaiveDate;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("valid test timestamp")
}

fn duty(number: &str, text: &str, results: &[&str]) -> Duty {
    Duty {
        number: number.into(),
        text: text.into(),
        expected_results: results.iter().map(|r| r.to_string()).collect(),
    }
}

/// A bare job description of `position` with the given content.
pub fn job_description(
    position: &str,
    version: u32,
    status: Status,
    purpose: &str,
    duties: Vec<Duty>,
) -> JobDescription {
    JobDescription {
        id: JobDescriptionId::derived(&format!("{position}/{version}")),
        position: PositionId::derived(position),
        version,
        status,
        template: Template::Ska2023,
        created_at: at("2023-03-01T09:00:00Z"),
        created_by: None,
        written_from: None,
        general: GeneralPart {
            title: position.into(),
            ..GeneralPart::default()
        },
        purpose: purpose.into(),
        duties,
        rights: ListSection::default(),
        responsibilities: ListSection::default(),
        work_equipment: None,
        requirements: Requirements::default(),
        competencies: vec![],
        amendment_rules: vec![],
        special_conditions: None,
        signatures: vec![],
        approval: None,
        effective_from: None,
        effective_to: None,
        source: None,
        unplaced: vec![],
        roles: vec![],
        workflow: Workflow::default(),
    }
}

pub const PEAKASUTAJA_PURPOSE: &str = "Ametikoha eesmärk on teenuse rakenduste ja protsesside igapäevase toimimise tagamine, arendamine ning parendamine koostöös teenuse juhiga.";

/// Duties 3.1–3.17 of the key user (peakasutaja) of the family benefits team.
pub fn peakasutaja_duties() -> Vec<Duty> {
    vec![
        duty(
            "3.1.",
            "Tunneb teenuse protsesside ja rakendus(t)e funktsionaalsust, äriloogikat ja ärireegleid ning sellega seotud x-tee teenuste ning automaatprotsesside toimimist.",
            &["Tagatud on teenuse sujuv toimimine."],
        ),
        duty(
            "3.2.",
            "Korraldab rakenduse puhul ilmnevate tehniliste probleemide lahendamise.",
            &["Tehnilised probleemid on lahendatud."],
        ),
        duty(
            "3.3.",
            "Teavitab teenuse juhti rakenduse katkestustest, kriitilistest vigadest.",
            &[
                "Teenuse juht on informeeritud ning meetmed katkestuste ja vigade eemaldamiseks rakendatud.",
            ],
        ),
        duty(
            "3.4.",
            "Raporteerib SKA hoolduspileti vead ja annab menetlusele tagasisidet lahendusaegade, tulemuste ja hetkeolukorra kohta.",
            &["Vead on parandatud, kasutajad informeeritud."],
        ),
        duty(
            "3.5.",
            "Haldab koostöös teenuse juhiga teenusega seotud protsessikirjeldusi, juhendeid ning äridokumentatsiooni Confluences ja arendusvajaduste pileteid Jiras;",
            &["Dokumentatsioon ja andmed on korrastatud ja ajakohased."],
        ),
        duty(
            "3.6.",
            "Valmistab ette ning viib läbi koolitusi rakenduste kasutajatele.",
            &["Kasutajad oskavad rakendusi kasutada."],
        ),
        duty(
            "3.7.",
            "Teeb teenuse juhile teenuse arendusvajaduse ettepanekuid.",
            &["Teenus on kvaliteetne ja klientide huvidele vastav."],
        ),
        duty(
            "3.8.",
            "Teostab koostöös teenuse juhiga uute arendusvajaduste ja -ettepanekute eelanalüüsi.",
            &["Lähteülesanded on põhjalikud ja asjakohased."],
        ),
        duty(
            "3.9.",
            "Osaleb arendusprojektides ja vajadusel juhib arendustööde raames arendusi, jälgib teostatavate tööde seisu ja ajakavast kinnipidamist.",
            &["Arendusprojektid on ajakavas ning vastavad lähteülesandele."],
        ),
        duty(
            "3.10.",
            "Korraldab arendustööde testimise läbiviimist ning osaleb testimises vajaduspõhiselt.",
            &[
                "Arendustööd on testitud, vead parandatud ning vastuvõetud tööd vastavad lähteülesandes püsitatule.",
            ],
        ),
        duty(
            "3.11.",
            "Teeb teenuse juhile arendustööde kokkuvõtteid ning teavitab projektide plaanipärast kulgemist takistavatest tegevustest ja asjaoludest.",
            &["Ülevaade arendustööde olukorrast on ajakohane."],
        ),
        duty(
            "3.12.",
            "Teenuse juhiga koostöös kommunikatsiooni korraldamine teenuse lõikes.",
            &["Kliendid ja kasutajad oskavad teenuseid kasutada."],
        ),
        duty(
            "3.13.",
            "Teeb teenuse juhile ja perehüvitiste valdkonna juhile ettepanekud äriprotsesside muutmiseks ning pakub välja uusi lahendusi.",
            &[
                "Teenuse juhti on informeeritud vajalikest muudatustest ja on antud sisend teenuse parandamiseks.",
            ],
        ),
        duty(
            "3.14.",
            "Teeb koostööd teiste Sotsiaalkindlustusameti osakondade, klientide, asutuste ja organisatsioonidega oma pädevusvaldkonnas.",
            &["Toimub infovahetus ja koostöö partneritega."],
        ),
        duty(
            "3.15.",
            "Teeb ettepanekuid töökorralduse lihtsustamiseks ja parandamiseks.",
            &[
                "Tehtud on asjakohased ettepanekud oma valdkonna töökorralduse lihtsustamiseks.",
                "Tehtud on põhjendatud arendusettepanekud, mis lähtuvad ameti eesmärkidest ja võimalustest.",
            ],
        ),
        duty(
            "3.16.",
            "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine.",
            &[
                "Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või juhtkonna korraldusel edukalt läbi viidud.",
            ],
        ),
        duty(
            "3.17.",
            "Vahetu juhi ühekordsete ülesannete teostamine.",
            &["Ülesanded on tehtud tähtaegselt ja korrektselt."],
        ),
    ]
}

/// The key user's job description as approved: "KINNITATUD Sotsiaalkindlustusameti peadirektori
/// 06.03.2023 käskkirjaga nr 49", in force.
pub fn peakasutaja() -> JobDescription {
    let mut jd = job_description(
        "peakasutaja",
        1,
        Status::InForce,
        PEAKASUTAJA_PURPOSE,
        peakasutaja_duties(),
    );
    jd.general = GeneralPart {
        title: "Peakasutaja".into(),
        specialisation: None,
        unit: "Hüvitiste osakonna perehüvitiste valdkonna tiim".into(),
        supervisor: Some("Perehüvitiste valdkonna juht".into()),
        subordinates: vec![],
        substituted_by: vec!["Peakasutaja, teenuse juht".into()],
        substitutes_for: vec!["Peakasutajat, teenuse juhti".into()],
        staff_group: Some(StaffGroup::Official),
    };
    jd.requirements = Requirements {
        education: Some("Kõrgharidus".into()),
        work_experience: Some(
            "Vähemalt 2-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.".into(),
        ),
        computer_skills: Some("Kasutab teksti- ja andmetöötluse põhifunktsioone.".into()),
        ..Requirements::default()
    };
    jd.approval = Some(Approval {
        directive: None,
        directive_number: Some("49".into()),
        directive_date: Some(day(2023, 3, 6)),
        annex: None,
        approved_by: Some("Sotsiaalkindlustusameti peadirektori".into()),
        placeholders: vec![],
    });
    jd.effective_from = Some(day(2023, 3, 6));
    jd
}

/// The next version of the key user's job description, as a draft (edit its content).
pub fn peakasutaja_draft() -> JobDescription {
    let mut jd = peakasutaja();
    jd.id = JobDescriptionId::derived("peakasutaja/2");
    jd.version = 2;
    jd.status = Status::Draft;
    jd.approval = None;
    jd.effective_from = None;
    jd
}

pub const STAR_PURPOSE: &str = "Kasutajate nõustamine sotsiaalkaitse infosüsteemi (SKAIS) rakenduste ning sotsiaalteenuste ja -toetuste andmeregistri (STAR) rakenduse kasutamise küsimuste ning nendega seotud probleemidega ning lahenduste info kogumine, organiseerimine ning vahendamine (sh kasutajaõiguste omistamine SKAISis ja STARis ning muudes vajalikes registrites).";

const ACCESS_RESULTS: [&str; 2] = [
    "Kasutajate juurdepääsuõigused andmebaasidele on vastavuses ametijuhendites sätestatud teenistuskohustustele.",
    "Kasutajakontod ning õigused on omistatud, peatatud ja lõpetatud õigeaegselt.",
];

/// Duties 2.1–2.8 of the chief specialist of STAR user support (an employee).
pub fn star_duties() -> Vec<Duty> {
    vec![
        duty(
            "2.1.",
            "Teenistujate nõustamine SKAISi ja STARi rakenduste kasutamisel, nendega seotud funktsionaalsuste toimimist ja andmeprobleeme puudutava info kogumine, organiseerimine, vahendamine ja lahendamine.",
            &[
                "SKAIS ja STAR rakendustoe poole pöördunute juhtumid on menetletud vastavalt kokkulepitud raamistikule, sh. vajadusel pöördumised edastatud lahendamiseks arendustalituse valdkonnaspetsialistidele või kolmandatele osapooltele.",
                "Rakendustoe poole pöördujad on saanud asjakohast teavet.",
                "Proaktiivsed teavitamised on asjakohased.",
                "Arendustalituse poolse monitooringuga ning muust allikast laekunud SKAISi ja STARiga seotud funktsionaalsuste häirete info on edastatud vajalikele osapooltele.",
            ],
        ),
        duty(
            "2.2.",
            "Teenistuja ajutisel puudumisel teisele töötajale SKAISi kasutajaõiguste andmine riikliku pensionikindlustuse registri andmete töötlemiseks vastavalt kinnitatud puhkusegraafikule või õigustatud isiku poolt esitatud töötaja asendamise korraldusele.",
            &ACCESS_RESULTS,
        ),
        duty(
            "2.3.",
            "SKAIS-i või STARi kasutajakontode loomine ja sulgemine ning rollide omistamine, peatamine ja lõpetamine struktuuriüksuste teenistujatele vastavalt kooskõlastatud taotlusele.",
            &ACCESS_RESULTS,
        ),
        duty(
            "2.4.",
            "SKA tööga seotud välistesse registritesse kasutajakontode loomine ja rollide omistamine vastavalt kooskõlastatud taotlusele.",
            &ACCESS_RESULTS,
        ),
        duty(
            "2.5.",
            "SKA infosüsteemides isikuandmete õiguspärane ja ajakohase kasutamise tagamine.",
            &[
                "Kasutatavates infosüsteemides on isikuanded ajakohased.",
                "Kasutatavad isikuandmed on õiguspärased ja vastavad kasutaja vajadustele.",
            ],
        ),
        duty(
            "2.6.",
            "Koostöö teiste osakondadega ja/või asutuste ja organisatsioonidega oma pädevusvaldkonnas.",
            &[
                "Välja on kujunenud koostööpartnerite võrgustik.",
                "Toimub infovahetus ja koostöö partneritega.",
            ],
        ),
        duty(
            "2.7.",
            "Muude pädevusvaldkonda kuuluvate tegevuste korraldamine ja uuenduste algatamine.",
            &[
                "Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või juhtkonna korraldusel edukalt läbi viidud.",
                "Tehtud on põhjendatud ettepanekud töökorralduse parandamiseks või muud arendusettepanekud, mis lähtuvad ameti võimalustest ja eesmärkidest.",
            ],
        ),
        duty(
            "2.8.",
            "Vahetu juhi ühekordsete ülesannete täitmine.",
            &["Ülesanded on täidetud tähtaegselt ja korrektselt."],
        ),
    ]
}

/// The STAR user support chief specialist's job description in force ("Ametikoha grupp:
/// Töötaja").
pub fn star() -> JobDescription {
    let mut jd = job_description("star", 1, Status::InForce, STAR_PURPOSE, star_duties());
    jd.template = Template::Ska2024;
    jd.general.title = "Peaspetsialist".into();
    jd.general.specialisation = Some("STAR kasutajatugi".into());
    jd.general.unit = "Arendusosakond, arendustalitus".into();
    jd.general.staff_group = Some(StaffGroup::Employee);
    jd
}

/// A draft of the STAR job description's next version.
pub fn star_draft() -> JobDescription {
    let mut jd = star();
    jd.id = JobDescriptionId::derived("star/2");
    jd.version = 2;
    jd.status = Status::Draft;
    jd
}

/// The key user's role card of the 2024 catalogue (ska-rollikaardid-2024.txt, "PEAKASUTAJA").
pub fn peakasutaja_card() -> RoleCard {
    let job_family_text = "IT-testimine 3 või IT-konsultandid 2";
    let (job_families, evaluation_points) = parse_job_families(job_family_text);
    RoleCard {
        id: RoleCardId::derived("2024/peakasutaja"),
        catalogue: "2024".into(),
        revision: 1,
        ordinal: 14,
        title: "PEAKASUTAJA".into(),
        note: None,
        why_needed: "Teenusepõhise eestvedajana loob eeldused, et SKA suudab kindlustada Eesti inimeste toimetulekut ja heaolu. Aitab kaasa teenuse tööprotsessis vajalike infosüsteemi osiste arendamisel ja käitamisel.".into(),
        roles_text: "Võimestaja, nõustaja, kontrollija".into(),
        roles: ["Võimestaja", "nõustaja", "kontrollija"]
            .iter()
            .map(|r| RoleRef { text: r.to_string(), glossary_entry: None })
            .collect(),
        purpose: "Protsesside juhina vastutab SKA andmekogude/ infosüsteemide tarkvaralahenduste haldamise ja koordineerimise eest, sh tagab, et süsteem töötab tõrgeteta ja vastab nii SKA kui kliendi vajadustele; koolitab kasutajaid ja pakub neile tehnilist tuge, et nad saaksid süsteemi tõhusalt kasutada; analüüsib ja optimeerib äriprotsesse, et tagada nende sujuv toimimine nii süsteemi tarkvaras kui väljaspool seda; koordineerib vajadusel SKA erinevate osakondade koostööd, et tagada süsteemi tõhus kasutamine kogu organisatsioonis; on ühenduslüliks lõpptarbijate ja infosüsteemi arendajate vahel; IT arenduse lähteülesande koostamise organiseerimine teenuse arenduse raamistikus; IT arenduse vajalikkuse ja eesmärkide selgitamine organisatsioonis".into(),
        benefit: "Kliendi vajaduste ja SKA võimaluste ühendamine riigi eesmärkidega".into(),
        target_groups: vec!["Süsteemi kasutajad".into()],
        required_competences: "Töö eeldab head koordineerimisoskust ja võimet näha tervikpilti SKA teenustest ning äriprotsessidest. Töö eeldab valdkonnapõhist haridust ja/või töökogemust".into(),
        competence_note: Some("Vajalike kompetentside täpsem eeldus tuleneb riigi ametiasutuste teenistuskohtade klassifikaatori kirjeldusest ehk konkreetsest tööperest.".into()),
        job_family_text: job_family_text.into(),
        job_family_note: None,
        job_families,
        evaluation_points,
        approval: None,
    }
}

/// The head of department's role card ("OSAKONNA JUHATAJA", Poliitika rakendamine 5, 6 või 7).
pub fn osakonnajuhataja_card() -> RoleCard {
    let job_family_text = "Poliitika rakendamine 5, 6 või 7";
    let (job_families, evaluation_points) = parse_job_families(job_family_text);
    RoleCard {
        id: RoleCardId::derived("2024/osakonna juhataja"),
        catalogue: "2024".into(),
        revision: 1,
        ordinal: 1,
        title: "OSAKONNA JUHATAJA".into(),
        note: None,
        why_needed: "Valdkonnaülese eestvedajana loob eeldused, et meeskonnaliikmed suudaksid kindlustada Eesti inimese iseseisvat toimetulekut ja heaolu.".into(),
        roles_text: "Juhib inimesi, sh on strateegiline planeerija, koostöö algataja ja vedaja, võimestaja, valdkonna kõneisik, võimaluste looja, suhete looja ja hoidja".into(),
        roles: vec![],
        purpose: "Juhib ja planeerib suure struktuuriüksuse tööd, mis võib koosneda mitmest allüksusest.".into(),
        benefit: "Suurendab SKA teenistujate võimekust luua keskkonda, mis võimaldaks toetada Eesti inimeste iseseisvat toimetulekut ja heaolu.".into(),
        target_groups: vec!["Peadirektor".into(), "talituse juhataja".into()],
        required_competences: "Töö eeldab kõrgharidust ja töökogemust teenistuskoha ülesannete täitmist toetavas valdkonnas, inimeste juhtimise kogemust".into(),
        competence_note: None,
        job_family_text: job_family_text.into(),
        job_family_note: Some("Sõltuvalt osakonna suurusest ja asjaolust, kas hakkab tulevikus asendama peadirektorit.".into()),
        job_families,
        evaluation_points,
        approval: None,
    }
}

fn unit(name: &str, kind: UnitKind, parent: Option<&str>) -> Unit {
    Unit::new(
        UnitId::derived(name),
        name,
        kind,
        parent.map(UnitId::derived),
    )
}

/// A position keyed by `key` (its id derives from the key, like [`job_description`]'s).
pub fn position(key: &str, title: &str, unit: &str, supervisor: Option<&str>) -> Position {
    Position {
        id: PositionId::derived(key),
        title: title.into(),
        specialisation: None,
        unit: UnitId::derived(unit),
        supervisor: supervisor.map(PositionId::derived),
        staff_group: StaffGroup::Official,
        role_card: None,
        job_family: None,
        assignments: vec![],
    }
}

/// A complete version in force, approved by a directive on `approved_on`, with one duty of its
/// own.
pub fn in_force(key: &str, approved_on: NaiveDate, duties: Vec<Duty>) -> JobDescription {
    let mut jd = job_description(key, 1, Status::InForce, "Ametikoha eesmärk.", duties);
    jd.requirements = Requirements {
        education: Some("Kõrgharidus".into()),
        work_experience: Some("Vähemalt 2-aastane töökogemus.".into()),
        computer_skills: Some("Kasutab teksti- ja andmetöötluse põhifunktsioone.".into()),
        ..Requirements::default()
    };
    jd.approval = Some(Approval {
        directive_number: Some("49".into()),
        directive_date: Some(approved_on),
        annex: Some(1),
        ..Approval::default()
    });
    jd.effective_from = Some(approved_on);
    jd
}

/// A small registry with nothing for `lint` to find on 01.06.2024: the agency with two
/// departments, a team and a division; the director general, two heads of department, the head
/// of the family benefits area, the key user and the service manager (who stand in for each
/// other) and the STAR chief specialist (an employee), each with a complete version in force.
pub fn registry() -> Registry {
    let units = vec![
        unit("Sotsiaalkindlustusamet", UnitKind::Agency, None),
        unit(
            "Hüvitiste osakond",
            UnitKind::Department,
            Some("Sotsiaalkindlustusamet"),
        ),
        unit(
            "perehüvitiste valdkonna tiim",
            UnitKind::Team,
            Some("Hüvitiste osakond"),
        ),
        unit(
            "Arendusosakond",
            UnitKind::Department,
            Some("Sotsiaalkindlustusamet"),
        ),
        unit("arendustalitus", UnitKind::Division, Some("Arendusosakond")),
    ];
    let mut head = position(
        "hüvitiste juhataja",
        "Osakonnajuhataja",
        "Hüvitiste osakond",
        Some("peadirektor"),
    );
    head.role_card = Some(osakonnajuhataja_card().id);
    head.job_family = Some(JobFamilyLevel {
        family: "Poliitika rakendamine".into(),
        level: "6".into(),
    });
    let mut key_user = position(
        "peakasutaja",
        "Peakasutaja",
        "perehüvitiste valdkonna tiim",
        Some("valdkonna juht"),
    );
    key_user.role_card = Some(peakasutaja_card().id);
    key_user.job_family = Some(JobFamilyLevel {
        family: "IT-testimine".into(),
        level: "3".into(),
    });
    let mari = Person {
        id: PersonId::derived("mari"),
        name: "Mari Maasikas".into(),
        email: None,
    };
    let juhan = Person {
        id: PersonId::derived("juhan"),
        name: "Juhan Juurikas".into(),
        email: None,
    };
    key_user.assignments.push(Assignment {
        person: mari.id.clone(),
        from: Some(day(2023, 3, 6)),
        to: None,
    });
    let mut area_head = position(
        "valdkonna juht",
        "Perehüvitiste valdkonna juht",
        "perehüvitiste valdkonna tiim",
        Some("hüvitiste juhataja"),
    );
    area_head.assignments.push(Assignment {
        person: juhan.id.clone(),
        from: None,
        to: None,
    });
    let mut star_position = position(
        "star",
        "Peaspetsialist",
        "arendustalitus",
        Some("arenduse juhataja"),
    );
    star_position.specialisation = Some("STAR kasutajatugi".into());
    star_position.staff_group = StaffGroup::Employee;
    let positions = vec![
        position("peadirektor", "Peadirektor", "Sotsiaalkindlustusamet", None),
        head,
        position(
            "arenduse juhataja",
            "Osakonnajuhataja",
            "Arendusosakond",
            Some("peadirektor"),
        ),
        area_head,
        key_user,
        position(
            "teenuse juht",
            "Teenuse juht",
            "perehüvitiste valdkonna tiim",
            Some("valdkonna juht"),
        ),
        star_position,
    ];
    let own = |n: &str, text: &str| vec![duty(n, text, &["Tulemus on saavutatud."])];
    let approved_on = day(2024, 3, 6);
    let mut key_user_jd = in_force("peakasutaja", approved_on, peakasutaja_duties());
    key_user_jd.purpose = PEAKASUTAJA_PURPOSE.into();
    let mut star_jd = in_force("star", approved_on, star_duties());
    star_jd.general.staff_group = Some(StaffGroup::Employee);
    let job_descriptions = vec![
        in_force(
            "peadirektor",
            approved_on,
            own("2.1.", "Juhib ameti tööd ja esindab ametit."),
        ),
        in_force(
            "hüvitiste juhataja",
            approved_on,
            own("3.1.", "Juhib hüvitiste osakonna tööd."),
        ),
        in_force(
            "arenduse juhataja",
            approved_on,
            own("3.1.", "Juhib arendusosakonna tööd."),
        ),
        in_force(
            "valdkonna juht",
            approved_on,
            own("3.1.", "Juhib perehüvitiste valdkonna tööd."),
        ),
        key_user_jd,
        in_force(
            "teenuse juht",
            approved_on,
            own("3.1.", "Vastutab perehüvitiste teenuse arendamise eest."),
        ),
        star_jd,
    ];
    let sub = |a: &str, b: &str| Substitution {
        substitute: PositionId::derived(a),
        substituted: PositionId::derived(b),
    };
    Registry {
        units,
        persons: vec![mari, juhan],
        role_cards: vec![peakasutaja_card(), osakonnajuhataja_card()],
        positions,
        substitutions: vec![
            sub("peakasutaja", "teenuse juht"),
            sub("teenuse juht", "peakasutaja"),
        ],
        job_descriptions,
        ..Registry::default()
    }
}

#[test]
fn the_fixture_registry_is_valid() {
    registry()
        .validate()
        .expect("the fixture registry validates");
}
