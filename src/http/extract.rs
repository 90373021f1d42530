//! Extractors whose rejections are problem+json like every other error of the API.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// A JSON body; a malformed one is a 400 that says what was wrong.
pub struct JsonBody<T>(pub T);

impl<State: Send + Sync, T: DeserializeOwned> FromRequest<State> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &State) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => Err(ApiError::BadRequest(rejection.body_text())),
        }
    }
}

/// Path parameters; a value that is not an id is a 400.
pub struct PathParams<T>(pub T);

impl<State: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<State> for PathParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(PathParams(value)),
            Err(rejection) => Err(ApiError::BadRequest(rejection.body_text())),
        }
    }
}

/// Query parameters; a malformed query is a 400.
pub struct QueryParams<T>(pub T);

impl<State: Send + Sync, T: DeserializeOwned> FromRequestParts<State> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(QueryParams(value)),
            Err(rejection) => Err(ApiError::BadRequest(rejection.body_text())),
        }
    }
}

/// Reads an optional form or query value where an empty field means "not given", as browsers
/// send a date input left empty (`from=`).
pub fn blank_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => value.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// A page form's fields as sent, for forms whose field names are made of ids (`pick-12-2`,
/// `overdraft-1100`) or repeated (`match`): read by name, after its CSRF token was checked.
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    /// The form's fields once the token among them matches the caller's session.
    pub fn checked(fields: Vec<(String, String)>, caller: &super::auth::Caller) -> Result<FormFields, ApiError> {
        let form = FormFields(fields);
        caller.check_form_token(form.get("csrf").unwrap_or_default())?;
        Ok(form)
    }

    /// The first value of field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}
