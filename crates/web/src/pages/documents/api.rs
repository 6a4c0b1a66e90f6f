//! The documents' JSON API: a version's file, preparing a directive and recording its
//! registration (JSON bodies, the session's CSRF token in `X-CSRF-Token`).

use super::*;

// ---------------------------------------------------------------------------------------------
// JSON API

pub(super) fn api_denied(d: Denied) -> ApiError {
    ApiError {
        status: StatusCode::FORBIDDEN,
        code: "forbidden",
        message: format!("not allowed: {d}"),
    }
}

pub(super) fn api_render_error(e: RenderError) -> ApiError {
    tracing::warn!(error = %e, "a document could not be rendered");
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "render_failed",
        message: e.to_string(),
    }
}

pub(super) async fn api_document(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, ApiError> {
    let id: JobDescriptionId = JobDescriptionId::parse(&id)
        .map_err(|e| ApiError::bad_request(format!("job description id: {e}")))?;
    let (format, template) = file_choice(&q, Format::Pdf).map_err(ApiError::bad_request)?;
    let jd = match readable_version(&state, &ctx, &id).await? {
        Ok(v) => v,
        Err(Refusal::NotFound) => {
            return Err(ApiError::not_found("job description", id.as_str()));
        }
        Err(Refusal::Denied(d)) => return Err(api_denied(d)),
    };
    version_response(&state, &ctx, &jd, format, template)
        .await?
        .map_err(api_render_error)
}

/// `POST /api/directives`: what a new directive approves and says; unset fields take the
/// defaults (computed title, the Civil Service Act § 52 (1)–(2) and the agency's statute, in
/// force on signing, the signer as template fields).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDirective {
    /// The job description versions to approve, in annex order (one per position).
    pub job_descriptions: Vec<JobDescriptionId>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub legal_basis: Option<String>,
    #[serde(default)]
    pub entry_into_force: Option<EntryIntoForce>,
    #[serde(default)]
    pub signer_name: Option<String>,
    #[serde(default)]
    pub signer_title: Option<String>,
}

/// `POST /api/directives/{id}/registration`: the number and date the document register gave.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRegistration {
    pub number: String,
    /// YYYY-MM-DD (or DD.MM.YYYY); not in the future.
    pub date: String,
    /// The directive's revision as read (optional): when given and the directive changed since,
    /// the registration is refused with 409 `stale`.
    #[serde(default)]
    pub revision: Option<String>,
}

pub(super) fn json_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not what this call takes: {e}")))
}

pub(super) fn unprocessable(code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code,
        message: message.into(),
    }
}

