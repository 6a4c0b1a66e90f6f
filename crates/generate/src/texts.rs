//! The texts of the generated records, composed from [`vocab`](crate::vocab) for one record at a
//! time from the [`Plan`]: each version of a job description has a random number generator of
//! its own (see [`Rng::for_part`]), so that it can be written again alone with the same result.
//! Records are assembled as JSON and read with the domain's own deserializers, so fields the
//! domain adds later with defaults need no change here.

use crate::GenerateError;
use crate::plan::{Plan, Slot, job_description_id, month_start, person_id};
use crate::rng::Rng;
use crate::vocab::*;
use ametijuhend_domain::directive::{FIELD_REG_DATE, FIELD_REG_NUMBER};
use ametijuhend_domain::role_card::parse_job_families;
use ametijuhend_domain::{
    Assignment, Competency, Directive, JobDescription, Person, Position, RoleCard, RoleCardId,
    Status, Template, Unit, UnitKind,
};
use serde_json::{Value, json};

pub(crate) fn read<T: serde::de::DeserializeOwned>(
    what: &'static str,
    v: Value,
) -> Result<T, GenerateError> {
    serde_json::from_value(v).map_err(|source| GenerateError { what, source })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What every record is made with: the role cards and the competency library.
pub(crate) struct Library {
    pub cards: Vec<RoleCard>,
    pub core: Vec<Competency>,
    pub additional: Vec<Competency>,
}

impl Library {
    pub fn new(seed: u64) -> Result<Self, GenerateError> {
        let mut rng = Rng::for_part(seed, 1, 0);
        let cards = ROLE_CARDS
            .iter()
            .enumerate()
            .map(|(i, (title, families))| role_card(&mut rng, i, title, families))
            .collect::<Result<_, _>>()?;
        let competencies = |list: &[(&str, &[&str])]| -> Vec<Competency> {
            list.iter()
                .map(|(n, ind)| {
                    Competency::from_text(n, ind.iter().map(|s| s.to_string()).collect())
                })
                .collect()
        };
        Ok(Self {
            cards,
            core: competencies(CORE_COMPETENCIES),
            additional: competencies(ADDITIONAL_COMPETENCIES),
        })
    }

    pub fn competencies(&self) -> impl Iterator<Item = &Competency> {
        self.core.iter().chain(&self.additional)
    }
}

pub(crate) fn unit(plan: &Plan, i: usize) -> Unit {
    let u = &plan.units[i];
    Unit::new(
        u.id.clone(),
        u.name.clone(),
        u.kind,
        u.parent.map(|p| plan.units[p].id.clone()),
    )
}

/// The holders of a position, oldest first (fictional people: names from two short lists).
pub(crate) fn persons(plan: &Plan, s: &Slot) -> Vec<Person> {
    (0..s.holders)
        .map(|h| {
            let mut rng = Rng::for_part(plan.seed, 2 + s.index as u64, u64::from(h));
            let first = rng.pick(FIRST_NAMES);
            let last = rng.pick(SURNAMES);
            let email = format!(
                "{}.{}.{}@ametijuhend.example",
                ascii(first),
                ascii(last),
                s.index * 2 + h as usize
            );
            Person {
                id: person_id(plan.seed, s.index, h),
                name: format!("{first} {last}"),
                email: Some(email),
            }
        })
        .collect()
}

fn ascii(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'õ' | 'ö' => 'o',
            'ä' => 'a',
            'ü' => 'u',
            'š' => 's',
            'ž' => 'z',
            c => c,
        })
        .collect()
}

pub(crate) fn position(plan: &Plan, lib: &Library, s: &Slot) -> Result<Position, GenerateError> {
    let (title, card, family, levels, _) = s.title;
    let start = month_start(s.versions[0].month);
    let assignments: Vec<Assignment> = (0..s.holders)
        .map(|h| {
            let from = start + chrono::Days::new(u64::from(h) * 200);
            let to = (h + 1 < s.holders).then(|| from + chrono::Days::new(199));
            Assignment {
                person: person_id(plan.seed, s.index, h),
                from: Some(from),
                to,
            }
        })
        .collect();
    read(
        "position",
        json!({
            "id": s.id,
            "title": title,
            "specialisation": s.specialised.then(|| AREAS[s.area].0),
            "unit": plan.units[s.unit].id,
            "supervisor": s.supervisor.map(|p| &plan.slots[p].id),
            "staff_group": if s.official { "official" } else { "employee" },
            "role_card": lib.cards.get(card).map(|c| &c.id),
            "job_family": {"family": family, "level": levels[s.level]},
            "assignments": assignments,
        }),
    )
}

