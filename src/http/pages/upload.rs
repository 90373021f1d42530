//! Reading a page's file upload: a multipart form whose CSRF token comes first, then the files.
//! The token is checked before any file is read.

use axum::body::Bytes;
use axum::extract::Multipart;

use crate::http::auth::Caller;
use crate::http::error::ApiError;

pub struct UploadedFiles {
    form: Multipart,
    token_checked: bool,
}

impl UploadedFiles {
    pub fn new(form: Multipart) -> UploadedFiles {
        UploadedFiles {
            form,
            token_checked: false,
        }
    }

    /// The next file, as (file name, bytes); `None` at the end of the form. A file input left
    /// empty (no name, no content) is skipped; a named empty file is not: the caller says so.
    pub async fn next(&mut self, caller: &Caller) -> Result<Option<(String, Bytes)>, ApiError> {
        while let Some(field) = self
            .form
            .next_field()
            .await
            .map_err(|error| ApiError::BadRequest(format!("the upload could not be read: {error}")))?
        {
            if field.name() == Some("csrf") {
                let sent = field
                    .text()
                    .await
                    .map_err(|error| ApiError::BadRequest(error.to_string()))?;
                caller.check_form_token(&sent)?;
                self.token_checked = true;
                continue;
            }
            if !self.token_checked {
                return Err(ApiError::Forbidden(
                    "the form's token must come before its files".to_owned(),
                ));
            }
            let name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|error| ApiError::BadRequest(error.to_string()))?;
            if !(name.is_empty() && bytes.is_empty()) {
                return Ok(Some((name, bytes)));
            }
        }
        if !self.token_checked {
            return Err(ApiError::Forbidden("the form's token is missing".to_owned()));
        }
        Ok(None)
    }
}
