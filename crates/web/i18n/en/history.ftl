# The history of changes (/units/ID/history, /positions/ID/history) and the start page's latest
# changes: what an event did, in words.
history-approved = Approved by directive { $number }
history-approved-details = Approved by directive { $number } ({ $details })
history-annex = annex { $annex }
history-acknowledged = Acknowledged on { $date }.
history-consent-given = The official's consent was given on { $date }.
history-in-force-from = In force from { $date }.
history-review = Review of { $date }: { $outcome }
history-comment = Comment: { $comment }
history-signature-attached = Signed container { $file } attached
history-container-issued = Issued for signing: { $files }
history-effective-from = In force from
history-effective-to = In force until
action-directive-created = directive prepared
action-directive-recorded = directive entered in the registry on approving a job description
action-directive-registered = directive registered
action-signature-container-issued = container issued for signing
action-signature-attached = signed container attached
history-version-created = New version { $version } ({ $status })
history-field-number = Number
history-field-position = Position
history-field-revision = Revision
history-field-template = Template
history-field-written-from = Written from the role card
