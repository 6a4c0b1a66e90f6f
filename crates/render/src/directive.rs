//! The director general's directive (käskkiri) that approves job descriptions: planning (which
//! annexes, which earlier approvals it repeals) and the directive's document, followed by the
//! job descriptions as its annexes.
//!
//! [`plan_directive`] is pure: it reads the registry and computes the annex list ("1.1. talituse
//! juhataja (lisa 1)") and the repeals. A repeal is the approval of the previous valid version
//! of the same position: the whole earlier directive when every annex of it still in force is
//! being replaced, otherwise the single annexes.
//!
//! [`directive_record`] turns a draft into the [`Directive`] record to store (number and date
//! left as the register's template fields); [`stored_directive_document`] prints a stored record
//! (a new one, a registered one, or one read by the importer) from its own annexes and repeals,
//! so that a directive prints the same whatever the registry holds later.

use crate::RenderError;
use crate::doc::{Block, Document, Part};
use crate::layout::{self, AGENCY, APPROVED_BY, Stamp};
use crate::text::{self, FIELD_SIGNER, FIELD_SIGNER_TITLE};
use ametijuhend_domain::{
    Directive, DirectiveAnnex, DirectiveId, EntryIntoForce, JobDescription, JobDescriptionId,
    Registry, Repeal, Signer, Template,
};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The default legal basis: the Civil Service Act § 52 (1)–(2) and the agency's statute.
pub const DEFAULT_LEGAL_BASIS: &str = "Avaliku teenistuse seaduse § 52 lõigete 1 ja 2 ning \
     Sotsiaalkindlustusameti põhimääruse alusel:";

/// The 30-day appeal clause.
pub const APPEAL_CLAUSE: &str = "Käskkirja on võimalik vaidlustada 30 päeva jooksul arvates \
     käskkirja teatavakstegemisest, esitades vaide Sotsiaalkindlustusametile haldusmenetluse \
     seaduses sätestatud korras või kaebuse halduskohtule halduskohtumenetluse seadustikus \
     sätestatud korras.";

/// What the user chose for a new directive. Unset number and date stay template fields
/// (`{regNumber}`, `{regDateTime}`) for the document register; an unset signer stays
/// `{Allkirjastaja}` / `{Ametikoht}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveDraft {
    /// The job description versions to approve, in annex order.
    pub job_descriptions: Vec<JobDescriptionId>,
    /// The title; `None` computes it (see [`DirectivePlan::default_title`]).
    pub title: Option<String>,
    /// The legal basis paragraph, ending with "alusel:".
    pub legal_basis: String,
    pub entry_into_force: EntryIntoForce,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    /// The template of the annexes.
    pub template: Template,
}

impl DirectiveDraft {
    /// A draft with the defaults: computed title, [`DEFAULT_LEGAL_BASIS`], in force on signing,
    /// signer, number and date left as template fields, annexes in the 2024 template.
    pub fn new(job_descriptions: Vec<JobDescriptionId>) -> Self {
        Self {
            job_descriptions,
            title: None,
            legal_basis: DEFAULT_LEGAL_BASIS.to_string(),
            entry_into_force: EntryIntoForce::OnSigning {
                retroactive_from: None,
            },
            signer_name: None,
            signer_title: None,
            number: None,
            date: None,
            template: Template::Ska2024,
        }
    }
}

/// What a directive approving the chosen job descriptions contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectivePlan {
    /// One annex per job description, numbered from 1; `title` is the label of point 1
    /// ("talituse juhataja").
    pub annexes: Vec<DirectiveAnnex>,
    /// Earlier approvals to repeal; `text` is what is repealed, in the form point 2 prints it
    /// ("Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirja nr 49 „…“ lisa 2").
    pub repeals: Vec<Repeal>,
    /// Every chosen position already had a valid job description (the directive amends).
    pub amendment: bool,
    /// "Ametijuhendite kinnitamine", "Ametijuhendi kinnitamine" or "Ametijuhendi muutmine".
    pub default_title: String,
}

