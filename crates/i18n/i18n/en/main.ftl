# Ametijuhend – interface texts (English)

app-name = Ametijuhend
agency-name = Social Insurance Board
skip-to-content = Skip to main content
footer-text = The registry of job descriptions, role cards and positions. Document content is shown as written.
nav-label = Main menu
nav-home = Home
nav-units = Organisation
nav-positions = Positions
nav-role-cards = Role cards
nav-competencies = Competencies
breadcrumb-label = You are here
language-label = Language
language-switch = Change language
signed-in-as = Signed in:
logout = Sign out
save = Save
cancel = Cancel
none = None.

role-administrator = administrator
role-hr = HR
role-manager = manager
role-staff = staff
role-auditor = auditor

login-title = Sign in
login-intro = Sign in with your username and password.
login-username = Username
login-password = Password
login-submit = Sign in
login-failed = Wrong username or password. Check what you typed and try again.

error-not-found = Page not found
error-not-found-text = There is no such page or record. It may have been removed, or the address is wrong.
error-forbidden = Not allowed
error-forbidden-text = Your account may not do this.
error-rate-limited = Too many failed sign-ins
error-rate-limited-text = Too many wrong passwords were entered for this username in a short time. Wait 15 minutes and try again.
error-method = This address cannot be opened like this
error-method-text = This address is for a form's button (such as signing out or saving). Go back to the previous page and use the button there.
error-internal = Something went wrong
error-internal-text = The registry could not be read or changed. The error has been logged for the administrator; try again later.
error-reason = Reason:
error-back-home = Back to the home page

denied-no-role = the account has no role.
denied-auditor-reads-only = an auditor sees everything but changes nothing.
denied-staff-reads-only = the staff role reads the registry but does not change it.
denied-staff-not-own-record = staff see this only for their own position.
denied-manager-without-unit = the manager account has no unit assigned.
denied-outside-manager-scope = the record is not in the units you manage.
denied-outside-read-scope = the record is not in the part of the registry your account may read.
denied-csrf = the form's security token is missing or has expired. Open the page again and retry.

form-has-errors = The form has errors
error-required = This field is required.
error-too-long = The text is too long (at most { $max } characters).
error-too-many = Too many (at most { $max }).
error-choose = Choose a value from the list.
error-date = Write the date as DD.MM.YYYY, for example 01.09.2024.
error-date-after = The change must start after { $date } (the start of the current version).
error-unit-closed = The unit was closed on { $date }; a closed unit is not renamed or moved.
error-parent-cycle = A unit cannot be placed under itself or one of its sub-units.
error-changed-meanwhile = Someone changed this meanwhile; nothing was saved. Reload the page, review the change and make yours again. ({ $detail })
error-refused = The change cannot be saved: { $detail }
error-nothing-changed = Nothing changed: change the name, kind or parent unit.
error-family-and-level = Give the job family and the level together.
error-cefr = Choose a language level from the list (A1–C2).
error-single-line = Write this on one line, without line breaks, tabs or other control characters.
error-control-characters = Remove the invisible control characters (such as U+0000) from the text.

count-units = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
count-positions = { $count ->
    [one] { $count } position
   *[other] { $count } positions
}
count-job-descriptions = { $count ->
    [one] { $count } job description version
   *[other] { $count } job description versions
}
count-role-cards = { $count ->
    [one] { $count } role card
   *[other] { $count } role cards
}
count-competencies = { $count ->
    [one] { $count } competency
   *[other] { $count } competencies
}

# The same without the number (the number is shown apart, e.g. on the start page's cards).
count-units-noun = { $count ->
    [one] unit
   *[other] units
}
count-positions-noun = { $count ->
    [one] position
   *[other] positions
}
count-job-descriptions-noun = { $count ->
    [one] job description version
   *[other] job description versions
}
count-role-cards-noun = { $count ->
    [one] role card
   *[other] role cards
}
count-competencies-noun = { $count ->
    [one] competency
   *[other] competencies
}

home-title = Home
home-intro = An overview of job descriptions, positions and the latest changes.
home-own-position = Your position:
home-counts = In the registry
home-without-valid = Positions without a valid job description
home-without-valid-none = Every position has a valid job description.
home-reviews-due = Job descriptions due for review
home-reviews-none = No reviews are due in the next 60 days.
home-recent-changes = Recent changes
home-recent-none = No changes have been made yet.
review-overdue = overdue
review-due-soon = due soon
search-label = Search positions
search-submit = Search

col-position = Position
col-unit = Unit
col-due = Due
col-state = State
col-when = When
col-who = Who
col-what = What
col-record = Record
col-from = From
col-to = To
col-number = No.
col-latest-version = Latest version

action-unit-created = unit added
action-unit-changed = unit changed
action-position-created = position added
action-position-changed = position changed
action-position-removed = position removed
action-job-description-draft-saved = new job description version (draft) saved

units-title = Organisation
units-intro = Units and their sub-units, each with how many positions it has; a unit's page lists them.
unit-add = Add a unit
unit-add-sub = Add a sub-unit
unit-edit = Change unit
unit-new-title = New unit
unit-edit-title = Changing the unit “{ $name }”
unit-name = Name
unit-kind = Kind
unit-parent = Parent unit
unit-no-parent = (none – top level)
unit-valid-from = Valid from
unit-valid-from-hint-new = Date as DD.MM.YYYY; may be left empty.
unit-valid-from-hint-edit = Date as DD.MM.YYYY. The current version ends the day before; the history is kept.
unit-positions = Positions
unit-sub-units = Sub-units
unit-versions = History of the unit
unit-closed-on = closed
unit-kind-agency = agency
unit-kind-department = department
unit-kind-division = division
unit-kind-team = team

