//! The consent rule on real changes of the corpus documents: the key user's job description
//! (an official's) and the STAR user support chief specialist's (an employee's).

use super::*;
use crate::fixtures::{peakasutaja, peakasutaja_draft, star, star_draft};
use crate::job_description::Duty;

fn official(new: &JobDescription) -> ConsentAssessment {
    classify(
        Some(&peakasutaja()),
        new,
        StaffGroup::Official,
        &ConsentPolicy::default(),
    )
}

fn employee(new: &JobDescription) -> ConsentAssessment {
    classify(
        Some(&star()),
        new,
        StaffGroup::Employee,
        &ConsentPolicy::default(),
    )
}

fn triggers(reasons: &[ConsentReason]) -> Vec<Trigger> {
    reasons.iter().map(ConsentReason::trigger).collect()
}

fn duty_mut<'a>(jd: &'a mut JobDescription, number: &str) -> &'a mut Duty {
    jd.duties
        .iter_mut()
        .find(|d| d.number == number)
        .expect("the duty is in the fixture")
}

#[test]
fn an_unchanged_version_needs_no_consent() {
    let a = official(&peakasutaja_draft());
    assert!(!a.needs_consent);
    assert!(a.reasons.is_empty() && a.other_changes.is_empty());
    assert_eq!(a.summary(), "no consent needed");
    assert_eq!(
        a.volume,
        Some(VolumeChange {
            measure: VolumeMeasure::DutiesAndResults,
            before: 35,
            after: 35
        })
    );
}

#[test]
fn a_first_version_needs_no_consent() {
    let a = classify(
        None,
        &peakasutaja_draft(),
        StaffGroup::Official,
        &ConsentPolicy::default(),
    );
    assert!(!a.needs_consent);
    assert_eq!(a.volume, None);
}

#[test]
fn rewording_a_result_needs_no_consent() {
    let mut new = peakasutaja_draft();
    duty_mut(&mut new, "3.2.").expected_results[0] =
        "Tehnilised probleemid on lahendatud õigeaegselt ja kasutajaid on teavitatud.".into();
    let a = official(&new);
    assert!(!a.needs_consent, "{a:?}");
    assert_eq!(triggers(&a.other_changes), vec![Trigger::ResultsChanged]);
}

