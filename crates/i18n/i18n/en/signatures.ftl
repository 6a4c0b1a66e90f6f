# UI strings of digital signatures (en). Keys in all three languages (et, en, ru).

denied-signatures-by-hr-or-holder = signed containers are attached by HR (or an administrator), or by the holder to their own job description.

sig-heading = Digital signatures
sig-container-download = Download for signing (ASiC-E)
sig-container-hint = The container holds the PDF made by the registry. Open it in DigiDoc4, sign with an ID card, Mobile-ID or Smart-ID and attach the signed container here. Do not change the PDF when signing.
sig-not-issuable = A job description can be downloaded for signing once it is approved (or later).
sig-none = No signed container has been attached.
sig-uploaded = Attached by
sig-upload-heading = Attach a signed container
sig-upload-intro = A valid signature is verified and stored with the record. The holder's signature on the PDF the registry issued records the acknowledgement on the signing day; the signature of the signer named on a directive records the directive as signed.
sig-upload-label = Signed container (.asice, .bdoc)
sig-upload-limit = Largest size accepted:
sig-upload-submit = Attach and verify
sig-upload-missing = No container was chosen, or the file is empty. Choose the signed .asice or .bdoc file DigiDoc4 saved.
sig-result-title = Signed container
sig-rejected = The container was not stored: the signature is not valid ({ $verdict }). Ask the signer to sign the document again in DigiDoc4 and attach the new container.
sig-report = Verification result
sig-back = Back to the record

sig-verdict = Result
sig-data-files = Data files
sig-warning = Warning
sig-signature = Signature
sig-signer = Signer
sig-personal-code = Personal code
sig-issuer = Certificate issuer
sig-signing-time = Signing time (as claimed by the signer)
sig-time-stamp = Time stamp
sig-level = Level
sig-indication = Verification result
sig-errors = Errors
sig-warnings = Warnings
sig-checked = What was checked
sig-limitations = What offline verification cannot prove
sig-kind-person = a person's signature
sig-kind-seal = an organisation's e-seal

sig-verdict-valid = valid signature
sig-verdict-valid-basic = valid, but without time stamp and revocation evidence
sig-verdict-valid-seal = valid e-seal
sig-verdict-invalid = invalid signature
sig-verdict-indeterminate = validity indeterminate
sig-verdict-unsigned = not signed

sig-outcome-acknowledged = Signed by the holder { $signer }: the acknowledgement was recorded on { $date }.
sig-outcome-acknowledged-not-performed = Signed by the holder { $signer } on { $date }, but the acknowledgement was not recorded.
sig-outcome-why = Reason: { $reason }.
sig-outcome-directive-signed = The directive was signed by { $signer } on { $date }.
sig-outcome-not-issued = A valid signature, but the container does not hold the file the registry issued (changed, or another document): stored, nothing recorded.
sig-outcome-seal = A valid e-seal of an organisation, not a person's signature: stored, nothing recorded.
sig-outcome-basic-only = A valid signature without time stamp and revocation evidence: stored, nothing recorded.
sig-outcome-other-signer = A valid signature, but the signer ({ $signers }) is not the person whose signature was expected: stored, nothing recorded.

sig-notice-acknowledged = The container was stored and the holder's acknowledgement recorded.
sig-notice-directive-signed = The container was stored and the directive recorded as signed.
sig-notice-not-issued = The container was stored, but it does not hold the file the registry issued: nothing was recorded.
sig-notice-seal = The container was stored; an e-seal records nothing.
sig-notice-basic-only = The container was stored; a signature without time stamp records nothing.
sig-notice-other-signer = The container was stored; the signer is not the expected person, nothing was recorded.

error-too-large = The file is too large
error-too-large-text = The file sent is larger than this address takes (a signed container up to 20 MiB). Choose the right file: a container of the registry's PDF is far smaller.
sig-refused-not-approved = The version cannot be signed yet: only an approved, signed or in-force version is issued for signing and takes a signed container. Approve it by a directive first.
sig-refused-read-only = A superseded or repealed version is kept as it was: it is not issued for signing and takes no signed container. Sign the version that replaced it.
