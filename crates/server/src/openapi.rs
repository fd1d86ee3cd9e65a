//! The OpenAPI 3.1 description served at `/api/openapi.json`, derived with utoipa from the
//! handlers (`#[utoipa::path]`) and from the request and response types themselves
//! (`sahel_search::api`, `#[derive(ToSchema, IntoParams)]`): one definition of each type, so the
//! description cannot drift from what the server answers. A test still validates real answers
//! against it (every key documented, every required key present).

use utoipa::OpenApi;

use crate::error::ErrorBody;
use crate::handlers;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "sahel-search API",
        description = "Keyword search with facets over Sahel security reports. Errors are JSON \
                       `{\"error\": \"...\"}` with status 400 (bad parameter), 404 (unknown \
                       document or route), 503 (search timed out) or 500 (internal fault).",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        handlers::search,
        handlers::export,
        handlers::doc,
        handlers::facets,
        handlers::dimensions,
        handlers::stats,
        handlers::health,
        handlers::openapi_json,
        handlers::feed
    ),
    components(schemas(ErrorBody, handlers::Health)),
    tags((name = "search", description = "Searching and browsing reports"),
         (name = "index", description = "What the index holds"))
)]
pub struct ApiDoc;

/// The description as JSON text.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|err| format!("{{\"error\": \"cannot describe the API: {err}\"}}"))
}
