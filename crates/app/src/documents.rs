//! The registry's documents as files: what rendering needs from the store, the file names, and
//! the PDF of a job description version or a stored directive (with its annexes) in the
//! agency's layout. The web downloads, `ametijuhend render`/`directive render` and the signature
//! containers all make their files here or with the same `ametijuhend-render` calls, so a
//! document issued for signing is the document the registry prints.

use ametijuhend_domain::access::{UnitTree, visibility};
use ametijuhend_domain::{Directive, DirectiveId, JobDescription, PositionId, Registry, Template};
use ametijuhend_render::names::{job_description_stem, slug};
use ametijuhend_render::{Format, JobDescriptionOptions, RenderError, StampChoice};
use ametijuhend_store::{Repository, StoreError};
use std::collections::BTreeSet;

/// What rendering needs from the store: the units, the competency library, `positions` with
/// every version of their job descriptions, and the directives those versions are annexed to
/// or approved by (a repealed version's directive is named in the new one). Reads in proportion
/// to the positions asked for, never the whole registry.
pub async fn registry_for(
    store: &dyn Repository,
    positions: &[PositionId],
) -> Result<Registry, StoreError> {
    let unique: Vec<PositionId> = positions
        .iter()
        .collect::<BTreeSet<&PositionId>>()
        .into_iter()
        .cloned()
        .collect();
    let mut r = Registry {
        units: store.list_units().await?,
        positions: store.positions_by_id(&unique).await?,
        competencies: store.list_competencies().await?,
        ..Registry::default()
    };
    for p in &unique {
        r.job_descriptions
            .extend(store.list_job_descriptions(p).await?);
    }
    let mut directives: BTreeSet<DirectiveId> = BTreeSet::new();
    for jd in &r.job_descriptions {
        if let Some(id) = jd.approval.as_ref().and_then(|a| a.directive.clone()) {
            directives.insert(id);
        }
        for d in store.directives_with_annex(&jd.id).await? {
            if directives.insert(d.id.clone()) {
                r.directives.push(d);
            }
        }
    }
    for id in directives {
        if !r.directives.iter().any(|d| d.id == id)
            && let Some(d) = store.get_directive(&id).await?
        {
            r.directives.push(d);
        }
    }
    r.directives.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(r)
}

/// The positions of a directive's annexes (their versions are printed as annexes).
pub async fn annex_positions(
    store: &dyn Repository,
    d: &Directive,
) -> Result<Vec<PositionId>, StoreError> {
    let mut out = Vec::new();
    for id in d.annexes.iter().filter_map(|a| a.job_description.as_ref()) {
        if let Some(jd) = store.get_job_description(id).await? {
            out.push(jd.position);
        }
    }
    Ok(out)
}

/// The names of a directive's file: "kaskkiri-17-ametijuhendite-kinnitamine.pdf" and
/// "Käskkiri nr 17 – Ametijuhendite kinnitamine.pdf" (unregistered: "registreerimata").
pub fn directive_names(d: &Directive, format: Format) -> (String, String) {
    let ext = format.extension();
    let number = d.number.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let ascii_number = number
        .map(slug)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "registreerimata".into());
    let title = slug(&d.title);
    let ascii = if title.is_empty() {
        format!("kaskkiri-{ascii_number}.{ext}")
    } else {
        format!("kaskkiri-{ascii_number}-{title}.{ext}")
    };
    let utf8 = match number {
        Some(n) => format!("Käskkiri nr {n} – {}.{ext}", d.title.trim()),
        None => format!("Käskkiri (registreerimata) – {}.{ext}", d.title.trim()),
    };
    (ascii, utf8)
}

/// Runs a renderer off the async threads (a PDF takes tens of milliseconds).
pub async fn rendered(
    f: impl FnOnce() -> Result<Vec<u8>, RenderError> + Send + 'static,
) -> Result<Vec<u8>, RenderError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(RenderError::Pdf(format!("the renderer stopped: {e}"))))
}

/// A rendered file and its names.
#[derive(Debug, Clone)]
pub struct RenderedFile {
    /// Lower-case ASCII ("it-arenduse-osakond-osakonna-juhataja-v3.pdf").
    pub ascii_name: String,
    /// With Estonian letters ("IT-arenduse osakond – Osakonna juhataja v3.pdf").
    pub utf8_name: String,
    pub bytes: Vec<u8>,
}

/// A job description version as `reader` may read it (holders' names only for those who may
/// see them), in `format` and `template`, with the version's own approval stamp.
pub async fn job_description_file(
    store: &dyn Repository,
    reader: Option<&ametijuhend_domain::access::Principal>,
    jd: &JobDescription,
    format: Format,
    template: Template,
) -> Result<Result<RenderedFile, RenderError>, StoreError> {
    let Some(position) = store.get_position(&jd.position).await? else {
        return Ok(Err(RenderError::UnknownJobDescription(jd.id.to_string())));
    };
    let tree = UnitTree::new(&store.list_units().await?);
    let jd = visibility::as_readable(reader, jd, &position.unit, &tree);
    let registry = registry_for(store, std::slice::from_ref(&position.id)).await?;
    let unit = registry
        .unit(&position.unit)
        .map(|u| u.name().to_string())
        .unwrap_or_else(|| jd.general.unit.clone());
    let title = position.full_title();
    let ext = format.extension();
    let ascii_name = format!("{}.{ext}", job_description_stem(&unit, &title, jd.version));
    let utf8_name = format!("{unit} – {title} v{}.{ext}", jd.version);
    let options = JobDescriptionOptions {
        template,
        stamp: StampChoice::Auto,
    };
    let bytes = rendered(move || {
        ametijuhend_render::render_job_description(&registry, &jd, format, &options)
    })
    .await;
    Ok(bytes.map(|bytes| RenderedFile {
        ascii_name,
        utf8_name,
        bytes,
    }))
}

/// A stored directive followed by its annexes, in `format` and `template`.
pub async fn directive_file(
    store: &dyn Repository,
    d: &Directive,
    format: Format,
    template: Template,
) -> Result<Result<RenderedFile, RenderError>, StoreError> {
    let positions = annex_positions(store, d).await?;
    let registry = registry_for(store, &positions).await?;
    let (ascii_name, utf8_name) = directive_names(d, format);
    let d = d.clone();
    let bytes = rendered(move || {
        ametijuhend_render::render_stored_directive(&registry, &d, format, template)
    })
    .await;
    Ok(bytes.map(|bytes| RenderedFile {
        ascii_name,
        utf8_name,
        bytes,
    }))
}