/// The directive approving versions, with one annex per version. One prepared but not yet
/// registered has no number or date (the register's template fields stand for them), nor a
/// signer, and enters into force on signing.
pub(crate) fn directive(plan: &Plan, d: usize) -> Result<Directive, GenerateError> {
    let dp = &plan.directives[d];
    let (number, date, entry_into_force, signer, placeholders) = if dp.registered {
        (
            json!(dp.number),
            json!(dp.date),
            json!({"kind": "on_date", "date": dp.date}),
            json!({"name": "Peadirektor", "title": "peadirektor", "placeholders": []}),
            json!([]),
        )
    } else {
        (
            Value::Null,
            Value::Null,
            json!({"kind": "on_signing", "retroactive_from": null}),
            json!({"name": null, "title": null, "placeholders": ["{Allkirjastaja}", "{Ametikoht}"]}),
            json!([FIELD_REG_DATE, FIELD_REG_NUMBER]),
        )
    };
    let annexes: Vec<Value> = dp
        .annexes
        .iter()
        .enumerate()
        .map(|(n, &(p, v))| {
            json!({
                "annex": n + 1,
                "title": plan.slots[p].title.0,
                "job_description": job_description_id(plan.seed, p, v + 1),
            })
        })
        .collect();
    read(
        "directive",
        json!({
            "id": dp.id,
            "number": number,
            "date": date,
            "title": "Ametijuhendite kinnitamine",
            "legal_basis": "Avaliku teenistuse seaduse § 52 lõike 1 ja Sotsiaalkindlustusameti põhimääruse alusel:",
            "clauses": ["Kinnitan ametijuhendid vastavalt lisadele."],
            "annexes": annexes,
            "repeals": [],
            "entry_into_force": entry_into_force,
            "appeal_clause": null,
            "signer": signer,
            "placeholders": placeholders,
            "source": null,
            "unplaced": [],
        }),
    )
}

pub(crate) fn role_card(
    rng: &mut Rng,
    i: usize,
    title: &str,
    families: &str,
) -> Result<RoleCard, GenerateError> {
    let duties: Vec<String> = rng
        .distinct(DUTIES.len(), 4)
        .into_iter()
        .map(|d| {
            let area = rng.pick(AREAS).1;
            DUTIES[d].text.replace("{a}", area).to_lowercase()
        })
        .collect();
    let (ranges, points) = parse_job_families(families);
    read(
        "role card",
        json!({
            "id": RoleCardId::derived(&format!("generated:2024:{title}")),
            "catalogue": "2024",
            "revision": 1,
            "ordinal": i + 1,
            "title": title,
            "note": null,
            "why_needed": rng.pick(&[
                "Valdkonnapõhise eestvedajana loob eeldused, et meeskonnaliikmed suudaksid kindlustada Eesti inimese iseseisvat toimetulekut ja heaolu.",
                "Teenusepõhise eestvedajana loob eeldused, et teenus aitab kliendil enda vajadused realiseerida.",
                "Tagab, et klientide pöördumised lahendatakse asjatundlikult ja õigeaegselt.",
                "Toetab ameti teenuste sujuvat toimimist ja arendamist.",
            ]),
            "roles_text": "Nõustaja, võimestaja, koostöö algataja ja vedaja",
            "roles": [],
            "purpose": capitalise(&duties.join("; ")),
            "benefit": "Suurendab SKA teenistujate võimekust luua keskkonda, mis võimaldaks toetada Eesti inimeste iseseisvat toimetulekut ja heaolu.",
            "target_groups": ["Osakonna juhataja", "talituse juhataja", "osakonna teenistujad", "valdkonna partnerorganisatsioonid"],
            "required_competences": "Töö eeldab kõrgharidust ja valdkondlikku töökogemust.",
            "competence_note": null,
            "job_family_text": families,
            "job_family_note": null,
            "job_families": ranges,
            "evaluation_points": points,
            "approval": null,
        }),
    )
}

