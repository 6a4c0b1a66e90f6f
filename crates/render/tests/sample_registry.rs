//! Every job description of the domain's sample registry (which fills every field, uses every
//! enum variant and carries text that trips careless code: Estonian letters, „quotes“,
//! {template fields}) renders in both templates and every format, and a directive approving all
//! of them renders too.

use ametijuhend_domain::Template;
use ametijuhend_domain::sample::sample_registry;
use ametijuhend_render::{DirectiveDraft, Format, JobDescriptionOptions, StampChoice};

#[test]
fn every_sample_job_description_renders() {
    let registry = sample_registry();
    assert!(!registry.job_descriptions.is_empty());
    for jd in &registry.job_descriptions {
        for template in [Template::Ska2024, Template::Ska2023] {
            let options = JobDescriptionOptions {
                template,
                stamp: StampChoice::Auto,
            };
            for format in Format::ALL {
                let out =
                    ametijuhend_render::render_job_description(&registry, jd, format, &options)
                        .unwrap_or_else(|e| {
                            panic!("{} v{} {format:?}: {e}", jd.general.title, jd.version)
                        });
                assert!(!out.is_empty());
            }
        }
    }
}

#[test]
fn a_directive_of_the_sample_renders() {
    let registry = sample_registry();
    // One version per position: the latest of each.
    let mut latest: Vec<&ametijuhend_domain::JobDescription> = Vec::new();
    for jd in &registry.job_descriptions {
        match latest.iter_mut().find(|l| l.position == jd.position) {
            Some(l) if l.version < jd.version => *l = jd,
            Some(_) => {}
            None => latest.push(jd),
        }
    }
    let draft = DirectiveDraft::new(latest.iter().map(|j| j.id.clone()).collect());
    let plan =
        ametijuhend_render::plan_directive(&registry, &draft.job_descriptions).expect("plan");
    assert_eq!(plan.annexes.len(), latest.len());
    for format in Format::ALL {
        ametijuhend_render::render_directive(&registry, &draft, format)
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
    }
}