pub(super) async fn api_create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    body: Bytes,
) -> Result<Response, ApiError> {
    ctx.allowed(
        Permission::Directives,
        Target::Registry,
        &UnitTree::default(),
    )
    .map_err(api_denied)?;
    let n: NewDirective = json_body(&body)?;
    let user = ctx
        .user
        .as_ref()
        .ok_or_else(|| api_denied(Denied::NoRole))?;
    let who = Principal::of(user);
    let refused = |e: AppError| match e {
        AppError::Invalid(problems) => unprocessable(
            "invalid",
            problems
                .iter()
                .map(|p| format!("{} {}", p.field, p.message))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        AppError::Plan(app_directives::PlanError::Unknown(id)) => {
            ApiError::not_found("job description", id.as_str())
        }
        e => e.into(),
    };
    let cmd = app_directives::NewDirective::parse(app_directives::DirectiveInput {
        job_descriptions: n.job_descriptions,
        title: n.title,
        legal_basis: n.legal_basis,
        entry_into_force: n.entry_into_force,
        signer_name: n.signer_name,
        signer_title: n.signer_title,
        template: None,
    })
    .map_err(refused)?;
    let planned = app_directives::plan(state.store.as_ref(), &who, &cmd)
        .await
        .map_err(refused)?;
    let record =
        app_directives::create(state.store.as_ref(), state.clock.as_ref(), &who, &planned).await?;
    Ok((StatusCode::CREATED, Json(record)).into_response())
}

pub(super) async fn api_register(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Directive>, ApiError> {
    let id =
        DirectiveId::parse(&id).map_err(|e| ApiError::bad_request(format!("directive id: {e}")))?;
    ctx.allowed(
        Permission::Directives,
        Target::Registry,
        &UnitTree::default(),
    )
    .map_err(api_denied)?;
    let n: NewRegistration = json_body(&body)?;
    let day = parse_date(&n.date).ok_or_else(|| {
        ApiError::bad_request(format!("date '{}' is not a date: YYYY-MM-DD", n.date))
    })?;
    let user = ctx
        .user
        .as_ref()
        .ok_or_else(|| api_denied(Denied::NoRole))?;
    let cmd = app_directives::Registration::new(&n.number, day, n.revision.clone());
    let done = app_directives::register(
        state.store.as_ref(),
        state.clock.as_ref(),
        &Principal::of(user),
        &id,
        cmd,
    )
    .await?;
    Ok(Json(done.directive))
}

/// The paths of this module in the OpenAPI document (`POST` joins the existing
/// `GET /api/directives`).
pub fn openapi_paths(
    generator: &mut SchemaGenerator,
    paths: &mut serde_json::Map<String, Value>,
    error: &Value,
) {
    let new_directive = generator.subschema_for::<NewDirective>().to_value();
    let registration = generator.subschema_for::<NewRegistration>().to_value();
    let directive = generator.subschema_for::<Directive>().to_value();
    let err =
        |d: &str| json!({"description": d, "content": {"application/json": {"schema": error}}});
    let csrf = json!({"name": "X-CSRF-Token", "in": "header", "required": true, "description": "The session's CSRF token (GET /api/session).", "schema": {"type": "string"}});
    let id = |d: &str| json!({"name": "id", "in": "path", "required": true, "description": d, "schema": {"type": "string", "format": "uuid"}});
    let file = |m: &str| json!({"schema": {"type": "string", "contentMediaType": m}});
    paths.insert(
        "/api/job-descriptions/{id}/document".into(),
        json!({"get": {
            "operationId": "getJobDescriptionDocument",
            "summary": "The job description version as a file in the agency's layout: PDF (PDF/A-2b), DOCX or HTML, in the 2024 (default) or 2023 SKA template; Content-Disposition: attachment with the file name (RFC 6266).",
            "parameters": [
                id("Job description (version) id"),
                {"name": "format", "in": "query", "required": false, "description": "pdf (default), docx or html.", "schema": {"type": "string", "enum": ["pdf", "docx", "html"]}},
                {"name": "template", "in": "query", "required": false, "description": "The SKA template: 2024 (default) or 2023.", "schema": {"type": "string", "enum": ["2024", "2023"]}}
            ],
            "responses": {
                "200": {"description": "The file.", "content": {
                    "application/pdf": file("application/pdf"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": file("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    "text/html": file("text/html")
                }},
                "400": err("The id is not a UUID, or the format or template is unknown."),
                "403": err("The account may not read the version."),
                "404": err("No version with this id."),
                "422": err("The version cannot be rendered (e.g. it refers to a competency that is not in the library).")
            }
        }}),
    );
    let post = json!({
        "operationId": "createDirective",
        "summary": "Prepares a directive approving job description versions (HR and administrators): the annexes and the earlier approvals it repeals are computed from the registry; number and date stay the register's template fields ({regNumber}, {regDateTime}) until registered. Needs Content-Type: application/json and the session's CSRF token in X-CSRF-Token.",
        "parameters": [csrf.clone()],
        "requestBody": {"required": true, "content": {"application/json": {"schema": new_directive}}},
        "responses": {
            "201": {"description": "The stored directive.", "content": {"application/json": {"schema": directive.clone()}}},
            "400": err("The body is not a new directive."),
            "403": err("Only HR and administrators prepare directives, or the CSRF token or JSON content type is missing."),
            "404": err("A job description is not in the registry."),
            "422": err("Nothing chosen, two versions of one position, or a field too long.")
        }
    });
    match paths
        .get_mut("/api/directives")
        .and_then(Value::as_object_mut)
    {
        Some(existing) => {
            existing.insert("post".into(), post);
        }
        None => {
            paths.insert("/api/directives".into(), json!({"post": post}));
        }
    }
    paths.insert(
        "/api/directives/{id}/registration".into(),
        json!({"post": {
            "operationId": "registerDirective",
            "summary": "Records the number and date the document register gave a directive (HR and administrators); once only, and not with a date in the future. In the same transaction it approves every annexed job description version (annex number, the directive's first day in force) and puts in force those of vacant positions whose first day has come. Needs Content-Type: application/json and X-CSRF-Token.",
            "parameters": [id("Directive id"), csrf],
            "requestBody": {"required": true, "content": {"application/json": {"schema": registration}}},
            "responses": {
                "200": {"description": "The registered directive.", "content": {"application/json": {"schema": directive}}},
                "400": err("The id is not a UUID, the body is not a registration, or the date is not a date."),
                "403": err("Only HR and administrators register directives."),
                "404": err("No directive with this id."),
                "409": err("The directive is already registered (already_registered), it changed since the revision sent (stale), or an annex cannot be approved (annexes_refused: each annex with the reason; nothing is written)."),
                "422": err("The number is missing or not one line (number_missing, number_invalid), or the date is in the future (date_in_future).")
            }
        }}),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_disposition_has_an_ascii_name_and_the_utf8_one() {
        let v = content_disposition(
            "teenuste-osakond-osakonnajuhataja-v1.pdf",
            "Teenuste osakond – Osakonnajuhataja v1.pdf",
        );
        assert_eq!(
            v,
            "attachment; filename=\"teenuste-osakond-osakonnajuhataja-v1.pdf\"; \
             filename*=UTF-8''Teenuste%20osakond%20%E2%80%93%20Osakonnajuhataja%20v1.pdf"
        );
        let odd = content_disposition("a\"b\\c\u{0}.pdf", "x/\"y\"\n.pdf");
        assert!(
            odd.starts_with(
                "attachment; filename=\"abc.pdf\"; filename*=UTF-8''x%20%20y%20%20.pdf"
            ),
            "{odd}"
        );
        assert!(HeaderValue::from_str(&odd).is_ok());
    }

    #[test]
    fn download_parameters_default_and_refuse_unknown_values() {
        let q = |f: &str, t: &str| DownloadQuery {
            format: Some(f.into()),
            template: Some(t.into()),
        };
        assert_eq!(
            file_choice(&DownloadQuery::default(), Format::Pdf),
            Ok((Format::Pdf, Template::Ska2024))
        );
        assert_eq!(
            file_choice(&q("docx", "2023"), Format::Pdf),
            Ok((Format::Docx, Template::Ska2023))
        );
        assert!(file_choice(&q("odt", ""), Format::Pdf).is_err());
        assert!(file_choice(&q("pdf", "2022"), Format::Pdf).is_err());
    }

    #[test]
    fn directive_file_names() {
        let mut d = Directive {
            id: DirectiveId::derived("x"),
            number: None,
            date: None,
            title: "Ametijuhendite kinnitamine".into(),
            legal_basis: None,
            clauses: vec![],
            annexes: vec![],
            repeals: vec![],
            entry_into_force: None,
            appeal_clause: None,
            signer: None,
            placeholders: vec![],
            source: None,
            unplaced: vec![],
        };
        assert_eq!(
            directive_names(&d, Format::Docx).0,
            "kaskkiri-registreerimata-ametijuhendite-kinnitamine.docx"
        );
        d.number = Some("1-3/17".into());
        let (ascii, utf8) = directive_names(&d, Format::Pdf);
        assert_eq!(ascii, "kaskkiri-1-3-17-ametijuhendite-kinnitamine.pdf");
        assert_eq!(utf8, "Käskkiri nr 1-3/17 – Ametijuhendite kinnitamine.pdf");
    }
}