fn language(code: &str, name: &str, level: &str, verb: &str) -> Value {
    json!({
        "language": code,
        "level": level,
        "preferred": [],
        "text": format!("{name} keele {verb} vähemalt tasemel {level}."),
    })
}

/// Version `v` (0-based) of a position's job description.
pub(crate) fn job_description(
    plan: &Plan,
    lib: &Library,
    s: &Slot,
    v: usize,
) -> Result<JobDescription, GenerateError> {
    let seed = plan.seed;
    let rng = &mut Rng::for_part(seed, 2 + s.index as u64, 100 + v as u64);
    let vp = &s.versions[v];
    let u = &plan.units[s.unit];
    let (title, card, _, _, _) = s.title;
    let area = if rng.chance(75) {
        AREAS[s.area].1
    } else {
        rng.pick(AREAS).1
    };
    let (core, additional) = (&lib.core, &lib.additional);
    let version = v + 1;
    let staff_group = if s.official { "official" } else { "employee" };
    let specialisation = s.specialised.then(|| AREAS[s.area].0);
    let supervisor_title = s.supervisor.map(|p| plan.slots[p].title.0);
    let card_id: Option<&RoleCardId> = lib.cards.get(card).map(|c| &c.id);
    let duty_count = rng.between(5, 12);
    let template = if vp.month < 24 {
        Template::Ska2023
    } else {
        Template::Ska2024
    };
    let section = template.duties_section();
    let duties: Vec<Value> = rng
        .distinct(DUTIES.len(), duty_count)
        .into_iter()
        .enumerate()
        .map(|(k, d)| {
            let fill = if rng.chance(75) {
                area
            } else {
                rng.pick(AREAS).1
            };
            let mut text = capitalise(&DUTIES[d].text.replace("{a}", fill));
            if rng.chance(30) {
                text.push_str(", ");
                text.push_str(rng.pick::<&str>(DUTY_CONTEXTS));
            }
            text.push('.');
            let results = DUTIES[d].results;
            let n = rng.between(1, results.len());
            json!({
                "number": format!("{section}.{}", k + 1),
                "text": text,
                "expected_results": results[..n],
            })
        })
        .collect();
    let pick_some = |rng: &mut Rng, items: &[&str], lo: usize, hi: usize| -> Vec<String> {
        let k = rng.between(lo, hi);
        rng.distinct(items.len(), k)
            .into_iter()
            .map(|i| items[i].to_string())
            .collect()
    };
    let mut languages = vec![language(
        "et",
        "Eesti",
        rng.pick::<&str>(&["C1", "C1", "C1", "C1", "B2", "C2"]),
        "valdamine",
    )];
    if rng.chance(15) {
        languages.push(json!({
            "language": null,
            "level": "B1",
            "preferred": ["en", "ru"],
            "count": 1,
            "text": "Ühe võõrkeele (soovitavalt inglise või vene keel) oskus vähemalt tasemel B1.",
        }));
    } else if rng.chance(60) {
        languages.push(language(
            "en",
            "Inglise",
            rng.pick::<&str>(&["B1", "B2", "C1"]),
            "oskus",
        ));
    }
    if rng.chance(40) {
        languages.push(language(
            "ru",
            "Vene",
            rng.pick::<&str>(&["A2", "B1", "B2", "C1"]),
            "oskus",
        ));
    }
    let n_core = rng.between(3, core.len());
    let mut competencies: Vec<Value> = rng
        .distinct(core.len(), n_core)
        .into_iter()
        .map(|i| json!({"competency": core[i].id, "kind": "core"}))
        .collect();
    let n_additional = rng.between(1, 4);
    competencies.extend(
        rng.distinct(additional.len(), n_additional)
            .into_iter()
            .map(|i| json!({"competency": additional[i].id, "kind": "additional"})),
    );
    let purpose = rng.pick(PURPOSES).replace("{a}", area);
    let written = month_start(vp.month) - chrono::Days::new(20);
    let at =
        |days: u64, hour: u32| format!("{}T{hour:02}:00:00Z", written + chrono::Days::new(days));
    let mut history = Vec::new();
    if vp.status != Status::Draft || vp.returned {
        history.push(
            json!({"from": "draft", "to": "in_coordination", "action": "submit",
            "by": "juht", "by_name": supervisor_title, "capacity": "supervisor", "at": at(2, 10)}),
        );
    }
    if vp.returned {
        history.push(
            json!({"from": "in_coordination", "to": "draft", "action": "return",
            "by": "personal", "by_name": "Personalispetsialist", "capacity": "hr", "at": at(4, 11),
            "comment": "Lisa tööülesannetele oodatavad tulemused."}),
        );
    }
    // Sign-offs of the coordination round, each recorded in the history too.
    let mut sign_offs = Vec::new();
    for (party, by, capacity, hour) in [
        ("supervisor", "juht", "supervisor", 10),
        ("hr", "personal", "hr", 14),
    ]
    .into_iter()
    .zip(vp.signed_off)
    .filter_map(|(p, signed)| signed.then_some(p))
    {
        let by_name = if party == "hr" {
            Some("Personalispetsialist")
        } else {
            supervisor_title
        };
        history.push(json!({"from": "in_coordination", "to": "in_coordination",
            "action": format!("sign_off_as_{party}"), "by": by, "by_name": by_name,
            "capacity": capacity, "at": at(3, hour)}));
        sign_offs.push(json!({"party": party, "by": by, "at": at(3, hour)}));
    }
    let reviews: Vec<Value> = vp
        .reviewed_on
        .map(|d| {
            json!({"date": d, "reviewer": "juht", "reviewer_name": supervisor_title,
            "outcome": {"kind": "no_change"}, "comment": null})
        })
        .into_iter()
        .collect();
    let approval = vp.approval.map(|(d, annex)| {
        let dp = &plan.directives[d];
        json!({
            "directive": dp.id,
            "directive_number": dp.number,
            "directive_date": dp.date,
            "annex": annex,
            "approved_by": "Sotsiaalkindlustusameti peadirektori",
            "placeholders": [],
        })
    });
    read(
        "job description",
        json!({
            "id": job_description_id(seed, s.index, version),
            "position": s.id,
            "version": version,
            "status": vp.status,
            "template": template,
            "created_at": at(0, 9),
            "created_by": null,
            "written_from": card_id.map(|c| json!({"role_card": c, "revision": 1})),
            "general": {
                "title": title,
                "specialisation": specialisation,
                "unit": if u.department == u.name || u.department.is_empty() || u.kind == UnitKind::Agency {
                    u.name.clone()
                } else {
                    format!("{}, {}", u.department, u.name.to_lowercase())
                },
                "supervisor": supervisor_title,
                "subordinates": [],
                "substituted_by": [],
                "substitutes_for": [],
                "staff_group": staff_group,
            },
            "purpose": capitalise(&purpose),
            "duties": duties,
            "rights": {"intro": "Teenistujal on õigus:", "items": pick_some(rng, RIGHTS, 4, 7)},
            "responsibilities": {"intro": "Teenistuja vastutab:", "items": pick_some(rng, RESPONSIBILITIES, 4, 6)},
            "work_equipment": rng.pick(WORK_EQUIPMENT),
            "requirements": {
                "education": rng.pick(EDUCATION),
                "work_experience": rng.pick(EXPERIENCE),
                "languages": languages,
                "computer_skills": rng.pick(COMPUTER_SKILLS),
                "knowledge_and_skills": pick_some(rng, KNOWLEDGE, 1, 3).join(" "),
                "personal_qualities": rng.pick(QUALITIES),
                "other": [],
            },
            "competencies": competencies,
            "amendment_rules": ["Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel."],
            "special_conditions": null,
            "signatures": [],
            "approval": approval,
            "effective_from": vp.effective_from,
            "effective_to": vp.effective_to,
            "source": null,
            "unplaced": [],
            "workflow": {"history": history, "reviews": reviews, "sign_offs": sign_offs},
        }),
    )
}
