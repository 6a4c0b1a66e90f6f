//! `GET /api/search`: the same query as the page, answered as JSON.

use super::*;

// ---------------------------------------------------------------------------------------------
// The JSON API.

pub(super) fn unavailable(why: Unavailable) -> ApiError {
    ApiError {
        status: StatusCode::SERVICE_UNAVAILABLE,
        code: "unavailable",
        message: match why {
            Unavailable::Locked => "search is unavailable: another program writes the search index (another server on the same data directory?); try again later",
            Unavailable::Failed => "search is unavailable: the search index could not be opened or updated; the error has been logged for the administrator",
            Unavailable::Disabled => "this server has no search index",
        }
        .into(),
    }
}

pub(super) fn search_failed(e: String) -> ApiError {
    tracing::error!(error = %e, "search failed");
    ApiError {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        code: "internal",
        message: "the search failed; the error has been logged for the administrator".into(),
    }
}

/// `GET /api/search`: the results as JSON (see the module documentation for the parameters;
/// `limit` sets the hits per page, 1 to 100, default 20).
#[tracing::instrument(skip_all)]
pub async fn api(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResults>, ApiError> {
    let visibility = visibility(ctx.principal().as_ref());
    let units = state.store.list_units().await?;
    let cards = state.store.list_role_cards().await?;
    let pairs = query_pairs(raw.as_deref());
    // The parameters that need no index are checked first: a bad request stays one.
    let unchecked = read(&pairs, &units, &cards, &Known::default());
    if !unchecked.errors.is_empty() {
        return Err(bad_request(&unchecked.errors));
    }
    let index = state
        .search
        .ready(&state.store)
        .await
        .map_err(unavailable)?;
    let known = known(&index, &visibility).await.map_err(search_failed)?;
    let parsed = read(&pairs, &units, &cards, &known);
    if !parsed.errors.is_empty() {
        return Err(bad_request(&parsed.errors));
    }
    let limit = parsed.limit.unwrap_or(PAGE_SIZE);
    let results = run(&index, query_for(&parsed, visibility, limit))
        .await
        .map_err(search_failed)?;
    Ok(Json(results))
}

pub(super) fn bad_request(errors: &[BadParam]) -> ApiError {
    let messages: Vec<String> = errors.iter().map(BadParam::message).collect();
    ApiError::bad_request(format!(
        "{}; see /api/openapi.json for the parameters",
        messages.join("; ")
    ))
}
