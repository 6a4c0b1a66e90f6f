//! Diff tests on the corpus documents.

use super::*;
use crate::fixtures::{peakasutaja, peakasutaja_draft, star};
use crate::job_description::LabelledText;

fn joined<'a>(spans: impl Iterator<Item = &'a Span>) -> String {
    spans.map(|s| s.text.as_str()).collect()
}

#[test]
fn similarity_ignores_case_punctuation_and_spacing() {
    assert_eq!(
        similarity("Korraldab testimist.", "korraldab   TESTIMIST"),
        1.0
    );
    assert_eq!(similarity("", ""), 1.0);
    assert_eq!(similarity("üks kaks", "kolm neli"), 0.0);
    assert_eq!(similarity_percent("a b c d", "a b c e"), 75);
    assert!(same_words("Haldab; juhendeid", "haldab juhendeid"));
    assert_eq!(
        normalized_words("rakendus(t)e x-tee ÕIGUSED"),
        ["rakendus", "t", "e", "x", "tee", "õigused"]
    );
}

#[test]
fn word_diff_sides_rebuild_both_texts() {
    let pairs = [
        (
            "Teeb teenuse juhile ettepanekuid.",
            "Teeb teenuse juhile ja valdkonna juhile ettepanekuid.",
        ),
        ("", "Uus tekst"),
        ("Vana tekst", ""),
        ("õäöü šž", "õäöü šž"),
        ("a\nb\nc", "a\nc\nd"),
    ];
    for (a, b) in pairs {
        let d = WordDiff::new(a, b);
        assert_eq!(joined(d.old_side()), a);
        assert_eq!(joined(d.new_side()), b);
        assert_eq!(d.is_unchanged(), a == b);
    }
    let d = WordDiff::new(
        "Teeb teenuse juhile ettepanekuid.",
        "Teeb teenuse juhile ja valdkonna juhile ettepanekuid.",
    );
    let inserted: String = d
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Inserted)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(inserted.trim(), "ja valdkonna juhile");
    assert!(d.spans.iter().all(|s| s.kind != SpanKind::Deleted));
}

#[test]
fn inserting_a_duty_does_not_shift_the_others() {
    let old = peakasutaja_duties_only();
    let mut new = old.clone();
    new.insert(
        4,
        Duty {
            number: "3.5.".into(),
            text: "Haldab perehüvitiste rakenduste kasutajaõigusi.".into(),
            expected_results: vec![],
        },
    );
    for (i, d) in new.iter_mut().enumerate() {
        d.number = format!("3.{}.", i + 1);
    }
    new.remove(10); // old 3.10 (testing), now at index 10
    let m = match_duties(&old, &new, DIFF_DUTY_MATCH_PERCENT);
    assert_eq!(m.len(), 18);
    let added: Vec<_> = m.iter().filter(|x| x.old.is_none()).collect();
    let removed: Vec<_> = m.iter().filter(|x| x.new.is_none()).collect();
    assert_eq!((added.len(), removed.len()), (1, 1));
    assert_eq!(added[0].new, Some(4));
    assert_eq!(removed[0].old, Some(9));
    // The removed duty stands where it stood: after old 3.9 (now 3.10).
    let pos = m.iter().position(|x| x.new.is_none()).unwrap();
    assert_eq!(m[pos - 1].old, Some(8));
    assert!(
        m.iter()
            .filter(|x| x.old.is_some() && x.new.is_some())
            .all(|x| x.similarity_percent == 100)
    );
}

fn peakasutaja_duties_only() -> Vec<Duty> {
    peakasutaja().duties
}

#[test]
fn a_rewritten_duty_is_paired_by_its_number() {
    let old = peakasutaja_duties_only();
    let mut new = old.clone();
    new[8].text = "Juhib perehüvitiste arendusprojekte ja vastutab nende eelarve eest.".into();
    let m = match_duties(&old, &new, DIFF_DUTY_MATCH_PERCENT);
    assert_eq!(m.len(), 17);
    let pair = m.iter().find(|x| x.new == Some(8)).unwrap();
    assert_eq!(pair.old, Some(8));
    assert!(pair.similarity_percent < DIFF_DUTY_MATCH_PERCENT);
}

