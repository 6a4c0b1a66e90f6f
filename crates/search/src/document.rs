//! What goes into the index: one [`SearchDoc`] per position (carrying its current job
//! description's sections), role card, competency and unit.
//!
//! A document has its display title, its sections (each with the JSON-style path a hit links
//! to, e.g. `duties[2]` or `requirements.languages[0]`), the filter keys the query applies as
//! term clauses, and the facet values it is counted under. Unit ancestry is precomputed: a
//! position carries the ids of its unit and every ancestor, so a subtree filter is one term.

use ametijuhend_domain::{
    Competency, CompetencyId, JobDescription, Position, PositionId, Registry, RoleCard, RoleCardId,
    Unit, UnitId,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// What a document describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Position,
    RoleCard,
    Competency,
    Unit,
}

impl DocKind {
    pub const ALL: [DocKind; 4] = [
        DocKind::Position,
        DocKind::RoleCard,
        DocKind::Competency,
        DocKind::Unit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Position => "position",
            DocKind::RoleCard => "role_card",
            DocKind::Competency => "competency",
            DocKind::Unit => "unit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The dimensions results are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetDim {
    Kind,
    /// Counted for the unit and every ancestor: a unit's count covers its subtree.
    Unit,
    RoleCard,
    JobFamily,
    Level,
    Status,
    StaffGroup,
    Language,
}

impl FacetDim {
    pub const ALL: [FacetDim; 8] = [
        FacetDim::Kind,
        FacetDim::Unit,
        FacetDim::RoleCard,
        FacetDim::JobFamily,
        FacetDim::Level,
        FacetDim::Status,
        FacetDim::StaffGroup,
        FacetDim::Language,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FacetDim::Kind => "kind",
            FacetDim::Unit => "unit",
            FacetDim::RoleCard => "role_card",
            FacetDim::JobFamily => "job_family",
            FacetDim::Level => "level",
            FacetDim::Status => "status",
            FacetDim::StaffGroup => "staff_group",
            FacetDim::Language => "language",
        }
    }
}

/// A part of a record's text and the path that names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub path: String,
    pub text: String,
}

/// Which indexed field a section's text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Title,
    Purpose,
    Body,
}

impl Section {
    pub fn zone(&self) -> Zone {
        match self.path.as_str() {
            "title" => Zone::Title,
            "purpose" | "why_needed" => Zone::Purpose,
            _ => Zone::Body,
        }
    }
}

/// One index document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    pub kind: DocKind,
    pub id: String,
    pub title: String,
    /// For positions: the job description version whose text the document carries.
    pub job_description: Option<String>,
    pub sections: Vec<Section>,
    /// Filter terms (see [`keys`]).
    pub keys: Vec<String>,
    pub facets: Vec<(FacetDim, String)>,
}

/// The filter terms documents carry.
pub mod keys {
    use ametijuhend_domain::{Cefr, StaffGroup, Status};

    pub fn kind(k: super::DocKind) -> String {
        format!("kind:{}", k.as_str())
    }
    pub fn unit(id: &str) -> String {
        format!("unit:{id}")
    }
    pub fn position(id: &str) -> String {
        format!("pos:{id}")
    }
    pub fn role_card(id: &str) -> String {
        format!("rc:{id}")
    }
    pub fn job_family(family: &str) -> String {
        format!("jf:{}", family.trim().to_lowercase())
    }
    pub fn job_family_level(family: &str, level: &str) -> String {
        format!(
            "jfl:{}|{}",
            family.trim().to_lowercase(),
            level.trim().to_uppercase()
        )
    }
    pub fn level(level: &str) -> String {
        format!("lvl:{}", level.trim().to_uppercase())
    }
    pub fn status(s: Status) -> String {
        format!("status:{}", s.as_str())
    }
    pub fn staff_group(g: StaffGroup) -> String {
        format!("staff:{}", g.as_str())
    }
    /// "Requires `code` at `level` or higher".
    pub fn language_at_least(code: &str, level: Cefr) -> String {
        format!("lang:{code}>={}", level.as_str())
    }
}

