//! A small but complete sample registry for tests of every crate: it fills every field of every
//! record at least once (and leaves every optional field empty at least once), uses every enum
//! variant, and carries text that trips careless code — Estonian letters (õäöüšž), Estonian
//! quotes („…“), template fields ({regNumber}) — and binary content with the bytes 0x00 and 0xFF.
//!
//! Ids are derived from fixed names, so the registry is the same on every call. It passes
//! [`Registry::validate`]; call [`Registry::canonicalize`] on it before comparing serialisations.

use crate::competency::{Competency, CompetencyKind, CompetencyRef};
use crate::consent::{ConsentKind, ConsentReason};
use crate::directive::{Directive, DirectiveAnnex, EntryIntoForce, Repeal, Signer};
use crate::from_role_card::CardUpdateDismissal;
use crate::ids::{
    DirectiveId, JobDescriptionId, PersonId, PositionId, RoleCardId, RoleGlossaryId, UnitId,
};
use crate::job_description::{
    Approval, Duty, GeneralPart, JobDescription, LabelledText, ListSection, Requirements,
    RoleCardSource, Signature, SignatureParty, Status, Template,
};
use crate::language::{Cefr, LanguageCode, LanguageRequirement};
use crate::position::{Assignment, JobFamilyLevel, Person, Position, StaffGroup, Substitution};
use crate::registry::Registry;
use crate::review::{ReviewOutcome, ReviewRecord};
use crate::role_card::{JobFamilyRange, PointsRange, RoleCard, RoleGlossaryEntry, RoleRef};
use crate::source::{SourceDocument, SourceRef};
use crate::time::Timestamp;
use crate::unit::{Unit, UnitKind, UnitVersion};
use crate::workflow::{
    ActionKind, Capacity, ConsentRecord, CoordinationParty, SignOff, TransitionRecord, Workflow,
};
use chrono::NaiveDate;

/// Content hash (SHA-256) of [`docx_content`].
const DOCX_HASH: &str = "a6bfa153a91dd24ed276e281cae05a7cc37266a74cd362f7ed4e61c4a968d233";
/// Content hash (SHA-256) of [`pdf_content`].
const PDF_HASH: &str = "4ad945a227b53938b128e49651c42dfdf45a28c95cd3717d4a33c56f84967a2a";

// The helpers below only ever see the literals of this file, which are valid: `expect` cannot fire.
fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("sample dates are valid")
}

fn instant(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("sample timestamps are valid RFC 3339")
}

fn lang(code: &str) -> LanguageCode {
    LanguageCode::parse(code).expect("sample language codes are valid")
}

fn s(text: &str) -> String {
    text.to_string()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|t| t.to_string()).collect()
}

/// The bytes of the sample DOCX "file": a ZIP signature, UTF-8 text and the bytes 0x00 and 0xFF.
fn docx_content() -> Vec<u8> {
    let mut bytes = b"PK\x03\x04\x00\xff".to_vec();
    bytes.extend_from_slice("Ametijuhend: peaspetsialist (STAR kasutajatugi) „õäöüšž“".as_bytes());
    bytes.extend_from_slice(&[0x00, 0x01, 0xfe, 0xff]);
    bytes
}

/// The bytes of the sample PDF "file".
fn pdf_content() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n\x00\xff\x80".to_vec();
    bytes.extend_from_slice("Käskkiri nr 49".as_bytes());
    bytes.extend_from_slice(b"\n%%EOF\xff");
    bytes
}

/// Defines the functions that return the sample's derived ids.
macro_rules! sample_ids {
    ($($name:ident: $ty:ident = $key:literal;)*) => {$(
        pub fn $name() -> $ty {
            <$ty>::derived(concat!("sample:", $key))
        }
    )*};
}

/// Ids of the sample's records, for tests that look records up.
pub mod ids {
    use super::*;

    sample_ids! {
        agency: UnitId = "Sotsiaalkindlustusamet";
        it_department: UnitId = "Arendusosakond";
        services_department: UnitId = "Teenuste osakond";
        family_benefits_division: UnitId = "Perehüvitiste talitus";
        legal_team: UnitId = "Õigusküsimuste tiim";
        mari: PersonId = "Mari Maasikas";
        jyri: PersonId = "Jüri Šokolaad-Žukov";
        oie: PersonId = "Õie Ääremaa";
        empowerer: RoleGlossaryId = "Võimestaja";
        spokesperson: RoleGlossaryId = "Valdkonna kõneisik";
        adviser: RoleGlossaryId = "Nõustaja";
        head_of_department_card: RoleCardId = "OSAKONNA JUHATAJA";
        web_admin_card: RoleCardId = "(VEEBI)HALDUR";
        head_of_department: PositionId = "Osakonna juhataja";
        star_support: PositionId = "Peaspetsialist (STAR kasutajatugi)";
        head_of_division: PositionId = "Talituse juhataja";
        lawyer: PositionId = "Jurist";
        old_directive: DirectiveId = "käskkiri 12";
        directive_49: DirectiveId = "käskkiri 49";
        unregistered_directive: DirectiveId = "käskkiri {regNumber}";
    }

