//! A seeded generator of realistic registries, for tests and the benchmark.
//!
//! [`registry`] builds an agency with departments, divisions and teams, the role card
//! catalogue, a competency library, and `n` positions with job descriptions composed from
//! [`vocab`]: each position gets a service area, 5–12 duties drawn from some seventy duty
//! texts (with the area filled in and a context phrase now and then), their expected results,
//! rights, responsibilities, requirements with language levels, and competencies. The same seed
//! and size always give the same registry, byte for byte (the random number generator is
//! SplitMix64, written here so that no dependency update can change the output).
//!
//! Records are assembled as JSON and read with the domain's own deserializers, so fields the
//! domain adds later with defaults need no change here.

pub mod vocab;

use ametijuhend_domain::role_card::parse_job_families;
use ametijuhend_domain::{
    Competency, CompetencyId, JobDescription, JobDescriptionId, Position, PositionId, Registry,
    RoleCard, RoleCardId, Template, Unit, UnitId, UnitKind,
};
use serde_json::{Value, json};
use vocab::*;

/// A small deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n` in the order drawn.
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            idx.swap(i, j);
        }
        idx.truncate(k);
        idx
    }
}

/// The generator's output could not be read back as domain records (a bug in the generator).
#[derive(Debug, thiserror::Error)]
#[error("generated {what} does not match the domain model: {source}")]
pub struct GenerateError {
    what: &'static str,
    source: serde_json::Error,
}

fn read<T: serde::de::DeserializeOwned>(what: &'static str, v: Value) -> Result<T, GenerateError> {
    serde_json::from_value(v).map_err(|source| GenerateError { what, source })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

struct GenUnit {
    id: UnitId,
    name: String,
    /// The department's name, for the unit as written in a job description.
    department: String,
    parent: Option<usize>,
    area: usize,
    head: Option<usize>,
    kind: UnitKind,
}

/// A registry with `positions` positions, generated from `seed`.
pub fn registry(seed: u64, positions: usize) -> Result<Registry, GenerateError> {
    let mut rng = Rng::new(seed);
    let mut r = Registry::default();

    // Units: agency → departments → divisions → teams.
    let key = |s: String| format!("generated:{seed}:{s}");
    let mut units: Vec<GenUnit> = vec![GenUnit {
        id: UnitId::derived(&key("agency".into())),
        name: "Sotsiaalkindlustusamet".into(),
        department: String::new(),
        parent: None,
        area: 0,
        head: None,
        kind: UnitKind::Agency,
    }];
    for (d, dept) in DEPARTMENTS.iter().enumerate() {
        let di = units.len();
        units.push(GenUnit {
            id: UnitId::derived(&key(format!("unit:{d}"))),
            name: dept.to_string(),
            department: dept.to_string(),
            parent: Some(0),
            area: rng.below(AREAS.len()),
            head: None,
            kind: UnitKind::Department,
        });
        let n_div = rng.between(2, 5);
        for (v, div) in rng.distinct(DIVISIONS.len(), n_div).into_iter().enumerate() {
            let vi = units.len();
            units.push(GenUnit {
                id: UnitId::derived(&key(format!("unit:{d}/{v}"))),
                name: DIVISIONS[div].to_string(),
                department: dept.to_string(),
                parent: Some(di),
                area: rng.below(AREAS.len()),
                head: None,
                kind: UnitKind::Division,
            });
            let n_team = rng.between(0, 3);
            for (t, team) in rng.distinct(TEAMS.len(), n_team).into_iter().enumerate() {
                units.push(GenUnit {
                    id: UnitId::derived(&key(format!("unit:{d}/{v}/{t}"))),
                    name: TEAMS[team].to_string(),
                    department: dept.to_string(),
                    parent: Some(vi),
                    area: rng.below(AREAS.len()),
                    head: None,
                    kind: UnitKind::Team,
                });
            }
        }
    }
    for u in &units {
        r.units.push(Unit::new(
            u.id.clone(),
            u.name.clone(),
            u.kind,
            u.parent.map(|p| units[p].id.clone()),
        ));
    }

    // Role cards and the competency library.
    let mut card_ids = Vec::new();
    for (i, (title, families)) in ROLE_CARDS.iter().enumerate() {
        let card = role_card(&mut rng, i, title, families)?;
        card_ids.push(card.id.clone());
        r.role_cards.push(card);
    }
    let core: Vec<Competency> = CORE_COMPETENCIES
        .iter()
        .map(|(n, ind)| Competency::from_text(n, ind.iter().map(|s| s.to_string()).collect()))
        .collect();
    let additional: Vec<Competency> = ADDITIONAL_COMPETENCIES
        .iter()
        .map(|(n, ind)| Competency::from_text(n, ind.iter().map(|s| s.to_string()).collect()))
        .collect();

    // Positions: a head for every department and division first, then the others.
    let mut heads: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| matches!(u.kind, UnitKind::Department | UnitKind::Division))
        .map(|(i, _)| i)
        .collect();
    heads.reverse();
    let staffed: Vec<usize> = (1..units.len())
        .filter(|&i| units[i].kind != UnitKind::Department)
        .collect();
    for i in 0..positions {
        let (unit, head_of) = match heads.pop() {
            Some(u) => (u, true),
            None => (*rng.pick(&staffed), false),
        };
        let spec = PositionSpec {
            index: i,
            unit,
            head_of,
        };
        let (p, jds) = position(&mut rng, seed, &spec, &units, &card_ids, &core, &additional)?;
        if head_of {
            units[unit].head = Some(r.positions.len());
        }
        r.positions.push(p);
        r.job_descriptions.extend(jds);
    }
    r.competencies = core.into_iter().chain(additional).collect();
    r.canonicalize();
    Ok(r)
}