/// Computes the annexes and repeals of a directive approving `ids` (pure; see the module doc).
pub fn plan_directive(
    registry: &Registry,
    ids: &[JobDescriptionId],
) -> Result<DirectivePlan, RenderError> {
    let chosen = chosen(registry, ids)?;

    // Titles as listed in point 1; a title that repeats gets its unit.
    let titles: Vec<String> = chosen.iter().map(|jd| layout::position_title(jd)).collect();
    let annexes = chosen
        .iter()
        .zip(&titles)
        .enumerate()
        .map(|(i, (jd, title))| {
            let repeated = titles.iter().filter(|t| *t == title).count() > 1;
            let label = if repeated && !jd.general.unit.trim().is_empty() {
                format!(
                    "{}, {}",
                    text::lower_first(title),
                    text::lower_first(&text::collapse(&jd.general.unit))
                )
            } else {
                text::lower_first(title)
            };
            DirectiveAnnex {
                annex: i as u32 + 1,
                title: label,
                job_description: Some(jd.id.clone()),
            }
        })
        .collect();

    // The previous valid version of each chosen position and where it was approved.
    let chosen_ids: HashSet<&JobDescriptionId> = chosen.iter().map(|j| &j.id).collect();
    let mut registered: BTreeMap<DirectiveId, BTreeSet<u32>> = BTreeMap::new();
    let mut loose: Vec<Repeal> = Vec::new();
    let mut amended = 0;
    for jd in &chosen {
        let Some(prev) = registry
            .job_descriptions
            .iter()
            .filter(|p| {
                p.position == jd.position
                    && p.version < jd.version
                    && p.status.is_valid_document()
                    && !chosen_ids.contains(&p.id)
            })
            .max_by_key(|p| p.version)
        else {
            continue;
        };
        amended += 1;
        match approval_of(registry, prev) {
            Approval::Annex(d, a) => {
                registered.entry(d).or_default().insert(a);
            }
            Approval::Loose(r) => {
                if !loose.contains(&r) {
                    loose.push(r)
                }
            }
            Approval::Unknown => {}
        }
    }

    let mut repeals = Vec::new();
    for (id, replaced) in registered {
        let Some(d) = registry.directive(&id) else {
            continue;
        };
        let in_force: BTreeSet<u32> = d
            .annexes
            .iter()
            .filter(|a| {
                a.job_description.as_ref().is_none_or(|j| {
                    registry
                        .job_description(j)
                        .is_none_or(|jd| jd.status.is_valid_document())
                })
            })
            .map(|a| a.annex)
            .collect();
        let object = directive_object(d.date, d.number.as_deref(), Some(&d.title));
        if in_force.is_subset(&replaced) {
            repeals.push(Repeal {
                directive: Some(id.clone()),
                directive_number: d.number.clone(),
                directive_date: d.date,
                annex: None,
                text: object,
            });
        } else {
            for a in replaced {
                repeals.push(Repeal {
                    directive: Some(id.clone()),
                    directive_number: d.number.clone(),
                    directive_date: d.date,
                    annex: Some(a),
                    text: format!("{object} lisa {a}"),
                });
            }
        }
    }
    repeals.extend(loose);

    let amendment = amended == chosen.len();
    let default_title = match (chosen.len(), amendment) {
        (1, true) => "Ametijuhendi muutmine",
        (1, false) => "Ametijuhendi kinnitamine",
        _ => "Ametijuhendite kinnitamine",
    }
    .to_string();
    Ok(DirectivePlan {
        annexes,
        repeals,
        amendment,
        default_title,
    })
}

/// The chosen job descriptions, in order, each once; refuses unknown ids, an empty choice, and
/// two versions of the same position.
fn chosen<'a>(
    registry: &'a Registry,
    ids: &[JobDescriptionId],
) -> Result<Vec<&'a JobDescription>, RenderError> {
    let mut out: Vec<&JobDescription> = Vec::new();
    for id in ids {
        if out.iter().any(|j| &j.id == id) {
            continue;
        }
        let jd = registry
            .job_description(id)
            .ok_or_else(|| RenderError::UnknownJobDescription(id.to_string()))?;
        if let Some(other) = out.iter().find(|j| j.position == jd.position) {
            return Err(RenderError::SamePositionTwice {
                first: other.id.to_string(),
                second: jd.id.to_string(),
            });
        }
        out.push(jd);
    }
    if out.is_empty() {
        return Err(RenderError::NothingToApprove);
    }
    Ok(out)
}

enum Approval {
    /// An annex of a directive in the registry.
    Annex(DirectiveId, u32),
    /// Known only from the job description's stamp.
    Loose(Repeal),
    Unknown,
}