    /// Version `version` of the job description of `position`.
    pub fn job_description(position: &PositionId, version: u32) -> JobDescriptionId {
        JobDescriptionId::derived(&format!("sample:{position}:{version}"))
    }
    pub fn docx_hash() -> String {
        super::DOCX_HASH.to_string()
    }
    pub fn pdf_hash() -> String {
        super::PDF_HASH.to_string()
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn unit_version(
    span: (Option<NaiveDate>, Option<NaiveDate>),
    name: &str,
    kind: UnitKind,
    parent: Option<UnitId>,
) -> UnitVersion {
    UnitVersion {
        valid_from: span.0,
        valid_to: span.1,
        name: s(name),
        kind,
        parent,
    }
}

fn person(id: PersonId, name: &str, email: Option<&str>) -> Person {
    Person {
        id,
        name: s(name),
        email: email.map(s),
    }
}

fn role(text: &str, glossary_entry: Option<RoleGlossaryId>) -> RoleRef {
    RoleRef {
        text: s(text),
        glossary_entry,
    }
}

fn range(family: &str, levels: Option<(&str, &str)>, exceptional: bool) -> JobFamilyRange {
    JobFamilyRange {
        family: s(family),
        min_level: levels.map(|l| s(l.0)),
        max_level: levels.map(|l| s(l.1)),
        exceptional,
    }
}

fn assignment(person: PersonId, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Assignment {
    Assignment { person, from, to }
}

fn substitution(substitute: PositionId, substituted: PositionId) -> Substitution {
    Substitution {
        substitute,
        substituted,
    }
}

fn annex(annex: u32, title: &str, job_description: Option<JobDescriptionId>) -> DirectiveAnnex {
    DirectiveAnnex {
        annex,
        title: s(title),
        job_description,
    }
}

fn duty(number: &str, text: &str, expected_results: &[&str]) -> Duty {
    Duty {
        number: s(number),
        text: s(text),
        expected_results: strings(expected_results),
    }
}

fn signature(
    party: SignatureParty,
    name_and_title: Option<(&str, &str)>,
    signed_digitally: bool,
    date: Option<NaiveDate>,
    placeholders: &[&str],
) -> Signature {
    Signature {
        party,
        name: name_and_title.map(|n| s(n.0)),
        title: name_and_title.map(|n| s(n.1)),
        signed_digitally,
        date,
        placeholders: strings(placeholders),
    }
}

/// An approval stamp by directive `number` of `date`, annex `annex`.
fn approval(directive: DirectiveId, number: &str, date: NaiveDate, annex: u32) -> Approval {
    Approval {
        directive: Some(directive),
        directive_number: some(number),
        directive_date: Some(date),
        annex: Some(annex),
        approved_by: some("Sotsiaalkindlustusameti peadirektori"),
        placeholders: vec![],
    }
}

fn language(code: &str, level: Cefr, text: &str) -> LanguageRequirement {
    LanguageRequirement {
        language: Some(lang(code)),
        level,
        preferred: vec![],
        count: None,
        text: s(text),
    }
}

fn units() -> Vec<Unit> {
    let since_ever = (None, None);
    let agency = Unit {
        id: ids::agency(),
        versions: vec![unit_version(
            since_ever,
            "Sotsiaalkindlustusamet",
            UnitKind::Agency,
            None,
        )],
    };
    // Renamed at the start of 2024.
    let it = Unit {
        id: ids::it_department(),
        versions: vec![
            unit_version(
                (Some(day(2019, 1, 1)), Some(day(2023, 12, 31))),
                "Arendusosakond",
                UnitKind::Department,
                Some(ids::agency()),
            ),
            unit_version(
                (Some(day(2024, 1, 1)), None),
                "IT-arenduse osakond",
                UnitKind::Department,
                Some(ids::agency()),
            ),
        ],
    };
    let services = Unit {
        id: ids::services_department(),
        versions: vec![unit_version(
            since_ever,
            "Teenuste osakond",
            UnitKind::Department,
            Some(ids::agency()),
        )],
    };
    let division = Unit {
        id: ids::family_benefits_division(),
        versions: vec![unit_version(
            since_ever,
            "Perehüvitiste talitus",
            UnitKind::Division,
            Some(ids::services_department()),
        )],
    };
    // Moved from the department into the division (and renamed), then closed.
    let team = Unit {
        id: ids::legal_team(),
        versions: vec![
            unit_version(
                (None, Some(day(2022, 8, 31))),
                "Õigusküsimuste meeskond",
                UnitKind::Team,
                Some(ids::services_department()),
            ),
            unit_version(
                (Some(day(2022, 9, 1)), Some(day(2025, 6, 30))),
                "Õigusküsimuste tiim",
                UnitKind::Team,
                Some(ids::family_benefits_division()),
            ),
        ],
    };
    vec![agency, it, services, division, team]
}

fn persons() -> Vec<Person> {
    vec![
        person(
            ids::mari(),
            "Mari Maasikas",
            Some("mari.maasikas@sotsiaalkindlustusamet.ee"),
        ),
        person(ids::jyri(), "Jüri Šokolaad-Žukov", None),
        person(
            ids::oie(),
            "Õie Ääremaa",
            Some("oie.aaremaa@sotsiaalkindlustusamet.ee"),
        ),
    ]
}

fn role_glossary() -> Vec<RoleGlossaryEntry> {
    let entry = |id, ordinal, term: &str, synonyms: &[&str], definition: &str| RoleGlossaryEntry {
        id,
        ordinal,
        term: s(term),
        synonyms: strings(synonyms),
        definition: s(definition),
    };
    vec![
        entry(
            ids::empowerer(),
            1,
            "Võimestaja",
            &[],
            "Loob tingimused, et meeskond saaks tööd iseseisvalt teha.",
        ),
        entry(
            ids::spokesperson(),
            2,
            "Valdkonna kõneisik",
            &["eestkõneleja", "„hääl“"],
            "Esindab valdkonda avalikkuse ja partnerite ees.",
        ),
        entry(
            ids::adviser(),
            3,
            "Nõustaja",
            &["konsultant"],
            "Jagab teadmisi.\nAitab otsustada.",
        ),
    ]
}

fn role_cards() -> Vec<RoleCard> {
    let head = RoleCard {
        id: ids::head_of_department_card(),
        catalogue: s("2024"),
        revision: 2,
        ordinal: 1,
        title: s("OSAKONNA JUHATAJA"),
        note: some("IT vaates äriteenuse omanik"),
        why_needed: s("Osakonna töö juhtimiseks ja „teenuspõhise juhtimise“ elluviimiseks."),
        roles_text: s("Võimestaja, valdkonna kõneisik ehk eestkõneleja, muutuste eestvedaja"),
        roles: vec![
            role("Võimestaja", Some(ids::empowerer())),
            role(
                "valdkonna kõneisik ehk eestkõneleja",
                Some(ids::spokesperson()),
            ),
            role("muutuste eestvedaja", None),
        ],
        purpose: s("Tagab osakonna eesmärkide täitmise kooskõlas riiklike suundadega."),
        benefit: s("Klient saab teenuse õigel ajal; SKA töö on läbipaistev."),
        target_groups: strings(&[
            "osakonna teenistujad",
            "teenuseomanikud",
            "kliendid (pered)",
        ]),
        required_competences: s("Juhtimiskogemus; strateegiline mõtlemine; õäöüšž ÕÄÖÜŠŽ."),
        competence_note: some("Tööpere ja tase sõltuvad osakonna suurusest."),
        job_family_text: s(
            "Valdkondliku teadmisega ja juhtimistasandiga tööpered (üksuse juht), väärtuspunktid \
             250 – 350, ekspertiis 3 ja 4, erandjuhul poliitika rakendamine 3 kuni 6A",
        ),
        job_family_note: some("Sõltuvalt osakonna suurusest võib tase olla kõrgem."),
        job_families: vec![
            range(
                "Valdkondliku teadmisega ja juhtimistasandiga tööpered (üksuse juht)",
                None,
                false,
            ),
            range("ekspertiis", Some(("3", "4")), false),
            range("poliitika rakendamine", Some(("3", "6A")), true),
        ],
        evaluation_points: Some(PointsRange { min: 250, max: 350 }),
        approval: Some(Approval {
            directive: Some(ids::old_directive()),
            directive_number: None,
            directive_date: None,
            annex: Some(1),
            approved_by: some("Sotsiaalkindlustusameti peadirektori"),
            placeholders: strings(&["{regDateTime}", "{regNumber}"]),
        }),
    };
    let web = RoleCard {
        id: ids::web_admin_card(),
        catalogue: s("2024"),
        revision: 1,
        ordinal: 14,
        title: s("(VEEBI)HALDUR"),
        note: None,
        why_needed: s("Veebilehe ja e-teeninduse sisu ajakohasena hoidmiseks."),
        roles_text: s("Nõustaja"),
        roles: vec![role("Nõustaja", Some(ids::adviser()))],
        purpose: s("Hoiab veebi sisu õige ja arusaadavana."),
        benefit: s("Klient leiab info ise."),
        target_groups: vec![],
        required_competences: s("Kirjutamisoskus."),
        competence_note: None,
        job_family_text: s("IT-testimine 3 või IT-konsultandid 2"),
        job_family_note: None,
        job_families: vec![
            range("IT-testimine", Some(("3", "3")), false),
            range("IT-konsultandid", Some(("2", "2")), false),
        ],
        evaluation_points: None,
        approval: None,
    };
    vec![head, web]
}

fn competencies() -> Vec<Competency> {
    vec![
        Competency::from_text(
            "Kliendikesksus:",
            strings(&[
                "Mõistab kliendi vajadusi.",
                "Suhtleb viisakalt ja „inimlikult“.",
            ]),
        ),
        Competency::from_text("Asjatundlikkus", strings(&["Tunneb oma vastutusala."])),
        Competency::from_text("Korrektsus", strings(&["Töötab täpselt ja tähtaegselt."])),
        Competency::from_text("Rehabilitatsioonivaldkonna tundmine", vec![]),
    ]
}

fn positions() -> Vec<Position> {
    let family = |family: &str, level: &str| {
        Some(JobFamilyLevel {
            family: s(family),
            level: s(level),
        })
    };
    vec![
        Position {
            id: ids::head_of_department(),
            title: s("Osakonna juhataja"),
            specialisation: None,
            unit: ids::it_department(),
            supervisor: None,
            staff_group: StaffGroup::Official,
            role_card: Some(ids::head_of_department_card()),
            job_family: family("ekspertiis", "4"),
            assignments: vec![
                assignment(ids::mari(), Some(day(2020, 1, 1)), Some(day(2023, 12, 31))),
                assignment(ids::oie(), Some(day(2024, 1, 1)), None),
            ],
        },
        Position {
            id: ids::star_support(),
            title: s("Peaspetsialist"),
            specialisation: some("STAR kasutajatugi"),
            unit: ids::family_benefits_division(),
            supervisor: Some(ids::head_of_division()),
            staff_group: StaffGroup::Employee,
            role_card: Some(ids::web_admin_card()),
            job_family: family("IT-testimine", "3"),
            assignments: vec![assignment(ids::jyri(), None, None)],
        },
        Position {
            id: ids::head_of_division(),
            title: s("Talituse juhataja"),
            specialisation: None,
            unit: ids::family_benefits_division(),
            supervisor: Some(ids::head_of_department()),
            staff_group: StaffGroup::Official,
            role_card: None,
            job_family: None,
            assignments: vec![],
        },
        Position {
            id: ids::lawyer(),
            title: s("Jurist"),
            specialisation: some("„perehüvitised“"),
            unit: ids::legal_team(),
            supervisor: Some(ids::head_of_division()),
            staff_group: StaffGroup::Official,
            role_card: None,
            job_family: None,
            assignments: vec![assignment(ids::mari(), Some(day(2024, 2, 1)), None)],
        },
    ]
}

fn substitutions() -> Vec<Substitution> {
    vec![
        substitution(ids::star_support(), ids::head_of_division()),
        substitution(ids::head_of_division(), ids::star_support()),
        substitution(ids::lawyer(), ids::head_of_division()),
        substitution(ids::head_of_division(), ids::head_of_department()),
    ]
}

fn directives() -> Vec<Directive> {
    let old = Directive {
        id: ids::old_directive(),
        number: some("12"),
        date: Some(day(2021, 5, 10)),
        title: s("Ametijuhendite kinnitamine"),
        legal_basis: None,
        clauses: vec![],
        annexes: vec![],
        repeals: vec![],
        entry_into_force: None,
        appeal_clause: None,
        signer: None,
        placeholders: vec![],
        source: None,
        unplaced: vec![],
    };
    let d49 = Directive {
        id: ids::directive_49(),
        number: some("49"),
        date: Some(day(2023, 3, 6)),
        title: s("Ametijuhendite kinnitamine"),
        legal_basis: some(
            "Avaliku teenistuse seaduse § 7 lõike 5 ja töölepingu seaduse § 28 alusel:",
        ),
        clauses: strings(&[
            "1. Kinnitan perehüvitiste talituse ametijuhendid:",
            "2. Käskkiri jõustub allkirjastamisest ja seda kohaldatakse alates 01.03.2023.",
        ]),
        annexes: vec![
            annex(
                1,
                "talituse juhataja",
                Some(ids::job_description(&ids::head_of_division(), 1)),
            ),
            annex(
                2,
                "peaspetsialist (STAR kasutajatugi)",
                Some(ids::job_description(&ids::star_support(), 2)),
            ),
            annex(3, "jurist („perehüvitised“)", None),
        ],
        repeals: vec![
            Repeal {
                directive: Some(ids::old_directive()),
                directive_number: some("12"),
                directive_date: Some(day(2021, 5, 10)),
                annex: None,
                text: s("Tunnistan kehtetuks peadirektori 10.05.2021 käskkirja nr 12."),
            },
            Repeal {
                directive: None,
                directive_number: some("7"),
                directive_date: Some(day(2019, 2, 1)),
                annex: Some(2),
                text: s("Tunnistan kehtetuks käskkirja nr 7 lisa 2."),
            },
        ],
        entry_into_force: Some(EntryIntoForce::OnSigning {
            retroactive_from: Some(day(2023, 3, 1)),
        }),
        appeal_clause: some("Käskkirja saab vaidlustada 30 päeva jooksul."),
        signer: Some(Signer {
            name: some("Maret Maripuu"),
            title: some("peadirektor"),
            placeholders: vec![],
        }),
        placeholders: vec![],
        source: Some(SourceRef {
            content_hash: ids::pdf_hash(),
            file_name: s("Käskkiri_49.pdf"),
        }),
        unplaced: strings(&["(allkirjastatud digitaalselt)"]),
    };
    let unregistered = Directive {
        id: ids::unregistered_directive(),
        number: None,
        date: None,
        title: s("Ametijuhendi muutmine"),
        legal_basis: some("Avaliku teenistuse seaduse § 7 lõike 5 alusel:"),
        clauses: strings(&["1. Kinnitan osakonna juhataja ametijuhendi."]),
        annexes: vec![annex(
            1,
            "osakonna juhataja",
            Some(ids::job_description(&ids::head_of_department(), 3)),
        )],
        repeals: vec![],
        entry_into_force: Some(EntryIntoForce::OnDate {
            date: day(2025, 1, 1),
        }),
        appeal_clause: None,
        signer: Some(Signer {
            name: None,
            title: None,
            placeholders: strings(&["{Allkirjastaja}", "{Ametikoht}"]),
        }),
        placeholders: strings(&["{regDateTime}", "{regNumber}"]),
        source: None,
        unplaced: vec![],
    };
    vec![old, d49, unregistered]
}

/// A job description with every field filled.
fn full_job_description(
    position: &PositionId,
    version: u32,
    status: Status,
    template: Template,
) -> JobDescription {
    let comps = competencies();
    let core = |i: usize| CompetencyRef {
        competency: comps[i].id.clone(),
        kind: CompetencyKind::Core,
    };
    JobDescription {
        id: ids::job_description(position, version),
        position: position.clone(),
        version,
        status,
        template,
        created_at: instant("2024-03-06T10:15:00Z"),
        created_by: some("mari.maasikas"),
        written_from: Some(RoleCardSource {
            role_card: ids::web_admin_card(),
            revision: 1,
        }),
        general: GeneralPart {
            title: s("Peaspetsialist"),
            specialisation: some("STAR kasutajatugi"),
            unit: s("Teenuste osakond, perehüvitiste talitus"),
            supervisor: some("Talituse juhataja"),
            subordinates: strings(&["Spetsialist", "Nõunik"]),
            substituted_by: strings(&["Talituse juhataja"]),
            substitutes_for: strings(&["Talituse juhataja", "Spetsialist (STAR)"]),
            staff_group: Some(StaffGroup::Employee),
        },
        purpose: s("Tagada „STAR“ kasutajatele kiire ja asjatundlik tugi; õäöüšž ÕÄÖÜŠŽ."),
        duties: vec![
            duty(
                "3.1",
                "Nõustab kasutajaid STAR-i kasutamisel.",
                &[
                    "Vastus ühe tööpäeva jooksul.",
                    "Pöördumised on registreeritud.",
                ],
            ),
            duty(
                "3.2",
                "Koostab hoolduspileteid ja jälgib nende lahendamist.",
                &["Piletid on lahendatud tähtaegselt."],
            ),
            duty("3.10", "Täidab juhi antud ühekordseid ülesandeid.", &[]),
        ],
        rights: ListSection {
            intro: some("Teenistujal on õigus:"),
            items: strings(&[
                "saada tööks vajalikku teavet;",
                "teha ettepanekuid „töökorralduse“ parandamiseks.",
            ]),
        },
        responsibilities: ListSection {
            intro: None,
            items: strings(&["Vastutab isikuandmete kaitse eest."]),
        },
        work_equipment: some("Sülearvuti, mobiiltelefon, ID-kaart"),
        requirements: Requirements {
            education: some("Kõrgharidus"),
            work_experience: some("Vähemalt 2-aastane töökogemus IT-valdkonnas"),
            languages: vec![
                language("et", Cefr::C1, "Eesti keele oskus vähemalt tasemel C1"),
                LanguageRequirement {
                    language: None,
                    level: Cefr::B1,
                    preferred: vec![lang("en"), lang("ru")],
                    count: Some(1),
                    text: s(
                        "Ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1",
                    ),
                },
            ],
            computer_skills: some("Väga hea arvutikasutamise oskus (MS Office, Jira)"),
            knowledge_and_skills: some("STAR-i ja SKAIS-i tundmine"),
            personal_qualities: some("Täpsus, pingetaluvus"),
            other: vec![LabelledText {
                label: s("Juhiluba"),
                text: s("B-kategooria"),
            }],
        },
        competencies: vec![
            core(0),
            core(1),
            CompetencyRef {
                competency: comps[3].id.clone(),
                kind: CompetencyKind::Additional,
            },
        ],
        amendment_rules: strings(&[
            "Ametijuhend vaadatakse üle üks kord aastas koos vahetu juhiga.",
            "Muudatused, mis ei muuda eesmärki, ei vaja teenistuja nõusolekut.",
        ]),
        special_conditions: some("Töö toimub osaliselt kaugtööna."),
        signatures: vec![
            signature(
                SignatureParty::Approver,
                Some(("Maret Maripuu", "peadirektor")),
                true,
                Some(day(2023, 3, 6)),
                &[],
            ),
            signature(
                SignatureParty::Employer,
                Some(("Õie Ääremaa", "osakonna juhataja")),
                true,
                None,
                &[],
            ),
            signature(
                SignatureParty::Holder,
                None,
                false,
                None,
                &["{Allkirjastaja}", "{Ametikoht}"],
            ),
        ],
        approval: Some(approval(ids::directive_49(), "49", day(2023, 3, 6), 2)),
        effective_from: Some(day(2023, 3, 1)),
        effective_to: Some(day(2024, 2, 29)),
        source: Some(SourceRef {
            content_hash: ids::docx_hash(),
            file_name: s("Ametijuhend_STAR.docx"),
        }),
        roles: vec![
            role("Nõustaja", Some(ids::adviser())),
            role("kasutajatoe „esimene liin“", None),
        ],
        workflow: Workflow::default(),
        unplaced: strings(&[
            "Lisa: „STAR-i kasutusjuhend“",
            "\tTaandega rida\r\nja Windowsi reavahetus",
        ]),
    }
}

/// A job description with every optional field empty.
fn bare_job_description(
    position: &PositionId,
    version: u32,
    status: Status,
    title: &str,
) -> JobDescription {
    JobDescription {
        id: ids::job_description(position, version),
        position: position.clone(),
        version,
        status,
        template: Template::Ska2024,
        created_at: instant("2025-01-31T23:59:59Z"),
        created_by: None,
        written_from: None,
        general: GeneralPart {
            title: s(title),
            ..GeneralPart::default()
        },
        purpose: String::new(),
        duties: vec![],
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

/// The life of a version in force: coordinated, consented, approved, acknowledged, reviewed.
fn in_force_workflow() -> Workflow {
    let step = |from, to, action, capacity, at: &str, comment: Option<&str>| TransitionRecord {
        from,
        to,
        action,
        by: s("pille.personal"),
        by_name: some("Pille Personal"),
        capacity,
        at: instant(at),
        comment: comment.map(s),
    };
    let mut snapshot = role_cards().remove(0);
    snapshot.revision = 1;
    Workflow {
        sign_offs: vec![
            SignOff {
                party: CoordinationParty::Supervisor,
                by: s("maret.maripuu"),
                at: instant("2023-12-01T09:00:00Z"),
                comment: some("Sobib „nagu on“."),
            },
            SignOff {
                party: CoordinationParty::Hr,
                by: s("pille.personal"),
                at: instant("2023-12-02T09:00:00Z"),
                comment: None,
            },
        ],
        consent: Some(ConsentRecord {
            kind: ConsentKind::Consent,
            given_on: day(2023, 12, 5),
            recorded_by: s("pille.personal"),
            recorded_at: instant("2023-12-05T10:00:00Z"),
            reasons: vec![
                ConsentReason::PurposeChanged {
                    similarity_percent: 41,
                },
                ConsentReason::DutyAdded {
                    number: s("3.10"),
                    text: s("Täidab ülesandeid."),
                },
            ],
            comment: some("Nõusolek allkirjastatud digitaalselt."),
        }),
        history: vec![
            step(
                Status::Draft,
                Status::InCoordination,
                ActionKind::Submit,
                Capacity::Supervisor,
                "2023-11-30T08:00:00Z",
                None,
            ),
            step(
                Status::InCoordination,
                Status::Approved,
                ActionKind::Approve,
                Capacity::Hr,
                "2023-12-20T08:00:00Z",
                some("käskkiri nr 49").as_deref(),
            ),
            step(
                Status::Approved,
                Status::Signed,
                ActionKind::Acknowledge,
                Capacity::Holder,
                "2023-12-21T08:00:00Z",
                None,
            ),
            step(
                Status::Signed,
                Status::InForce,
                ActionKind::PutInForce,
                Capacity::Administrator,
                "2024-01-01T00:00:00Z",
                None,
            ),
        ],
        reviews: vec![
            ReviewRecord {
                date: day(2024, 12, 10),
                reviewer: s("maret.maripuu"),
                reviewer_name: some("Maret Maripuu"),
                outcome: ReviewOutcome::NoChange,
                comment: None,
            },
            ReviewRecord {
                date: day(2025, 1, 15),
                reviewer: s("maret.maripuu"),
                reviewer_name: None,
                outcome: ReviewOutcome::NewVersionStarted {
                    draft: Some(ids::job_description(&ids::head_of_department(), 3)),
                },
                comment: some("Lisandub „muutuste juhtimine“."),
            },
        ],
        card_snapshot: Some(snapshot),
        dismissed_card_updates: vec![CardUpdateDismissal {
            role_card: ids::head_of_department_card(),
            revision: 2,
            by: s("maret.maripuu"),
            at: instant("2024-06-01T12:00:00Z"),
            comment: some("Muudatus ei puuduta seda ametikohta."),
        }],
    }
}

fn job_descriptions() -> Vec<JobDescription> {
    let (head, star) = (ids::head_of_department(), ids::star_support());
    let (division, lawyer) = (ids::head_of_division(), ids::lawyer());

    let mut head_v1 = full_job_description(&head, 1, Status::Superseded, Template::Ska2023);
    head_v1.general.title = s("Osakonna juhataja");
    head_v1.general.specialisation = None;
    head_v1.general.staff_group = Some(StaffGroup::Official);
    head_v1.written_from = Some(RoleCardSource {
        role_card: ids::head_of_department_card(),
        revision: 1,
    });
    head_v1.approval = Some(Approval {
        approved_by: None,
        ..approval(ids::old_directive(), "12", day(2021, 5, 10), 1)
    });
    head_v1.effective_from = Some(day(2021, 5, 10));
    head_v1.effective_to = Some(day(2023, 12, 31));
    head_v1.requirements.languages = vec![language("et", Cefr::C2, "Eesti keele oskus tasemel C2")];

    let mut head_v2 = full_job_description(&head, 2, Status::InForce, Template::Ska2024);
    head_v2.general.title = s("Osakonna juhataja");
    head_v2.written_from = Some(RoleCardSource {
        role_card: ids::head_of_department_card(),
        revision: 2,
    });
    head_v2.created_at = instant("2024-01-02T08:00:00Z");
    head_v2.effective_from = Some(day(2024, 1, 1));
    head_v2.effective_to = None;
    head_v2.workflow = in_force_workflow();
    let correctness = competencies()[2].id.clone();
    head_v2.competencies.push(CompetencyRef {
        competency: correctness,
        kind: CompetencyKind::Additional,
    });

    let mut head_v3 = bare_job_description(&head, 3, Status::Draft, "Osakonna juhataja");
    head_v3.created_by = some("oie.aaremaa");
    head_v3.purpose = s("Juhtida osakonna tööd ja tagada osakonna teenuste kvaliteet.");
    head_v3.duties = vec![duty(
        "3.1",
        "Osakonna töö planeerimine ja korraldamine.",
        &["Osakonna tööplaan on koostatud ja täidetud."],
    )];
    head_v3.approval = Some(Approval {
        directive: Some(ids::unregistered_directive()),
        placeholders: strings(&["{regDateTime}", "{regNumber}"]),
        ..Approval::default()
    });

    let mut star_v1 = full_job_description(&star, 1, Status::Repealed, Template::Other);
    star_v1.created_at = instant("2019-02-01T12:00:00Z");
    star_v1.approval = None;
    star_v1.requirements.languages = vec![
        language("ru", Cefr::A1, "Vene keele oskus tasemel A1"),
        language("en", Cefr::A2, "Inglise keele oskus tasemel A2"),
    ];

    let mut star_v2 = full_job_description(&star, 2, Status::Signed, Template::Ska2023);
    star_v2
        .requirements
        .languages
        .push(language("ru", Cefr::B2, "Vene keele oskus tasemel B2"));

    let mut division_v1 = full_job_description(&division, 1, Status::Approved, Template::Ska2023);
    division_v1.general.title = s("Talituse juhataja");
    division_v1.general.specialisation = None;
    division_v1.written_from = None;
    division_v1.source = None;
    division_v1.approval = Some(approval(ids::directive_49(), "49", day(2023, 3, 6), 1));

    let mut lawyer_v1 = bare_job_description(&lawyer, 1, Status::InCoordination, "Jurist");
    lawyer_v1.general.specialisation = some("„perehüvitised“");
    lawyer_v1.purpose = s("Nõustada talitust õigusküsimustes.");

    vec![
        head_v1,
        head_v2,
        head_v3,
        star_v1,
        star_v2,
        division_v1,
        lawyer_v1,
    ]
}

fn source_documents() -> Vec<SourceDocument> {
    vec![
        SourceDocument {
            content_hash: ids::docx_hash(),
            file_name: s("Ametijuhend_Peaspetsialist_(STAR_kasutajatugi)_õäöü.docx"),
            media_type: s(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            imported_at: instant("2024-03-06T10:15:00Z"),
            content: docx_content(),
        },
        SourceDocument {
            content_hash: ids::pdf_hash(),
            file_name: s("Käskkiri_49.pdf"),
            media_type: s("application/pdf"),
            imported_at: instant("2023-03-07T07:00:01Z"),
            content: pdf_content(),
        },
    ]
}

/// The sample registry (not yet in canonical order).
pub fn sample_registry() -> Registry {
    Registry {
        units: units(),
        persons: persons(),
        role_glossary: role_glossary(),
        role_cards: role_cards(),
        competencies: competencies(),
        positions: positions(),
        substitutions: substitutions(),
        directives: directives(),
        job_descriptions: job_descriptions(),
        source_documents: source_documents(),
        ..Registry::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_sample_is_valid() {
        let r = sample_registry();
        assert_eq!(r.validate(), Ok(()));
    }

    #[test]
    fn the_sample_uses_every_enum_variant() {
        let r = sample_registry();
        let kinds: HashSet<_> = r
            .units
            .iter()
            .flat_map(|u| u.versions.iter().map(|v| v.kind))
            .collect();
        assert_eq!(kinds, UnitKind::ALL.into_iter().collect());
        let statuses: HashSet<_> = r.job_descriptions.iter().map(|j| j.status).collect();
        assert_eq!(statuses, Status::ALL.into_iter().collect());
        let templates: HashSet<_> = r.job_descriptions.iter().map(|j| j.template).collect();
        assert_eq!(templates.len(), 3);
        let levels: HashSet<_> = r
            .job_descriptions
            .iter()
            .flat_map(|j| j.requirements.languages.iter().map(|l| l.level))
            .collect();
        assert_eq!(levels, Cefr::ALL.into_iter().collect());
        let groups: HashSet<_> = r.positions.iter().map(|p| p.staff_group).collect();
        assert_eq!(groups.len(), 2);
        let comp_kinds: HashSet<_> = r
            .job_descriptions
            .iter()
            .flat_map(|j| j.competencies.iter().map(|c| c.kind))
            .collect();
        assert_eq!(comp_kinds.len(), 2);
        let parties: HashSet<_> = r
            .job_descriptions
            .iter()
            .flat_map(|j| j.signatures.iter().map(|s| s.party))
            .collect();
        assert_eq!(parties.len(), 3);
        let entries: Vec<_> = r
            .directives
            .iter()
            .filter_map(|d| d.entry_into_force.as_ref())
            .collect();
        assert!(
            entries
                .iter()
                .any(|e| matches!(e, EntryIntoForce::OnDate { .. }))
        );
        assert!(
            entries
                .iter()
                .any(|e| matches!(e, EntryIntoForce::OnSigning { .. }))
        );
    }

    #[test]
    fn the_sample_carries_awkward_bytes_and_text() {
        let r = sample_registry();
        assert!(
            r.source_documents
                .iter()
                .all(|d| d.content.contains(&0x00) && d.content.contains(&0xff))
        );
        let json = serde_json::to_string(&r).unwrap_or_default();
        for needle in ["õ", "ä", "ö", "ü", "š", "ž", "„", "“", "{regNumber}"] {
            assert!(json.contains(needle), "{needle} missing");
        }
    }
}
