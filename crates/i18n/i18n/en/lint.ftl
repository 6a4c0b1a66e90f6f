# The consistency checks' findings (/checks): each rule's message and its fix (`-fix`), the
# terms a message lists and the names of the records. The keys are the domain's
# (`lint::MESSAGES`, `TERMS`, `RECORD_LABELS`) with "." and "_" written as "-".
lint-job-family-out-of-range = The job family and level “{ $family } { $level }” are outside the range of the role card “{ $card }” ({ $allowed }).
lint-job-family-out-of-range-fix = Set the position's job family and level within the card's range, or choose the role card that matches the position.
lint-job-family-exceptional = The job family and level “{ $family } { $level }” are allowed by the role card “{ $card }” only by exception.
lint-job-family-exceptional-fix = Record why the exception applies, or move the position to a regular job family of the card.
lint-substitution-missing-position = { $count ->
    [one] The substitution names a position that is not in the registry: { $positions }.
   *[other] The substitution names positions that are not in the registry: { $positions }.
}
lint-substitution-missing-position-fix = Remove the substitution, or add the position it names.
lint-substitutes-itself = The position stands in for itself.
lint-substitutes-itself-fix = Name another position as the substitute, or remove the substitution.
lint-substitution-not-reciprocal = { $substituted } does not stand in for { $substitute } in return.
lint-substitution-not-reciprocal-fix = Add the reverse substitution if the two stand in for each other; otherwise this is a one-way substitution (e.g. a deputy for a head) and may stay.
lint-supervisor-missing-none = The position has no supervisor.
lint-supervisor-missing-none-fix = Set the supervisor: the position this one reports to (only positions of the top unit, such as the director general, have none).
lint-supervisor-missing-not-in-registry = The supervisor { $supervisor } is not in the registry.
lint-supervisor-missing-not-in-registry-fix = Set the supervisor to a position of the registry.
lint-supervisor-outside-unit-chain = The supervisor “{ $supervisor }” is neither in the position's unit nor in a unit above it.
lint-supervisor-outside-unit-chain-fix = Set a supervisor of the position's own unit or of a unit above it, or move the position to the supervisor's unit.
lint-required-content-missing = The job description lacks what the Civil Service Act (§ 52 (1)) requires: { $missing }.
lint-required-content-missing-fix = Write in a new version of the job description: { $missing }.
lint-unfilled-template-field = The approved document still holds unfilled template fields: { $fields }.
lint-unfilled-template-field-fix = Import the registered document (with the directive's number and date and the signer), or enter the approval details.
lint-review-overdue = { $days ->
    [one] The annual review was due on { $due } ({ $days } day ago).
   *[other] The annual review was due on { $due } ({ $days } days ago).
}
lint-review-overdue-fix = Review the job description with the supervisor and record the review (no change, or a new version started).
lint-review-date-unknown = Neither the approval date of the current job description nor a review is known.
lint-review-date-unknown-fix = Enter the approving directive's date, or record a review.
lint-duplicate-duties = The duty “{ $duty }” is written the same in { $count } positions.
lint-duplicate-duties-fix = Add it to the duty library once and reuse it in these job descriptions.
lint-term-duties = duties
lint-term-education = education
lint-term-work-experience = work experience
lint-term-knowledge-and-skills = knowledge and skills
lint-record-position = { $name }
lint-record-version = { $title }, version { $version }
lint-record-substitution = { $substitute } stands in for { $substituted }