#[test]
fn rewording_a_duty_slightly_needs_no_consent_of_an_official() {
    let mut new = peakasutaja_draft();
    // 3.5 without the tool names: "… äridokumentatsiooni ja arendusvajaduste pileteid."
    duty_mut(&mut new, "3.5.").text = "Haldab koostöös teenuse juhiga teenusega seotud protsessikirjeldusi, juhendeid ning äridokumentatsiooni ja arendusvajaduste pileteid.".into();
    let a = official(&new);
    assert!(!a.needs_consent, "{a:?}");
    match &a.other_changes[..] {
        [
            ConsentReason::DutyReworded {
                old_number,
                similarity_percent,
                ..
            },
        ] => {
            assert_eq!(old_number, "3.5.");
            assert!(*similarity_percent >= 75 && *similarity_percent < 100);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn adding_a_main_duty_needs_consent() {
    let mut new = peakasutaja_draft();
    new.duties.insert(
        16,
        Duty {
            number: "3.17.".into(),
            text: "Vastutab perehüvitiste rakenduste kasutajaõiguste andmise ja lõpetamise eest."
                .into(),
            expected_results: vec!["Kasutajaõigused vastavad teenistusülesannetele.".into()],
        },
    );
    new.duties[17].number = "3.18.".into();
    let a = official(&new);
    assert!(a.needs_consent);
    assert_eq!(triggers(&a.reasons), vec![Trigger::DutyAdded]);
    assert!(
        a.summary()
            .starts_with("needs the official's consent: duty 3.17. was added")
    );
    // Renumbering the last duty is no change.
    assert!(a.other_changes.is_empty(), "{:?}", a.other_changes);
}

#[test]
fn removing_a_duty_needs_consent() {
    let mut new = peakasutaja_draft();
    new.duties.retain(|d| d.number != "3.12.");
    let a = official(&new);
    assert_eq!(triggers(&a.reasons), vec![Trigger::DutyRemoved]);
}

#[test]
fn changing_the_purpose_needs_consent() {
    let mut new = peakasutaja_draft();
    new.purpose = "Ametikoha eesmärk on perehüvitiste teenuse omanikuna teenuse eelarve, hangete ja partnerite lepingute eest vastutamine.".into();
    let a = official(&new);
    assert!(a.needs_consent);
    assert_eq!(triggers(&a.reasons), vec![Trigger::PurposeChanged]);
}

#[test]
fn rewording_the_purpose_needs_no_consent() {
    let mut new = peakasutaja_draft();
    new.purpose = "Ametikoha eesmärk on teenuse rakenduste ja protsesside igapäevase toimimise tagamine, nende arendamine ning parendamine koostöös teenuse juhiga.".into();
    let a = official(&new);
    assert!(!a.needs_consent);
    assert_eq!(triggers(&a.other_changes), vec![Trigger::PurposeReworded]);
}

#[test]
fn rewriting_a_duty_in_substance_needs_consent() {
    let mut new = peakasutaja_draft();
    duty_mut(&mut new, "3.9.").text =
        "Juhib perehüvitiste arendusprojekte, vastutab nende eelarve eest ja kinnitab arendustööde tulemused.".into();
    let a = official(&new);
    assert!(a.needs_consent);
    assert!(
        matches!(
            &a.reasons[..],
            [ConsentReason::DutyChangedInSubstance { old_number, similarity_percent, .. }]
                if old_number == "3.9." && *similarity_percent < 75
        ),
        "{:?}",
        a.reasons
    );
}

#[test]
fn punctuation_and_case_are_no_change() {
    let mut new = peakasutaja_draft();
    duty_mut(&mut new, "3.5.").text = duty_mut(&mut new, "3.5.")
        .text
        .replace(';', ".")
        .to_uppercase();
    assert!(official(&new).other_changes.is_empty());
}

/// The key user's volume: 17 duties and 18 expected results = 35; 20 % more is 42.
fn with_extra_results(n: usize) -> JobDescription {
    let mut new = peakasutaja_draft();
    for d in new.duties.iter_mut().take(n) {
        d.expected_results
            .push("Tegevused on dokumenteeritud ja kolleegid informeeritud.".into());
    }
    new
}

#[test]
fn volume_growing_by_more_than_the_threshold_needs_consent() {
    let a = official(&with_extra_results(7));
    assert!(!a.needs_consent, "35 → 42 is exactly 20 %: {a:?}");
    let a = official(&with_extra_results(8));
    assert!(a.needs_consent);
    assert_eq!(
        a.reasons,
        vec![ConsentReason::VolumeGrown {
            measure: VolumeMeasure::DutiesAndResults,
            before: 35,
            after: 43,
            threshold_percent: 20
        }]
    );
    assert!(
        a.reasons[0].describe().contains("+22.9 %"),
        "{}",
        a.reasons[0].describe()
    );
}

#[test]
fn the_thresholds_are_configurable() {
    let policy = ConsentPolicy {
        volume_growth_percent: 50,
        ..ConsentPolicy::default()
    };
    let a = classify(
        Some(&peakasutaja()),
        &with_extra_results(8),
        StaffGroup::Official,
        &policy,
    );
    assert!(!a.needs_consent);

    let words = ConsentPolicy {
        volume_measure: VolumeMeasure::Words,
        ..ConsentPolicy::default()
    };
    let before = VolumeMeasure::Words.measure(&peakasutaja());
    assert!(before > 300, "{before}");
    let a = classify(
        Some(&peakasutaja()),
        &with_extra_results(8),
        StaffGroup::Official,
        &words,
    );
    // 8 × 6 words on some 400: under 20 %.
    assert!(!a.needs_consent, "{a:?}");
}

#[test]
fn an_employee_needs_agreement_for_any_change_of_duties() {
    let mut new = star_draft();
    // 2.8: "ülesannete täitmine" → "ülesannete õigeaegne täitmine": a small rewording.
    new.duties[7].text = "Vahetu juhi ühekordsete ülesannete õigeaegne täitmine.".into();
    let a = employee(&new);
    assert!(a.needs_consent);
    assert_eq!(a.kind, ConsentKind::Agreement);
    assert_eq!(triggers(&a.reasons), vec![Trigger::DutyReworded]);
    assert!(a.summary().starts_with("needs the employee's agreement"));

    // The same rewording in an official's document needs no consent.
    let mut as_official = star_draft();
    as_official.duties[7].text = new.duties[7].text.clone();
    let a = classify(
        Some(&star()),
        &as_official,
        StaffGroup::Official,
        &ConsentPolicy::default(),
    );
    assert!(!a.needs_consent);
}

#[test]
fn an_employee_needs_no_agreement_for_a_reworded_result() {
    let mut new = star_draft();
    new.duties[0].expected_results[2] =
        "Proaktiivsed teavitamised on asjakohased ja õigeaegsed.".into();
    let a = employee(&new);
    assert!(!a.needs_consent, "{a:?}");
}

#[test]
fn duties_with_the_same_results_are_told_apart_by_their_text() {
    // 2.2–2.4 share their results; dropping 2.3 removes 2.3, not 2.4.
    let mut new = star_draft();
    new.duties.remove(2);
    let a = employee(&new);
    assert!(
        matches!(&a.reasons[..], [ConsentReason::DutyRemoved { number, .. }] if number == "2.3."),
        "{:?}",
        a.reasons
    );
}

#[test]
fn the_policy_is_data() {
    let policy = ConsentPolicy::default();
    let json = serde_json::to_string(&policy).unwrap();
    assert!(json.contains("\"duty_changed_in_substance\""), "{json}");
    let back: ConsentPolicy = serde_json::from_str(&json).unwrap();
    assert_eq!(back, policy);

    // A policy without a group is strict for it: every change counts.
    let strict = ConsentPolicy {
        groups: vec![],
        ..ConsentPolicy::default()
    };
    let mut new = peakasutaja_draft();
    new.duties[1].expected_results[0] = "Tehnilised probleemid on kiiresti lahendatud.".into();
    let a = classify(Some(&peakasutaja()), &new, StaffGroup::Official, &strict);
    assert!(a.needs_consent);
    assert_eq!(triggers(&a.reasons), vec![Trigger::ResultsChanged]);
}
