# UI strings of the documents pages (en). Keys in all three languages (et, en, ru).

nav-directives = Directives
denied-directives-by-hr = directives are prepared and registered by HR (or an administrator).

## Downloads of a job description
doc-downloads = Download
doc-template-2024 = SKA 2024 template
doc-template-2023 = SKA 2023 template

## Directives
directives-title = Directives
directives-intro = The director general's directives that approve job descriptions. An unregistered directive's number and date are still fields for the document register.
directives-count = { $count ->
    [one] { $count } directive
   *[other] { $count } directives
}
directives-none = No directives yet.
directive-new-link = Prepare a directive
directive-untitled = Directive
directive-unregistered = unregistered
directive-registered-as = no. { $number }, { $date }
directive-annex = annex
directive-col-registration = Number and date
directive-col-title = Title
directive-col-annexes = Annexes
directive-col-annex = Annex
directive-col-version = Job description version

directive-new-title = New directive
directive-new-intro = Choose the job descriptions to approve (one version per position). Point 1 lists the annexes, point 2 repeals the earlier approvals of those positions; the number and date stay fields for the document register until the directive is registered.
directive-filter-unit = Unit (with its sub-units)
directive-filter-status = Job description status
directive-filter-submit = Show
directive-all-units = All units
directive-any-status = Any status
directive-choose-legend = Job descriptions to approve
directive-no-candidates = The chosen unit has no job descriptions in this status. Choose another unit or status.
directive-title-label = Title
directive-title-hint = Left empty, the title is chosen for you: “Ametijuhendi kinnitamine”, “Ametijuhendite kinnitamine” or “Ametijuhendi muutmine”.
directive-legal-basis = Legal basis
directive-entry-legend = Entry into force
directive-entry-signing = In force on signing
directive-entry-retroactive = Applied retroactively from (optional)
directive-entry-date = In force on a date
directive-in-force-date = Date of entry into force
directive-signer-hint = The signer's name and title may be left empty: the document then keeps the fields {"{"}Allkirjastaja{"}"} and {"{"}Ametikoht{"}"}.
directive-signer-name = Signer's name
directive-signer-title = Signer's title
directive-create-submit = Prepare the directive
directive-error-none-chosen = Choose at least one job description.
directive-error-same-position = A directive approves one version per position: leave one of them unchecked.
directive-error-number-invalid = Write the number on one line (at most { $max } characters).
directive-error-date-in-future = The registration date cannot be in the future (today is { $today }).
directive-error-already-registered = The directive is already registered; a registered directive keeps its number and date. Prepare a new directive to change it.
directive-created-notice = The directive has been prepared. Download it, register it in the document register and enter its number and date here.
directive-registered-notice = The directive is registered: its number and date are saved and the job descriptions annexed to it are approved (those of vacant positions also put in force when their first day has come). Their holders now need to acknowledge them.
directive-placeholders = Unfilled fields
directive-downloads-hint = The directive with the job descriptions as its annexes.
directive-text = Text of the directive
directive-annexes = Annexes
directive-annex-missing = not in the registry
directive-register-heading = Registration
directive-register-intro = Enter the number and date the document register gave the directive. This can be done once. Registering also approves every job description annexed to the directive, so their coordination must be complete.
directive-number = Number
directive-date = Date
directive-register-submit = Save the registration
directive-error-annexes-refused = The registration was not saved because not every annex can be approved: { $annexes } Complete their coordination or leave them out of the directive, then try again.
directive-annex-refused = Annex { $annex } ({ $title }): { $reason }