/// Finds the records a document refers to. [`Registry`] implements it (by linear search, fine
/// for the few records of one change); [`RegistryLookup`] indexes a whole registry.
pub trait Lookup {
    fn unit(&self, id: &UnitId) -> Option<&Unit>;
    fn competency(&self, id: &CompetencyId) -> Option<&Competency>;
    fn role_card(&self, id: &RoleCardId) -> Option<&RoleCard>;
}

impl Lookup for Registry {
    fn unit(&self, id: &UnitId) -> Option<&Unit> {
        Registry::unit(self, id)
    }
    fn competency(&self, id: &CompetencyId) -> Option<&Competency> {
        Registry::competency(self, id)
    }
    fn role_card(&self, id: &RoleCardId) -> Option<&RoleCard> {
        Registry::role_card(self, id)
    }
}

/// A [`Lookup`] over a whole registry with hash maps, for full rebuilds.
pub struct RegistryLookup<'a> {
    units: HashMap<&'a str, &'a Unit>,
    competencies: HashMap<&'a str, &'a Competency>,
    role_cards: HashMap<&'a str, &'a RoleCard>,
}

impl<'a> RegistryLookup<'a> {
    pub fn new(r: &'a Registry) -> Self {
        Self {
            units: r.units.iter().map(|u| (u.id.as_str(), u)).collect(),
            competencies: r.competencies.iter().map(|c| (c.id.as_str(), c)).collect(),
            role_cards: r.role_cards.iter().map(|c| (c.id.as_str(), c)).collect(),
        }
    }
}

impl Lookup for RegistryLookup<'_> {
    fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.get(id.as_str()).copied()
    }
    fn competency(&self, id: &CompetencyId) -> Option<&Competency> {
        self.competencies.get(id.as_str()).copied()
    }
    fn role_card(&self, id: &RoleCardId) -> Option<&RoleCard> {
        self.role_cards.get(id.as_str()).copied()
    }
}

/// A unit and its ancestors, the unit first. Stops at a missing parent or a cycle.
pub fn unit_path(unit: &UnitId, lookup: &dyn Lookup) -> Vec<UnitId> {
    let mut out = vec![unit.clone()];
    let mut seen: HashSet<UnitId> = HashSet::from([unit.clone()]);
    let mut cur = lookup.unit(unit).and_then(|u| u.parent().cloned());
    while let Some(p) = cur {
        if !seen.insert(p.clone()) {
            break;
        }
        cur = lookup.unit(&p).and_then(|u| u.parent().cloned());
        out.push(p);
    }
    out
}

/// The version a position's document carries: the latest approved, signed or in-force
/// version, or else the latest version of any status (a first draft is findable too).
pub fn current_job_description<'a>(
    versions: impl IntoIterator<Item = &'a JobDescription>,
) -> Option<&'a JobDescription> {
    let mut best_valid: Option<&JobDescription> = None;
    let mut latest: Option<&JobDescription> = None;
    for jd in versions {
        if latest.is_none_or(|l| jd.version > l.version) {
            latest = Some(jd);
        }
        if jd.status.is_valid_document() && best_valid.is_none_or(|b| jd.version > b.version) {
            best_valid = Some(jd);
        }
    }
    best_valid.or(latest)
}

struct Builder {
    sections: Vec<Section>,
}

impl Builder {
    fn add(&mut self, path: impl Into<String>, text: &str) {
        let t = text.trim();
        if !t.is_empty() {
            self.sections.push(Section {
                path: path.into(),
                text: t.to_string(),
            });
        }
    }
    fn add_opt(&mut self, path: &str, text: Option<&String>) {
        if let Some(t) = text {
            self.add(path, t);
        }
    }
}