#[test]
fn compare_versions_section_by_section() {
    let old = peakasutaja();
    let mut new = peakasutaja_draft();
    new.duties[4].text = "Haldab koostöös teenuse juhiga teenusega seotud protsessikirjeldusi, juhendeid ning äridokumentatsiooni ja arendusvajaduste pileteid.".into();
    new.requirements.work_experience =
        Some("Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.".into());
    new.requirements.other.push(LabelledText {
        label: "Juhiluba".into(),
        text: "B-kategooria".into(),
    });
    let d = compare(&old, &new);
    assert!(!d.is_unchanged());
    let changed: Vec<(Section, Option<&str>, Change)> = d
        .changed()
        .map(|s| (s.section, s.new_key.as_deref(), s.change))
        .collect();
    assert_eq!(
        changed,
        vec![
            (Section::Duty, Some("3.5."), Change::Changed),
            (Section::WorkExperience, None, Change::Changed),
            (Section::OtherRequirement, Some("Juhiluba"), Change::Added),
        ]
    );
    let duty = d.changed().next().unwrap();
    let deleted: Vec<&str> = duty
        .words
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Deleted)
        .map(|s| s.text.trim())
        .collect();
    assert!(
        deleted.iter().any(|t| t.contains("Confluences")),
        "{deleted:?}"
    );
    assert!(deleted.iter().any(|t| t.contains("Jiras;")), "{deleted:?}");
    let exp = d.changed().nth(1).unwrap();
    assert!(
        exp.words
            .spans
            .iter()
            .any(|s| s.kind == SpanKind::Inserted && s.text.contains('3'))
    );
    // Unchanged sections are there too, for a side-by-side view of the whole document.
    assert!(
        d.sections
            .iter()
            .any(|s| s.section == Section::Purpose && s.change == Change::Unchanged)
    );
    assert!(compare(&old, &old).is_unchanged());
}

#[test]
fn compare_two_positions() {
    let d = compare(&peakasutaja(), &star());
    let title = d
        .sections
        .iter()
        .find(|s| s.section == Section::Title)
        .unwrap();
    assert_eq!(
        (title.old.as_str(), title.new.as_str()),
        ("Peakasutaja", "Peaspetsialist (STAR kasutajatugi)")
    );
    assert_eq!(title.change, Change::Changed);
    // Nothing of the one is in the other: duties come out removed and added.
    let duties = d.sections.iter().filter(|s| s.section == Section::Duty);
    assert!(
        duties
            .clone()
            .filter(|s| s.change == Change::Removed)
            .count()
            > 10
    );
    assert!(duties.clone().any(|s| s.change == Change::Added));
}

#[test]
fn unified_diff_for_the_command_line() {
    let old = peakasutaja();
    assert_eq!(unified_diff(&old, &old, ("v1", "v1")), "");
    let mut new = peakasutaja_draft();
    new.duties.retain(|d| d.number != "3.12.");
    new.purpose.push_str(" Tagab kasutajatoe.");
    let u = unified_diff(&old, &new, ("peakasutaja v1", "peakasutaja v2"));
    assert!(
        u.starts_with("--- peakasutaja v1\n+++ peakasutaja v2\n@@"),
        "{u}"
    );
    assert!(u.contains("\n-Ülesanne 3.12. Teenuse juhiga koostöös kommunikatsiooni korraldamine teenuse lõikes.\n"), "{u}");
    assert!(
        u.contains("\n-  Tulemus: Kliendid ja kasutajad oskavad teenuseid kasutada.\n"),
        "{u}"
    );
    assert!(
        u.contains("\n+Ametikoha eesmärk: Ametikoha eesmärk on teenuse rakenduste"),
        "{u}"
    );
    assert!(!u.contains("+Ülesanne"), "{u}");
}

#[test]
fn render_text_puts_each_field_on_a_line() {
    let t = render_text(&peakasutaja());
    assert!(t.starts_with("Ametinimetus: Peakasutaja\nStruktuuriüksus: Hüvitiste osakonna perehüvitiste valdkonna tiim\n"), "{t}");
    assert!(t.contains("Ülesanne 3.15. Teeb ettepanekuid töökorralduse lihtsustamiseks ja parandamiseks.\n  Tulemus: Tehtud on asjakohased"), "{t}");
    assert!(
        t.contains("Kes asendab: Peakasutaja, teenuse juht\n"),
        "{t}"
    );
    assert!(!t.contains("Alluvad"), "empty fields are left out: {t}");
}

#[test]
fn large_inputs_finish() {
    let a: String = (0..4000).map(|i| format!("sõna{} ", i % 97)).collect();
    let b: String = (0..4000).map(|i| format!("sõna{} ", i % 89)).collect();
    let p = similarity_percent(&a, &b);
    assert!(p < 100);
    let d = WordDiff::new(&a, &b);
    assert_eq!(joined(d.old_side()), a);
    assert_eq!(joined(d.new_side()), b);
}
