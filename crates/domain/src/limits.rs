//! The stated limits of a job description: how long one text may be and how many duties,
//! results and list items a document may hold. Every write checks them (they are part of
//! [`JobDescription::problems`]), so an import, a restore, an API call or a form cannot store a
//! document that a page, a search index or a PDF would have to take whole into memory.
//!
//! The limits are far above what a real document holds (the sample registry's documents are
//! checked against them in the tests).

use crate::job_description::JobDescription;

/// Characters in one text (a purpose, a duty, a result, a list item, a requirement …).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Duties of one document.
pub const MAX_DUTIES: usize = 100;
/// Expected results of one duty.
pub const MAX_RESULTS_PER_DUTY: usize = 30;
/// Items of one list (rights, responsibilities, subordinates, substitutes, languages,
/// competencies, amendment rules, signature blocks, other requirements).
pub const MAX_LIST_ITEMS: usize = 100;
/// Pieces of text the importer could not place.
pub const MAX_UNPLACED: usize = 1_000;

/// The (field path, problem) pairs of every limit `jd` exceeds.
pub fn problems(jd: &JobDescription) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut text = |path: String, value: &str| {
        let n = value.chars().count();
        if n > MAX_TEXT_CHARS {
            out.push((
                path,
                format!("is {n} characters long: at most {MAX_TEXT_CHARS} are allowed"),
            ));
        }
    };
    let g = &jd.general;
    text("general.title".into(), &g.title);
    text("general.unit".into(), &g.unit);
    text("purpose".into(), &jd.purpose);
    for (i, d) in jd.duties.iter().enumerate().take(MAX_DUTIES) {
        text(format!("duties[{i}].text"), &d.text);
        for (j, r) in d
            .expected_results
            .iter()
            .enumerate()
            .take(MAX_RESULTS_PER_DUTY)
        {
            text(format!("duties[{i}].expected_results[{j}]"), r);
        }
    }
    let lists: [(&str, &[String]); 7] = [
        ("rights.items", &jd.rights.items),
        ("responsibilities.items", &jd.responsibilities.items),
        ("general.subordinates", &g.subordinates),
        ("general.substituted_by", &g.substituted_by),
        ("general.substitutes_for", &g.substitutes_for),
        ("amendment_rules", &jd.amendment_rules),
        ("unplaced", &jd.unplaced),
    ];
    for (path, items) in lists {
        for (i, item) in items.iter().enumerate().take(MAX_UNPLACED) {
            text(format!("{path}[{i}]"), item);
        }
    }
    let r = &jd.requirements;
    for (path, value) in [
        ("work_equipment", &jd.work_equipment),
        ("special_conditions", &jd.special_conditions),
        ("requirements.education", &r.education),
        ("requirements.work_experience", &r.work_experience),
        ("requirements.computer_skills", &r.computer_skills),
        ("requirements.knowledge_and_skills", &r.knowledge_and_skills),
        ("requirements.personal_qualities", &r.personal_qualities),
    ] {
        if let Some(v) = value {
            text(path.into(), v);
        }
    }
    for (i, o) in r.other.iter().enumerate().take(MAX_LIST_ITEMS) {
        text(format!("requirements.other[{i}].text"), &o.text);
    }

    let mut count = |path: &str, n: usize, max: usize, what: &str| {
        if n > max {
            out.push((
                path.to_string(),
                format!("holds {n} {what}: at most {max} are allowed; split the document or shorten the list"),
            ));
        }
    };
    count("duties", jd.duties.len(), MAX_DUTIES, "duties");
    for (i, d) in jd.duties.iter().enumerate().take(MAX_DUTIES) {
        count(
            &format!("duties[{i}].expected_results"),
            d.expected_results.len(),
            MAX_RESULTS_PER_DUTY,
            "expected results",
        );
    }
    for (path, n) in [
        ("rights.items", jd.rights.items.len()),
        ("responsibilities.items", jd.responsibilities.items.len()),
        ("general.subordinates", g.subordinates.len()),
        ("general.substituted_by", g.substituted_by.len()),
        ("general.substitutes_for", g.substitutes_for.len()),
        ("amendment_rules", jd.amendment_rules.len()),
        ("signatures", jd.signatures.len()),
        ("requirements.languages", r.languages.len()),
        ("requirements.other", r.other.len()),
        ("competencies", jd.competencies.len()),
    ] {
        count(path, n, MAX_LIST_ITEMS, "items");
    }
    count(
        "unplaced",
        jd.unplaced.len(),
        MAX_UNPLACED,
        "pieces of text",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job_description::Duty;
    use crate::sample::sample_registry;

    #[test]
    fn real_documents_are_within_the_limits_and_oversized_ones_are_named() {
        let reg = sample_registry();
        for jd in &reg.job_descriptions {
            assert!(problems(jd).is_empty(), "{}: {:?}", jd.id, problems(jd));
        }
        let mut jd = reg.job_descriptions[0].clone();
        jd.duties = (0..10_000)
            .map(|i| Duty {
                number: format!("3.{}", i + 1),
                text: "Tööülesanne.".into(),
                expected_results: vec![],
            })
            .collect();
        jd.duties[0].expected_results = vec!["Tulemus.".into(); 31];
        jd.purpose = "a".repeat(MAX_TEXT_CHARS + 1);
        let found = problems(&jd);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            ["purpose", "duties", "duties[0].expected_results"],
            "{found:?}"
        );
        assert!(found[0].1.contains("20001 characters"), "{found:?}");
        assert!(found[1].1.contains("10000 duties"), "{found:?}");
        // Exactly at the limits is fine.
        jd.duties.truncate(MAX_DUTIES);
        jd.duties[0].expected_results.truncate(MAX_RESULTS_PER_DUTY);
        jd.purpose.pop();
        assert!(problems(&jd).is_empty(), "{:?}", problems(&jd));
        // And the document's own check reports them.
        jd.duties.push(jd.duties[1].clone());
        assert!(jd.problems().iter().any(|(p, _)| p == "duties"));
    }
}