/// The document of a position with the given job description version (see
/// [`current_job_description`]).
pub fn position_doc(
    position: &Position,
    jd: Option<&JobDescription>,
    lookup: &dyn Lookup,
) -> SearchDoc {
    let title = position.full_title();
    let mut b = Builder { sections: vec![] };
    b.add("title", &title);
    let path = unit_path(&position.unit, lookup);
    let mut keys = vec![
        keys::kind(DocKind::Position),
        keys::position(position.id.as_str()),
        keys::staff_group(position.staff_group),
    ];
    let mut facets = vec![
        (FacetDim::Kind, DocKind::Position.as_str().to_string()),
        (
            FacetDim::StaffGroup,
            position.staff_group.as_str().to_string(),
        ),
    ];
    for u in &path {
        keys.push(keys::unit(u.as_str()));
        facets.push((FacetDim::Unit, u.as_str().to_string()));
    }
    if let Some(card) = &position.role_card {
        keys.push(keys::role_card(card.as_str()));
        facets.push((FacetDim::RoleCard, card.as_str().to_string()));
    }
    if let Some(jf) = &position.job_family {
        keys.push(keys::job_family(&jf.family));
        keys.push(keys::job_family_level(&jf.family, &jf.level));
        keys.push(keys::level(&jf.level));
        facets.push((FacetDim::JobFamily, jf.family.trim().to_string()));
        facets.push((FacetDim::Level, jf.level.trim().to_uppercase()));
    }
    let status = jd.map(|j| j.status);
    if let Some(s) = status {
        keys.push(keys::status(s));
        facets.push((FacetDim::Status, s.as_str().to_string()));
    }
    if let Some(jd) = jd {
        job_description_sections(&mut b, jd, lookup);
        let mut langs: Vec<&str> = Vec::new();
        for req in &jd.requirements.languages {
            let Some(code) = &req.language else { continue };
            for level in ametijuhend_domain::Cefr::ALL {
                if level <= req.level {
                    keys.push(keys::language_at_least(code.as_str(), level));
                }
            }
            if !langs.contains(&code.as_str()) {
                langs.push(code.as_str());
                facets.push((FacetDim::Language, code.as_str().to_string()));
            }
        }
    }
    if let Some(u) = lookup.unit(&position.unit) {
        b.add("unit", u.name());
    }
    if let Some(card) = position
        .role_card
        .as_ref()
        .and_then(|c| lookup.role_card(c))
    {
        b.add("role_card", &card.display_title());
    }
    keys.sort();
    keys.dedup();
    SearchDoc {
        kind: DocKind::Position,
        id: position.id.to_string(),
        title,
        job_description: jd.map(|j| j.id.to_string()),
        sections: b.sections,
        keys,
        facets,
    }
}

fn job_description_sections(b: &mut Builder, jd: &JobDescription, lookup: &dyn Lookup) {
    b.add("purpose", &jd.purpose);
    for (i, d) in jd.duties.iter().enumerate() {
        b.add(format!("duties[{i}]"), &d.text);
        for (j, r) in d.expected_results.iter().enumerate() {
            b.add(format!("duties[{i}].expected_results[{j}]"), r);
        }
    }
    b.add_opt("rights.intro", jd.rights.intro.as_ref());
    for (i, r) in jd.rights.items.iter().enumerate() {
        b.add(format!("rights[{i}]"), r);
    }
    b.add_opt("responsibilities.intro", jd.responsibilities.intro.as_ref());
    for (i, r) in jd.responsibilities.items.iter().enumerate() {
        b.add(format!("responsibilities[{i}]"), r);
    }
    b.add_opt("work_equipment", jd.work_equipment.as_ref());
    let req = &jd.requirements;
    b.add_opt("requirements.education", req.education.as_ref());
    b.add_opt("requirements.work_experience", req.work_experience.as_ref());
    for (i, l) in req.languages.iter().enumerate() {
        b.add(format!("requirements.languages[{i}]"), &l.text);
    }
    b.add_opt("requirements.computer_skills", req.computer_skills.as_ref());
    b.add_opt(
        "requirements.knowledge_and_skills",
        req.knowledge_and_skills.as_ref(),
    );
    b.add_opt(
        "requirements.personal_qualities",
        req.personal_qualities.as_ref(),
    );
    for (i, o) in req.other.iter().enumerate() {
        b.add(
            format!("requirements.other[{i}]"),
            &format!("{}: {}", o.label, o.text),
        );
    }
    for (i, c) in jd.competencies.iter().enumerate() {
        if let Some(comp) = lookup.competency(&c.competency) {
            let mut text = comp.name.clone();
            for ind in &comp.indicators {
                text.push_str(". ");
                text.push_str(ind);
            }
            b.add(format!("competencies[{i}]"), &text);
        }
    }
    b.add_opt("special_conditions", jd.special_conditions.as_ref());
}