positions-title = Positions
position-add = Add a position
position-edit = Change position
position-new-title = New position
position-edit-title = Changing the position “{ $title }”
position-title = Title
position-specialisation = Specialisation (the part in brackets)
position-staff-group = Staff group
position-job-family = Job family and level
position-job-family-name = Job family
position-job-level = Level
position-role-card = Role card
position-no-role-card = (no role card)
position-no-supervisor = (no supervisor)
position-holder = Held by
position-holder-hidden = (shown only for your own position)
position-vacant = vacant
position-supervisor-chain = Chain of supervisors (nearest first)
position-versions = Job description versions
position-no-versions = The position has no job description yet.
position-showing-draft = There is no valid job description; the latest version is shown.
position-remove = Remove the position
position-remove-refused = The position was not removed.
position-remove-blocked = The position cannot be removed because:
position-remove-has-versions = it has job description versions, which are kept for good
position-remove-has-subordinates = other positions report to it
position-remove-has-substitutes = it has substitution links
position-remove-has-holders = it has holders recorded
staff-group-official = official
staff-group-employee = employee

status-draft = draft
status-in-coordination = in coordination
status-approved = approved
status-signed = signed
status-in-force = in force
status-superseded = superseded
status-repealed = repealed

jd-heading = Job description
jd-version = Version
jd-saved = Saved
jd-effective-from = in force from
jd-approved-by = approved by
jd-general = General
jd-title = Title
jd-unit = Unit
jd-supervisor = Supervisor
jd-subordinates = Subordinates
jd-substituted-by = Substituted by
jd-substitutes-scope = Positions in { $unit } and the units above it, and the positions already linked to this one
jd-substitutes-for = Substitutes for
jd-purpose = Purpose of the position
jd-duties = Duties and expected results
jd-duty = Duty
jd-duty-text = Text of the duty
jd-expected-results = Expected results
jd-expected-result = Expected result
jd-rights = Rights
jd-responsibilities = Responsibilities
jd-work-equipment = Work equipment
jd-requirements = Requirements
jd-competencies = Competencies
jd-amendment = Amending the job description
jd-special-conditions = Special conditions
jd-substituted-by-as-written = Substituted by (as the document writes it)
jd-signature-blocks = Signatories
jd-other-requirements = Other requirements
jd-unplaced = Text the import could not place
jd-signed-digitally = signed digitally
jd-unplaced-intro = The import could not place this text of the original document in any field. It is part of the record and stays in new versions; move its content to the right field where needed.
jd-edit-kept-heading = Kept as it is
jd-edit-kept-intro = The editor does not change these parts; the new version keeps them as they are now. "Substituted by" is written anew only when you change the choice of substitutes above.
jd-edit = Edit job description
jd-edit-title = Editing the job description: { $title }
jd-edit-base = You are editing version { $version }. Saving creates a new draft, version { $next }; earlier versions do not change.
jd-edit-first-version = The position has no job description yet. Saving creates the first version (a draft).
jd-back-to-position = Position
jd-add-duty = Add a duty
jd-remove-duty = Remove duty
jd-add-result = Add an expected result
jd-remove-result = Remove expected result
jd-move-up = Move up
jd-move-down = Move down
jd-conflict-heading = The job description was changed at the same time
jd-conflict = Someone else saved version { $version } meanwhile. Your changes were not saved and nothing was overwritten; your input is kept below. Review the latest version and save again to add your changes as a new version.
jd-conflict-see-latest = See the latest version
jd-saved-notice = Saved as a new draft. Earlier versions were not changed.
hint-one-per-line = One item per line.
version-title = { $title } – version { $version }

req-education = Education
req-work-experience = Work experience
req-computer-skills = Computer skills
req-knowledge = Knowledge and skills
req-personal-qualities = Personal qualities
req-languages = Languages
req-language = Language
req-language-name = Language
req-cefr-level = Level (CEFR)
req-language-text = Requirement as written
req-add-language = Add a language requirement
req-remove-language = Remove language requirement

language-name-any = (several languages possible, see the requirement)
language-name-et = Estonian
language-name-en = English
language-name-ru = Russian
language-name-de = German
language-name-fi = Finnish
language-name-fr = French
language-name-sv = Swedish
language-name-lv = Latvian
language-name-lt = Lithuanian
language-name-uk = Ukrainian
language-name-es = Spanish
language-name-pl = Polish

competencies-title = Competencies
competency-name = Competency
competency-indicators = Behavioural indicators
competency-required-by = Positions that require it
competency-core = core competency
competency-additional = additional competency
competency-not-required = not required
competency-pick = Choose competencies from the library
competency-requirement = Requirement

role-cards-title = Role cards
role-cards-intro = The role cards of the service-based management model that job descriptions are written from.
role-card = Role card
role-card-catalogue = Catalogue
role-card-revision = revision
role-card-why = Why is the position needed?
role-card-purpose = Purpose of the work
role-card-benefit = Benefit of the position
role-card-target-groups = Direct target groups
role-card-competences = Required competences
role-card-job-family = Job family
role-card-points = Job evaluation points
role-card-roles = Roles and what they mean
role-card-no-definition = The role glossary has no definition.
role-card-positions = Positions written from this role card

history-link = History of changes
history-title = History of changes: { $name }
history-back = Back to the record
history-none = No changes have been recorded.
history-field = Field
history-before = Before
history-after = After
value-yes = yes
value-no = no