fn role_card(
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

struct PositionSpec {
    index: usize,
    unit: usize,
    head_of: bool,
}

fn language(code: &str, name: &str, level: &str, verb: &str) -> Value {
    json!({
        "language": code,
        "level": level,
        "preferred": [],
        "text": format!("{name} keele {verb} vähemalt tasemel {level}."),
    })
}

fn position(
    rng: &mut Rng,
    seed: u64,
    spec: &PositionSpec,
    units: &[GenUnit],
    card_ids: &[RoleCardId],
    core: &[Competency],
    additional: &[Competency],
) -> Result<(Position, Vec<JobDescription>), GenerateError> {
    let u = &units[spec.unit];
    let (title, card, family, levels, officials): (&str, usize, &str, &[&str], u32) =
        match (spec.head_of, u.kind) {
            (true, UnitKind::Department) => (
                "Osakonna juhataja",
                0,
                "Poliitika rakendamine",
                &["5", "6", "7"],
                10,
            ),
            (true, _) => (
                "Talituse juhataja",
                1,
                "Poliitika rakendamine",
                &["4", "5"],
                9,
            ),
            _ => *rng.pick(TITLES),
        };
    let area_index = if rng.chance(70) {
        u.area
    } else {
        rng.below(AREAS.len())
    };
    let (area_name, area) = AREAS[area_index];
    let specialisation = (!spec.head_of && rng.chance(60)).then(|| area_name.to_string());
    let staff_group = if rng.chance(u64::from(officials) * 10) {
        "official"
    } else {
        "employee"
    };
    let supervisor = u
        .head
        .filter(|_| !spec.head_of)
        .or_else(|| u.parent.and_then(|p| units[p].head));
    let id = PositionId::derived(&format!("generated:{seed}:position:{}", spec.index));
    let supervisor_id =
        supervisor.map(|s| PositionId::derived(&format!("generated:{seed}:position:{s}")));
    let level = *rng.pick(levels);
    let p: Position = read(
        "position",
        json!({
            "id": id,
            "title": title,
            "specialisation": specialisation,
            "unit": u.id,
            "supervisor": supervisor_id,
            "staff_group": staff_group,
            "role_card": card_ids.get(card),
            "job_family": {"family": family, "level": level},
            "assignments": [],
        }),
    )?;

    // Versions: sometimes an older superseded one before the current one.
    let current_status = match rng.below(100) {
        0..=79 => "in_force",
        80..=85 => "approved",
        86..=89 => "signed",
        90..=95 => "draft",
        _ => "in_coordination",
    };
    let versions: Vec<&str> = if rng.chance(10) {
        vec!["superseded", current_status]
    } else {
        vec![current_status]
    };
    let mut jds = Vec::new();
    for (v, status) in versions.iter().enumerate() {
        let version = v + 1;
        let duty_count = rng.between(5, 12);
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
                    "number": format!("3.{}", k + 1),
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
        let jd: JobDescription = read(
            "job description",
            json!({
                "id": JobDescriptionId::derived(&format!("generated:{seed}:jd:{}:{version}", spec.index)),
                "position": id,
                "version": version,
                "status": status,
                "template": Template::Ska2023,
                "created_at": format!("20{:02}-0{}-1{}T09:00:00Z", 20 + v, 1 + rng.below(9), rng.below(10)),
                "created_by": null,
                "written_from": {"role_card": card_ids.get(card), "revision": 1},
                "general": {
                    "title": title,
                    "specialisation": specialisation,
                    "unit": if u.department == u.name || u.department.is_empty() {
                        u.name.clone()
                    } else {
                        format!("{}, {}", u.department, u.name.to_lowercase())
                    },
                    "supervisor": supervisor.map(|_| "Talituse juhataja"),
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
                "approval": null,
                "effective_from": null,
                "effective_to": null,
                "source": null,
                "unplaced": [],
            }),
        )?;
        jds.push(jd);
    }
    Ok((p, jds))
}

/// The ids the generator gives, for tests that need to name a record.
pub fn position_id(seed: u64, index: usize) -> PositionId {
    PositionId::derived(&format!("generated:{seed}:position:{index}"))
}

/// The id of a generated competency by name, if the library has it.
pub fn competency_id(name: &str) -> Option<CompetencyId> {
    CORE_COMPETENCIES
        .iter()
        .chain(ADDITIONAL_COMPETENCIES)
        .find(|(n, _)| *n == name)
        .map(|(n, ind)| Competency::from_text(n, ind.iter().map(|s| s.to_string()).collect()).id)
}