/// The document of a role card.
pub fn role_card_doc(card: &RoleCard) -> SearchDoc {
    let title = card.display_title();
    let mut b = Builder { sections: vec![] };
    b.add("title", &title);
    b.add("why_needed", &card.why_needed);
    b.add("purpose", &card.purpose);
    b.add_opt("note", card.note.as_ref());
    b.add("roles_text", &card.roles_text);
    b.add("benefit", &card.benefit);
    for (i, g) in card.target_groups.iter().enumerate() {
        b.add(format!("target_groups[{i}]"), g);
    }
    b.add("required_competences", &card.required_competences);
    b.add_opt("competence_note", card.competence_note.as_ref());
    b.add("job_family_text", &card.job_family_text);
    b.add_opt("job_family_note", card.job_family_note.as_ref());
    let mut keys = vec![
        keys::kind(DocKind::RoleCard),
        keys::role_card(card.id.as_str()),
    ];
    let mut facets = vec![
        (FacetDim::Kind, DocKind::RoleCard.as_str().to_string()),
        (FacetDim::RoleCard, card.id.to_string()),
    ];
    for r in &card.job_families {
        keys.push(keys::job_family(&r.family));
        facets.push((FacetDim::JobFamily, r.family.trim().to_string()));
    }
    keys.sort();
    keys.dedup();
    SearchDoc {
        kind: DocKind::RoleCard,
        id: card.id.to_string(),
        title,
        job_description: None,
        sections: b.sections,
        keys,
        facets,
    }
}

/// The document of a competency of the library.
pub fn competency_doc(c: &Competency) -> SearchDoc {
    let mut b = Builder { sections: vec![] };
    b.add("title", &c.name);
    for (i, ind) in c.indicators.iter().enumerate() {
        b.add(format!("indicators[{i}]"), ind);
    }
    SearchDoc {
        kind: DocKind::Competency,
        id: c.id.to_string(),
        title: c.name.clone(),
        job_description: None,
        sections: b.sections,
        keys: vec![keys::kind(DocKind::Competency)],
        facets: vec![(FacetDim::Kind, DocKind::Competency.as_str().to_string())],
    }
}

/// The document of a unit (its current name), placed in its own subtree.
pub fn unit_doc(unit: &Unit, lookup: &dyn Lookup) -> SearchDoc {
    let mut b = Builder { sections: vec![] };
    b.add("title", unit.name());
    let mut keys = vec![keys::kind(DocKind::Unit)];
    let mut facets = vec![(FacetDim::Kind, DocKind::Unit.as_str().to_string())];
    for u in unit_path(&unit.id, lookup) {
        keys.push(keys::unit(u.as_str()));
        facets.push((FacetDim::Unit, u.to_string()));
    }
    SearchDoc {
        kind: DocKind::Unit,
        id: unit.id.to_string(),
        title: unit.name().to_string(),
        job_description: None,
        sections: b.sections,
        keys,
        facets,
    }
}

/// Every document of a registry: positions with their current job description, role cards,
/// competencies and units.
pub fn registry_docs(r: &Registry) -> Vec<SearchDoc> {
    let mut out = Vec::new();
    for_each_registry_doc(r, &mut |d| {
        out.push(d);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    out
}

/// Calls `f` with every document of a registry in turn (see [`registry_docs`]), without
/// holding them all in memory.
pub fn for_each_registry_doc<E>(
    r: &Registry,
    f: &mut dyn FnMut(SearchDoc) -> Result<(), E>,
) -> Result<(), E> {
    let lookup = RegistryLookup::new(r);
    let mut by_position: HashMap<&PositionId, Vec<&JobDescription>> = HashMap::new();
    for jd in &r.job_descriptions {
        by_position.entry(&jd.position).or_default().push(jd);
    }
    for p in &r.positions {
        let jd = by_position
            .get(&p.id)
            .and_then(|v| current_job_description(v.iter().copied()));
        f(position_doc(p, jd, &lookup))?;
    }
    for c in &r.role_cards {
        f(role_card_doc(c))?;
    }
    for c in &r.competencies {
        f(competency_doc(c))?;
    }
    for u in &r.units {
        f(unit_doc(u, &lookup))?;
    }
    Ok(())
}