fn approval_of(registry: &Registry, prev: &JobDescription) -> Approval {
    for d in &registry.directives {
        if let Some(a) = d
            .annexes
            .iter()
            .find(|a| a.job_description.as_ref() == Some(&prev.id))
        {
            return Approval::Annex(d.id.clone(), a.annex);
        }
    }
    let Some(ap) = &prev.approval else {
        return Approval::Unknown;
    };
    let directive = ap.directive.as_ref().and_then(|id| registry.directive(id));
    if let (Some(d), Some(a)) = (directive, ap.annex)
        && d.annexes.iter().any(|x| x.annex == a)
    {
        return Approval::Annex(d.id.clone(), a);
    }
    let number = ap
        .directive_number
        .clone()
        .or(directive.and_then(|d| d.number.clone()));
    let date = ap.directive_date.or(directive.and_then(|d| d.date));
    if number.is_none() && date.is_none() {
        return Approval::Unknown;
    }
    let title = directive.map(|d| d.title.as_str());
    let object = directive_object(date, number.as_deref(), title);
    let text = match ap.annex {
        Some(a) => format!("{object} lisa {a}"),
        None => format!(
            "{APPROVED_BY} {}käskkirjaga{} kinnitatud ametikoha „{}“ ametijuhendi",
            date.map(|d| format!("{} ", text::date(d)))
                .unwrap_or_default(),
            number
                .as_deref()
                .map(|n| format!(" nr {n}"))
                .unwrap_or_default(),
            layout::position_title(prev)
        ),
    };
    Approval::Loose(Repeal {
        directive: directive.map(|d| d.id.clone()),
        directive_number: number,
        directive_date: date,
        annex: ap.annex,
        text,
    })
}

/// "Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirja nr 49 „Ametijuhendite
/// kinnitamine“" (the genitive that "Tunnistan kehtetuks" takes).
fn directive_object(date: Option<NaiveDate>, number: Option<&str>, title: Option<&str>) -> String {
    let mut s = APPROVED_BY.to_string();
    if let Some(d) = date {
        s.push(' ');
        s.push_str(&text::date(d));
    }
    s.push_str(" käskkirja");
    if let Some(n) = number {
        s.push_str(" nr ");
        s.push_str(n.trim());
    }
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        s.push_str(&format!(" „{t}“"));
    }
    s
}

/// The entry-into-force clause.
pub fn entry_into_force_clause(e: &EntryIntoForce) -> String {
    match e {
        EntryIntoForce::OnDate { date } => format!("Käskkiri jõustub {}.", text::date(*date)),
        EntryIntoForce::OnSigning {
            retroactive_from: None,
        } => "Käskkiri jõustub allkirjastamisel.".to_string(),
        EntryIntoForce::OnSigning {
            retroactive_from: Some(d),
        } => format!(
            "Käskkiri jõustub allkirjastamisel ja seda rakendatakse tagasiulatuvalt alates {}.",
            text::date(*d)
        ),
    }
}

/// The register's template fields a directive still has: `{regNumber}` while it has no number,
/// `{regDateTime}` while it has no date.
pub fn registration_placeholders(number: Option<&str>, date: Option<NaiveDate>) -> Vec<String> {
    let mut out = Vec::new();
    if number.is_none_or(|n| n.trim().is_empty()) {
        out.push(text::FIELD_NUMBER.to_string());
    }
    if date.is_none() {
        out.push(text::FIELD_DATE.to_string());
    }
    out
}

fn non_blank(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The directive record `draft` makes, as stored until the document register gives it a
/// number and a date: the planned annexes and repeals ([`plan_directive`]), the title (or the
/// computed one), the legal basis, the entry into force, the 30-day appeal clause, the signer
/// (unset parts as the template fields `{Allkirjastaja}` / `{Ametikoht}`), the operative
/// clauses as they print, and `placeholders` naming the register's fields still open.
pub fn directive_record(
    registry: &Registry,
    draft: &DirectiveDraft,
    id: DirectiveId,
) -> Result<Directive, RenderError> {
    let plan = plan_directive(registry, &draft.job_descriptions)?;
    let title = non_blank(draft.title.as_deref()).unwrap_or_else(|| plan.default_title.clone());
    let name = non_blank(draft.signer_name.as_deref());
    let signer_title = non_blank(draft.signer_title.as_deref());
    let mut signer_fields = Vec::new();
    if name.is_none() {
        signer_fields.push(FIELD_SIGNER.to_string());
    }
    if signer_title.is_none() {
        signer_fields.push(FIELD_SIGNER_TITLE.to_string());
    }
    let number = non_blank(draft.number.as_deref());
    let mut d = Directive {
        id,
        placeholders: registration_placeholders(number.as_deref(), draft.date),
        number,
        date: draft.date,
        title,
        legal_basis: Some(draft.legal_basis.clone()),
        clauses: Vec::new(),
        annexes: plan.annexes,
        repeals: plan.repeals,
        entry_into_force: Some(draft.entry_into_force.clone()),
        appeal_clause: Some(APPEAL_CLAUSE.to_string()),
        signer: Some(Signer {
            name,
            title: signer_title,
            placeholders: signer_fields,
        }),
        source: None,
        unplaced: Vec::new(),
    };
    d.clauses = directive_clauses(&d);
    Ok(d)
}

/// The operative clauses of a directive as they print, one line each: point 1 with the annexes
/// ("1.1. talituse juhataja (lisa 1);"), the repeals, the entry into force and the appeal
/// clause. Points without content (no annexes, no repeals, no recorded entry into force) are
/// left out and the rest numbered on.
pub fn directive_clauses(d: &Directive) -> Vec<String> {
    let mut out = Vec::new();
    let mut point = 0;
    let mut next = || {
        point += 1;
        point
    };
    if !d.annexes.is_empty() {
        let p = next();
        out.push(if d.annexes.len() == 1 {
            format!("{p}. Kinnitan järgmise ametikoha ametijuhendi:")
        } else {
            format!("{p}. Kinnitan järgmiste ametikohtade ametijuhendid:")
        });
        let last = d.annexes.len();
        for (i, a) in d.annexes.iter().enumerate() {
            let end = if i + 1 == last { "." } else { ";" };
            out.push(format!(
                "{p}.{}. {} (lisa {}){end}",
                i + 1,
                text::collapse(&a.title),
                a.annex
            ));
        }
    }
    match d.repeals.as_slice() {
        [] => {}
        [one] => {
            let p = next();
            out.push(format!("{p}. Tunnistan kehtetuks {}.", one.text.trim()));
        }
        many => {
            let p = next();
            out.push(format!("{p}. Tunnistan kehtetuks:"));
            for (i, r) in many.iter().enumerate() {
                let end = if i + 1 == many.len() { "." } else { ";" };
                out.push(format!("{p}.{}. {}{end}", i + 1, r.text.trim()));
            }
        }
    }
    if let Some(e) = &d.entry_into_force {
        let p = next();
        out.push(format!("{p}. {}", entry_into_force_clause(e)));
    }
    let appeal = non_blank(d.appeal_clause.as_deref()).unwrap_or_else(|| APPEAL_CLAUSE.into());
    let p = next();
    out.push(format!("{p}. {appeal}"));
    out
}

/// The directive's document of a draft: the directive, then each job description as an annex
/// with its stamp ("KINNITATUD … käskkirjaga nr … Lisa k").
pub fn directive_document(
    registry: &Registry,
    draft: &DirectiveDraft,
) -> Result<Document, RenderError> {
    let d = directive_record(registry, draft, DirectiveId::derived("draft"))?;
    stored_directive_document(registry, &d, draft.template)
}

/// The document of a stored directive: its own title, legal basis, clauses (from its annexes,
/// repeals, entry into force and appeal clause), signer, and its number and date (or the
/// register's template fields), followed by the annexes whose job descriptions are in
/// `registry`, in `template`, each stamped "KINNITATUD … käskkirjaga nr N Lisa k".
pub fn stored_directive_document(
    registry: &Registry,
    d: &Directive,
    template: Template,
) -> Result<Document, RenderError> {
    let title =
        non_blank(Some(&d.title)).unwrap_or_else(|| "Ametijuhendite kinnitamine".to_string());
    let mut b = vec![
        Block::Title {
            text: "KÄSKKIRI".into(),
        },
        Block::para(format!(
            "{} nr {}",
            text::date_or_field(d.date),
            text::number_or_field(d.number.as_deref())
        )),
        Block::strong(title.clone()),
    ];
    let legal_basis = d
        .legal_basis
        .as_deref()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or(DEFAULT_LEGAL_BASIS);
    b.extend(text::text_blocks(legal_basis));
    b.extend(directive_clauses(d).into_iter().map(Block::point));

    let signer = |v: Option<&String>, field: &str| {
        non_blank(v.map(String::as_str)).unwrap_or_else(|| field.to_string())
    };
    let s = d.signer.as_ref();
    b.push(Block::Signatures {
        columns: vec![vec![
            "(allkirjastatud digitaalselt)".into(),
            signer(s.and_then(|s| s.name.as_ref()), FIELD_SIGNER),
            signer(s.and_then(|s| s.title.as_ref()), FIELD_SIGNER_TITLE),
        ]],
    });

    let mut parts = vec![Part { blocks: b }];
    for a in &d.annexes {
        let Some(jd) = a
            .job_description
            .as_ref()
            .and_then(|id| registry.job_description(id))
        else {
            continue;
        };
        let stamp = Stamp {
            approved_by: APPROVED_BY.into(),
            directive_date: d.date,
            directive_number: non_blank(d.number.as_deref()),
            annex: Some(a.annex),
        };
        parts.push(layout::job_description_part(
            registry,
            jd,
            template,
            Some(&stamp),
        )?);
    }
    let date = d
        .date
        .or_else(|| {
            d.annexes
                .iter()
                .filter_map(|a| a.job_description.as_ref())
                .filter_map(|id| registry.job_description(id))
                .map(|jd| jd.created_at.date())
                .max()
        })
        .unwrap_or_default();
    Ok(Document {
        title: format!("Käskkiri – {title}"),
        author: AGENCY.to_string(),
        date,
        parts,
    })
}
